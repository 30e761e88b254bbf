from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Choosing countries: the assessments' pages, who may assess, the score and ranking, and
    the criteria the matrix answers. No models: the assessments are countries' data."""

    name = "assessments"
    verbose_name = _("Country assessments")
