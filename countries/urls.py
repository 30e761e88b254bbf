from django.urls import path

from countries import assessments, export_views, views

app_name = "countries"
urlpatterns = [
    path("", views.index, name="index"),
    # Before "<code>/": these words are no country code.
    path("assessments/", assessments.compare, name="assessments"),
    path("assessments/export/", assessments.export, name="assessments_export"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/export/", export_views.country_export, name="export"),
]
