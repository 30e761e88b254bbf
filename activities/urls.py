from django.urls import path

from activities.views import (
    agencies,
    changes,
    countries,
    downloads,
    edit,
    history,
    matrix,
    my_rows,
    proposals,
)

app_name = "activities"
urlpatterns = [
    # The front page (overview) took "/"; it sends the matrix's old links here.
    path("matrix/", matrix.matrix, name="matrix"),
    path("grid/", matrix.grid, name="grid"),
    path("export/", matrix.matrix_export, name="matrix_export"),
    path("import/template/", downloads.import_template, name="import_template"),
    # What changed between two dates (the rounds' comparisons use the same page).
    path("matrix/changes/", changes.changes, name="changes"),
    # History of a row, and restoring an earlier version (secretariat).
    path("activities/<str:reference>/history/", history.history, name="history"),
    path("activities/<str:reference>/restore/", history.restore, name="restore"),
    # Agreed roles: the agency asked (or the secretariat) answers a proposal.
    path("proposals/<int:pk>/accept/", proposals.accept, name="proposal_accept"),
    path("proposals/<int:pk>/decline/", proposals.decline, name="proposal_decline"),
    # Members keep their agency's rows current.
    path("my/", my_rows.my_rows, name="my_rows"),
    path("activities/<int:pk>/quick/", my_rows.quick_edit, name="quick_edit"),
    path("activities/new/", edit.activity_add, name="activity_add"),
    path("activities/<int:pk>/edit/", edit.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/duplicate/", edit.activity_duplicate, name="activity_duplicate"),
    path("activities/<int:pk>/close/", edit.activity_close, name="activity_close"),
    path("activities/<int:pk>/delete/", edit.activity_delete, name="activity_delete"),
    path(
        "activities/subdivision-options/",
        edit.subdivision_options,
        name="subdivision_options",
    ),
    path(
        "activities/focal-point-options/",
        my_rows.focal_point_options,
        name="focal_point_options",
    ),
]

# The country and agency pages list activities, so they live here; spf_coalition/urls.py
# serves them under /countries/ and /agencies/, in those apps' namespaces ("countries:detail",
# "agencies:export", ...), after the apps' own pages (their catch-alls come last).
country_pages = [
    path("", countries.index, name="index"),
    path("<str:code>/", countries.detail, name="detail"),
    path("<str:code>/export/", countries.country_export, name="export"),
]
agency_pages = [
    path("", agencies.index, name="index"),
    # path: an acronym may contain a slash; "/export/" at the end is the download.
    path("<path:acronym>/export/", agencies.agency_export, name="export"),
    path("<path:acronym>/", agencies.detail, name="detail"),
]
