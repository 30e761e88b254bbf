from django.urls import path

from rounds import checklist_views, views

app_name = "rounds"
urlpatterns = [
    path("", views.index, name="index"),
    path("open/", views.open_view, name="open"),
    path("<int:round_id>/", views.dashboard, name="dashboard"),
    path("<int:round_id>/export/", views.dashboard_export, name="dashboard_export"),
    # The address before CSV and ODS were offered: kept so saved links still download.
    path("<int:round_id>/export.xlsx", views.dashboard_export, name="dashboard_export_xlsx"),
    path("<int:round_id>/close/", views.close, name="close"),
    path("<int:round_id>/reopen/", views.reopen, name="reopen"),
    path("parts/<int:part_id>/", checklist_views.checklist, name="checklist"),
    path("parts/<int:part_id>/submit/", checklist_views.submit, name="submit"),
    path(
        "parts/<int:part_id>/rows/<int:activity_id>/confirm/",
        checklist_views.confirm_row,
        name="confirm_row",
    ),
    path(
        "parts/<int:part_id>/rows/<int:activity_id>/close/",
        checklist_views.close_row_view,
        name="close_row",
    ),
]
