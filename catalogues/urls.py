from django.urls import path

from catalogues.views import edit, lists

app_name = "catalogues"
urlpatterns = [
    path("tools/", lists.tools, name="tools"),
    path("data/", lists.data_sets, name="data_sets"),
    path("processes/", lists.processes, name="processes"),
    path("outreach/", lists.outreach, name="outreach"),
    # kind: tools, data or outreach (catalogues.views.edit.KINDS)
    path("<slug:kind_name>/new/", edit.entry_add, name="add"),
    path("<slug:kind_name>/<int:pk>/edit/", edit.entry_edit, name="edit"),
]
