"""The ways a value may be split (its parts by sex, age, guarantee, disability, area) and the
categories of each: one list, read by the forms, the checks, the downloads (HXL attributes)
and IATI's `dimension`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    SEX = "sex", _("Sex")
    AGE = "age", _("Age group")
    GUARANTEE = "guarantee", _("R202 guarantee")
    DISABILITY = "disability", _("Persons with disabilities")
    AREA = "area", _("Rural or urban")


# dimension -> [(category code, label)]: the codes are stored in ValuePart.category.
CATEGORIES: dict[str, list[tuple[str, object]]] = {
    Dimension.SEX: [("f", _("Women and girls")), ("m", _("Men and boys"))],
    Dimension.AGE: [
        ("children", _("Children")),
        ("working-age", _("Working age")),
        ("older", _("Older persons")),
    ],
    Dimension.GUARANTEE: [
        ("health", _("Essential health care")),
        ("children", _("Income security for children")),
        ("working-age", _("Income security in working age")),
        ("older", _("Income security for older persons")),
    ],
    Dimension.DISABILITY: [
        ("yes", _("With disabilities")),
        ("no", _("Without disabilities")),
    ],
    Dimension.AREA: [("rural", _("Rural")), ("urban", _("Urban"))],
}


def category_label(dimension: str, category: str) -> str:
    """The label of a category ("Women and girls"), the code itself when unknown."""
    return str(dict(CATEGORIES.get(dimension, [])).get(category, category))
