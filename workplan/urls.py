from django.urls import path

from workplan import export_views, views

app_name = "workplan"
urlpatterns = [
    path("", views.board, name="board"),
    path("<int:year>/", views.board, name="board_year"),
    path("<int:year>/export/", export_views.board_export, name="export"),
    path("my-deadlines/", views.my_deadlines, name="my_deadlines"),
    path("calendar/user/<str:token>.ics", views.user_calendar, name="user_calendar"),
    # path: an acronym may contain a slash.
    path("calendar/agency/<path:acronym>.ics", views.agency_calendar, name="agency_calendar"),
    path("digest-off/<str:token>/", views.digest_off, name="digest_off"),
]
