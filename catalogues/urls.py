from django.urls import path

from catalogues.views import lists

app_name = "catalogues"
urlpatterns = [
    path("tools/", lists.tools, name="tools"),
    path("data/", lists.data_sets, name="data_sets"),
    path("processes/", lists.processes, name="processes"),
    path("outreach/", lists.outreach, name="outreach"),
]
