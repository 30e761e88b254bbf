from django.urls import path

from agencies.views import downloads, focal_points, pages

app_name = "agencies"
urlpatterns = [
    path("", pages.index, name="index"),
    # Before the acronym catch-all below.
    path("focal-points/new/", focal_points.focal_point_add, name="focal_point_add"),
    path("focal-points/<int:pk>/edit/", focal_points.focal_point_edit, name="focal_point_edit"),
    # path: an acronym may contain a slash; "/export/" at the end is the download.
    path("<path:acronym>/export/", downloads.agency_export, name="export"),
    path("<path:acronym>/", pages.detail, name="detail"),
]
