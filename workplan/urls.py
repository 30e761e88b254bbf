from django.urls import path

from workplan.views import board, downloads, timeline

app_name = "workplan"
urlpatterns = [
    path("", board.board, name="board"),
    path("<int:year>/", board.board, name="board_year"),
    path("<int:year>/export/", downloads.board_export, name="export"),
    path("timeline/", timeline.timeline, name="timeline"),
    path("<int:year>/timeline/", timeline.timeline, name="timeline_year"),
    path("my-deadlines/", board.my_deadlines, name="my_deadlines"),
    path("calendar/user/<str:token>.ics", board.user_calendar, name="user_calendar"),
    path(
        "my-deadlines/calendar/replace/",
        board.replace_calendar_feed,
        name="replace_calendar_feed",
    ),
    # path: an acronym may contain a slash.
    path("calendar/agency/<path:acronym>.ics", board.agency_calendar, name="agency_calendar"),
    path("digest-off/<str:token>/", board.digest_off, name="digest_off"),
]
