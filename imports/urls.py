from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/columns/", views.columns, name="columns"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/reading/", views.reading, name="reading"),
    path("<int:pk>/values/", views.values, name="values"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/apply/", views.apply, name="apply"),
]
