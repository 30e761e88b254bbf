from django.urls import path

from decisions.views import actions, country_plans, documents, log, meetings

app_name = "decisions"
urlpatterns = [
    path("", log.decision_log, name="log"),
    path("feed/", log.DecisionFeed(), name="feed"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("action-points/", actions.action_list, name="actions"),
    path("action-points/<int:pk>/", actions.action_update, name="action_update"),
    path("documents/new/", documents.document_add, name="document_add"),
    path("documents/<int:pk>/", documents.document_download, name="document"),
    path("documents/<int:pk>/remove/", documents.document_remove, name="document_remove"),
    path(
        "joint-workplans/<int:pk>/progress/",
        country_plans.progress_update,
        name="progress",
    ),
]
