"""The results' open data addresses (included at /results/data/)."""

from django.urls import path

from results import downloads

app_name = "results_data"
urlpatterns = [path("download/", downloads.download, name="download")]
