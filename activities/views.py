from django.http import HttpRequest, HttpResponse


def matrix(request: HttpRequest) -> HttpResponse:
    return HttpResponse("SPF Coalition Hub")
