"""The assessments' pages (members and the secretariat only), under /countries/.

The country pages list activities, so they live in activities (activities/views/countries.py);
spf_coalition/urls.py serves both lists under /countries/ in the "countries" namespace.
"""

from django.urls import path

from assessments import views as assessments

urlpatterns = [
    path("assessments/", assessments.compare, name="assessments"),
    path("assessments/export/", assessments.export, name="assessments_export"),
    path("assessments/assess/", assessments.start, name="assessment_start"),
    path("assessments/<str:code>/", assessments.country_assessment, name="assessment"),
]
