"""The agencies app's own pages: members' focal point forms.

The agency pages list activities, so they live in activities (activities/views/agencies.py);
spf_coalition/urls.py serves both lists under /agencies/ in the "agencies" namespace.
"""

from django.urls import path

from agencies.views import focal_points

urlpatterns = [
    path("focal-points/new/", focal_points.focal_point_add, name="focal_point_add"),
    path("focal-points/<int:pk>/edit/", focal_points.focal_point_edit, name="focal_point_edit"),
]
