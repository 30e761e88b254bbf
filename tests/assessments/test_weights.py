"""Criteria carry weights that the secretariat sets (1 or more, 1 by default)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from countries.models import SelectionCriterion


def test_it_weighs_a_new_criterion_1(db):
    assert SelectionCriterion.objects.create(number=1, title="A request").weight == 1


def test_it_refuses_a_weight_of_zero_in_the_database(criteria):
    with pytest.raises(IntegrityError), transaction.atomic():
        SelectionCriterion.objects.filter(pk=criteria[0].pk).update(weight=0)
    assert SelectionCriterion.objects.get(pk=criteria[0].pk).weight == 1


def test_it_lets_the_secretariat_set_weights_in_the_admin_list(secretariat_client, criteria):
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": criteria[0].pk,
        "form-0-weight": "3",
        "form-1-id": criteria[1].pk,
        "form-1-weight": "1",
        "_save": "Save",
    }
    response = secretariat_client.post(
        reverse("admin:countries_selectioncriterion_changelist"), data
    )
    assert response.status_code == 302
    assert SelectionCriterion.objects.get(pk=criteria[0].pk).weight == 3


def test_it_names_a_weight_below_1_in_the_admin(secretariat_client, criteria):
    url = reverse("admin:countries_selectioncriterion_change", args=[criteria[0].pk])
    data = {"number": 1, "title": criteria[0].title, "description": "", "weight": 0}
    response = secretariat_client.post(url, {**data, "computed": ""})
    assert response.status_code == 200
    assert "greater than or equal to 1" in str(response.context["adminform"].form.errors)
