from django.urls import path

from countries import views

app_name = "countries"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
]
