from django.urls import path

from agencies import edit_views, export_views, views

app_name = "agencies"
urlpatterns = [
    path("", views.index, name="index"),
    # Before the acronym catch-all below.
    path("focal-points/new/", edit_views.focal_point_add, name="focal_point_add"),
    path("focal-points/<int:pk>/edit/", edit_views.focal_point_edit, name="focal_point_edit"),
    # path: an acronym may contain a slash; "/export/" at the end is the download.
    path("<path:acronym>/export/", export_views.agency_export, name="export"),
    path("<path:acronym>/", views.detail, name="detail"),
]
