from django.urls import path

from agencies import export_views, views

app_name = "agencies"
urlpatterns = [
    path("", views.index, name="index"),
    # path: an acronym may contain a slash; "/export/" at the end is the download.
    path("<path:acronym>/export/", export_views.agency_export, name="export"),
    path("<path:acronym>/", views.detail, name="detail"),
]
