"""The data keeps the floors too: every foreign key, one-to-one and many-to-many from one of
the hub's apps to another points at a strictly lower floor.

`lint-imports` cannot see a relation written as a string ("agencies.Agency"), nor a migration
that depends on a higher app: this test reads the floors from the same place as it, the layers
contract "floors" in pyproject.toml, and walks every model Django knows. Models of Django and
third-party apps are below everything (a relation to auth.User is fine); their own relations
are not ours to judge.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@dataclass(frozen=True)
class Relation:
    source: str  # app label of the model that holds the field
    field: str  # "Model.field", to name it in a failure
    target: str  # app label of the model it points at


def floors() -> dict[str, int]:
    """Each app of the layers contract -> its floor, 0 the lowest ("a | b": the same floor)."""
    config = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["id"] == "floors"]
    layers = list(reversed(contract["layers"]))  # the contract lists the top floor first
    return {app.strip(): n for n, layer in enumerate(layers) for app in layer.split("|")}


def relations() -> list[Relation]:
    """Every forward relation (FK, O2O, M2M) of every installed model, historical ones too."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            # Forward fields only: the reverse side of a relation is auto-created.
            if field.is_relation and not field.auto_created and field.related_model:
                name = f"{model.__name__}.{field.name}"
                found.append(
                    Relation(model._meta.app_label, name, field.related_model._meta.app_label)
                )
    return found


def not_pointing_down(found: list[Relation], floor: dict[str, int]) -> list[str]:
    """The relations between two of our apps whose target is not on a lower floor."""
    wrong = []
    for relation in found:
        if relation.source not in floor or relation.target not in floor:
            continue  # Django's or a library's model on one side: below everything
        if relation.source == relation.target:
            continue
        if floor[relation.target] >= floor[relation.source]:
            way = "sideways" if floor[relation.target] == floor[relation.source] else "up"
            wrong.append(f"{relation.source}.{relation.field} -> {relation.target} ({way})")
    return wrong


def test_every_relation_between_apps_points_down():
    assert not_pointing_down(relations(), floors()) == []


def test_every_app_with_models_has_a_floor():
    """A new app must be placed in the contract, or the test above would skip it."""
    top = PYPROJECT.parent  # the hub's apps are the project's top-level packages
    ours = {config.label for config in apps.get_app_configs() if Path(config.path).parent == top}
    with_models = {label for label in ours if list(apps.get_app_config(label).get_models())}
    assert {"accounts", "agencies", "reminders"} <= with_models  # the walk finds our apps
    assert with_models - set(floors()) == set()


def test_the_walk_sees_the_relations_that_matter():
    """The walk finds FKs, one-to-ones and many-to-manys written as strings or classes."""
    found = {(r.source, r.field, r.target) for r in relations()}
    assert ("accounts", "Membership.agency", "agencies") in found  # FK
    assert ("accounts", "Profile.user", "auth") in found  # O2O, to Django's model
    assert ("accounts", "Profile.agencies", "agencies") in found  # M2M through a model
    assert ("reminders", "ReminderLog.round_part", "rounds") in found
    assert ("agencies", "HistoricalFocalPoint.country", "countries") in found  # history


def test_it_catches_a_relation_pointing_up_or_sideways():
    floor = floors()
    fake = [
        Relation("accounts", "Membership.agency", "agencies"),  # down: fine
        Relation("activities", "Activity.country", "activities"),  # same app: fine
        Relation("accounts", "Profile.user", "auth"),  # Django's: fine
        Relation("workplan", "ReminderLog.round_part", "rounds"),  # up (the old layout)
        Relation("rounds", "RoundAgency.job", "imports"),  # sideways: same floor
    ]
    assert not_pointing_down(fake, floor) == [
        "workplan.ReminderLog.round_part -> rounds (up)",
        "rounds.RoundAgency.job -> imports (sideways)",
    ]
