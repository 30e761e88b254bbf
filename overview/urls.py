from django.urls import path

from overview.views import home, maps

app_name = "overview"
urlpatterns = [
    path("", home.home, name="home"),
    path("map/", maps.map_page, name="map"),
    path("map/data/", maps.map_data, name="map_data"),
]
