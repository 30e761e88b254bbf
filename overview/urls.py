from django.urls import path

from overview.views import brief, dashboard, help, home, maps

app_name = "overview"
urlpatterns = [
    path("", home.home, name="home"),
    path("help/", help.help_page, name="help"),
    path("map/", maps.map_page, name="map"),
    path("map/data/", maps.map_data, name="map_data"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export/", dashboard.dashboard_export, name="dashboard_export"),
    # Beside the country page (countries:detail), which takes "countries/<code>/".
    path("countries/<str:code>/brief/", brief.country_brief, name="country_brief"),
]
