from django.urls import path

from agencies import views

app_name = "agencies"
urlpatterns = [
    path("", views.index, name="index"),
    # path: an acronym may contain a slash.
    path("<path:acronym>/", views.detail, name="detail"),
]
