from django.urls import path

from overview.views import brief, dashboard, home, maps

app_name = "overview"
urlpatterns = [
    path("", home.home, name="home"),
    path("map/", maps.map_page, name="map"),
    path("map/data/", maps.map_data, name="map_data"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export/", dashboard.dashboard_export, name="dashboard_export"),
    # Beside the country page (countries:detail), which takes "countries/<code>/".
    path("countries/<str:code>/brief/", brief.country_brief, name="country_brief"),
]
