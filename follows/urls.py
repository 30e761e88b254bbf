from django.urls import path

from follows.views import follow

app_name = "follows"
urlpatterns = [
    path("", follow.follow, name="follow"),
    path("<int:follow_id>/stop/", follow.unfollow, name="unfollow"),
]
