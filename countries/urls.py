from django.urls import path

from countries import export_views, views

app_name = "countries"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/export/", export_views.country_export, name="export"),
]
