from django.urls import path

from activities import history_views, views

app_name = "activities"
urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("grid/", views.grid, name="grid"),
    path("export/", views.matrix_export, name="matrix_export"),
    # History of a row, and restoring an earlier version (secretariat).
    path("activities/<str:reference>/history/", history_views.history, name="history"),
    path("activities/<str:reference>/restore/", history_views.restore, name="restore"),
]
