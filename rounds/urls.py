from django.urls import path

from rounds.views import checklist, comments, dashboard, report, review

app_name = "rounds"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("open/", dashboard.open_view, name="open"),
    path("<int:round_id>/", dashboard.dashboard, name="dashboard"),
    path("<int:round_id>/export/", dashboard.dashboard_export, name="dashboard_export"),
    # The address before CSV and ODS were offered: kept so saved links still download.
    path("<int:round_id>/export.xlsx", dashboard.dashboard_export, name="dashboard_export_xlsx"),
    path("<int:round_id>/close/", dashboard.close, name="close"),
    path("<int:round_id>/report/", report.report, name="report"),
    path("<int:round_id>/changes/", report.diff, name="diff"),
    path("<int:round_id>/reopen/", dashboard.reopen, name="reopen"),
    path("parts/<int:part_id>/", checklist.checklist, name="checklist"),
    path("parts/<int:part_id>/comments/", comments.comment_part, name="comment_part"),
    path("activities/<int:pk>/comments/", comments.comment_row, name="comment_row"),
    path("comments/<int:comment_id>/edit/", comments.edit, name="comment_edit"),
    path("comments/<int:comment_id>/hide/", comments.hide, name="comment_hide"),
    path("parts/<int:part_id>/accept/", review.accept, name="accept"),
    path("parts/<int:part_id>/return/", review.return_view, name="return"),
    path("parts/<int:part_id>/unlock/", review.unlock, name="unlock"),
    path("parts/<int:part_id>/lock/", review.lock, name="lock"),
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
