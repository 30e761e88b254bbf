from django.urls import path

from funding.views import downloads, pages

app_name = "funding"
urlpatterns = [
    path("", pages.index, name="index"),
    path("export/", downloads.contributions_export, name="export"),
    path("totals/export/", downloads.totals_export, name="totals_export"),
]
