from django.urls import path

from results.views import activity, country, review, values

app_name = "results"
urlpatterns = [
    # An activity's results, for its members.
    path("activities/<str:reference>/", activity.activity_results, name="activity"),
    path(
        "activities/<str:reference>/indicators/new/", activity.indicator_add, name="indicator_add"
    ),
    path("indicators/<int:pk>/", activity.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/values/new/", values.value_add, name="value_add"),
    path("values/<int:pk>/", values.value_edit, name="value_edit"),
    path("values/<int:pk>/submit/", values.value_submit, name="value_submit"),
    # The secretariat's review.
    path("review/", review.queue, name="review"),
    path("values/<int:pk>/approve/", review.value_approve, name="value_approve"),
    path("values/<int:pk>/return/", review.value_return, name="value_return"),
    path("values/<int:pk>/unlock/", review.value_unlock, name="value_unlock"),
    # A country's milestones and coverage figures.
    path("countries/<str:code>/entry/", country.country_entry, name="country_entry"),
    path(
        "countries/<str:code>/milestones/new/",
        country.contribution_add,
        {"kind": "milestone"},
        name="milestone_add",
    ),
    path(
        "countries/<str:code>/figures/new/",
        country.contribution_add,
        {"kind": "figure"},
        name="figure_add",
    ),
    path(
        "milestones/<int:pk>/",
        country.contribution_edit,
        {"kind": "milestone"},
        name="milestone_edit",
    ),
    path("figures/<int:pk>/", country.contribution_edit, {"kind": "figure"}, name="figure_edit"),
    path(
        "milestones/<int:pk>/<str:action>/",
        country.contribution_review,
        {"kind": "milestone"},
        name="milestone_review",
    ),
    path(
        "figures/<int:pk>/<str:action>/",
        country.contribution_review,
        {"kind": "figure"},
        name="figure_review",
    ),
]
