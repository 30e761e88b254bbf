from django.urls import path

from activities import edit_views, export_views, history_views, row_views, views

app_name = "activities"
urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("grid/", views.grid, name="grid"),
    path("export/", views.matrix_export, name="matrix_export"),
    path("import/template/", export_views.import_template, name="import_template"),
    # History of a row, and restoring an earlier version (secretariat).
    path("activities/<str:reference>/history/", history_views.history, name="history"),
    path("activities/<str:reference>/restore/", history_views.restore, name="restore"),
    # Members keep their agency's rows current.
    path("my/", row_views.my_rows, name="my_rows"),
    path("activities/<int:pk>/quick/", row_views.quick_edit, name="quick_edit"),
    path("activities/new/", edit_views.activity_add, name="activity_add"),
    path("activities/<int:pk>/edit/", edit_views.activity_edit, name="activity_edit"),
    path(
        "activities/<int:pk>/duplicate/", edit_views.activity_duplicate, name="activity_duplicate"
    ),
    path("activities/<int:pk>/close/", edit_views.activity_close, name="activity_close"),
    path("activities/<int:pk>/delete/", edit_views.activity_delete, name="activity_delete"),
    path(
        "activities/focal-point-options/",
        row_views.focal_point_options,
        name="focal_point_options",
    ),
]
