from django.urls import path

from overview.views import brief, dashboard, help, home, maps, results

app_name = "overview"
urlpatterns = [
    path("", home.home, name="home"),
    path("help/", help.help_page, name="help"),
    path("map/", maps.map_page, name="map"),
    path("map/data/", maps.map_data, name="map_data"),
    path("results/people-newly-covered/", results.people_values, name="results_people"),
    path("results/new-laws/", results.law_values_page, name="results_laws"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export/", dashboard.dashboard_export, name="dashboard_export"),
    # Beside the country page (countries:detail), which takes "countries/<code>/".
    path("countries/<str:code>/brief/", brief.country_brief, name="country_brief"),
    path("countries/<str:code>/results/", results.country_results_page, name="country_results"),
]
