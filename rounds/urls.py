from django.urls import path

from rounds.views import checklist, dashboard

app_name = "rounds"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("open/", dashboard.open_view, name="open"),
    path("<int:round_id>/", dashboard.dashboard, name="dashboard"),
    path("<int:round_id>/export/", dashboard.dashboard_export, name="dashboard_export"),
    # The address before CSV and ODS were offered: kept so saved links still download.
    path("<int:round_id>/export.xlsx", dashboard.dashboard_export, name="dashboard_export_xlsx"),
    path("<int:round_id>/close/", dashboard.close, name="close"),
    path("<int:round_id>/reopen/", dashboard.reopen, name="reopen"),
    path("parts/<int:part_id>/", checklist.checklist, name="checklist"),
    path("parts/<int:part_id>/submit/", checklist.submit, name="submit"),
    path(
        "parts/<int:part_id>/rows/<int:activity_id>/confirm/",
        checklist.confirm_row,
        name="confirm_row",
    ),
    path(
        "parts/<int:part_id>/rows/<int:activity_id>/close/",
        checklist.close_row_view,
        name="close_row",
    ),
]
