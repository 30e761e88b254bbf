"""The reminders' page, served under /workplan/ in the "workplan" namespace (spf_coalition/urls.py
joins it to the workplan's own): every open deadline with the reminders sent about it."""

from django.urls import path

from reminders import views

urlpatterns = [
    path("deadlines/", views.coalition_deadlines, name="coalition_deadlines"),
]
