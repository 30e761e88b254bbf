from django.urls import path

from activities import views

app_name = "activities"
urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("grid/", views.grid, name="grid"),
    path("export/", views.matrix_export, name="matrix_export"),
]
