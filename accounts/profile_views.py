"""A person's own page (name, language, emails, agencies, what other floors add) and the
header's language switch, which also writes the choice on the logged-in person's profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.language import remember, set_language, supported
from accounts.models import Profile
from accounts.profile import ProfileForm, profile_panels


def browser_language(request: HttpRequest) -> str | None:
    """The hub's language the browser asks for first, if the browser asks for one."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header):
        found = supported(code.split("-")[0].lower())
        if found:
            return found
    return None


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The person's name, language and reminder emails; their agencies; other floors' panels."""
    person, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember(request, person.language)
        translation.activate(person.language)
        messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    offered = browser_language(request)
    ctx = {
        "form": form,
        "memberships": person.memberships.select_related("agency").order_by("agency__acronym"),
        "panels": [(panel.template, panel.context) for panel in profile_panels(request)],
        "browser_language": offered if offered and offered != person.language else None,
    }
    return render(request, "accounts/profile.html", ctx)


@csrf_exempt
@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (cookie and redirect), remembered on the profile when logged in.

    A visitor's switch only sets a cookie of their own browser: it needs no CSRF token, so
    that the anonymous pages carry none and can be kept in the cache (core.public_cache).
    A logged-in person's switch writes their profile: CSRF-checked as any form."""
    if request.user.is_authenticated:
        return _switch_person_language(request)
    return i18n.set_language(request)


@csrf_protect
def _switch_person_language(request: HttpRequest) -> HttpResponse:
    response = i18n.set_language(request)
    language = supported(request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER))
    if language:
        set_language(request.user, language)
        remember(request, language)
    return response
