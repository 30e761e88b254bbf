from django.urls import path

from countries import assessments
from countries.views import downloads, pages

app_name = "countries"
urlpatterns = [
    path("", pages.index, name="index"),
    # Before "<code>/": these words are no country code.
    path("assessments/", assessments.compare, name="assessments"),
    path("assessments/export/", assessments.export, name="assessments_export"),
    path("<str:code>/", pages.detail, name="detail"),
    path("<str:code>/export/", downloads.country_export, name="export"),
]
