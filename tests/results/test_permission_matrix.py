"""Every results page and action, for every persona: who gets in, who is refused (and then
nothing changes). A draft's existence is not told: a 404 for those who may not see it."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse

from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
)

pytestmark = pytest.mark.postgres

PERSONAS = ("anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser")
LOGGED_IN = {
    "anonymous": 302,
    "viewer": "ok",
    "member_a": "ok",
    "member_b": "ok",
    "secretariat": "ok",
    "superuser": "ok",
}
ON_A = {**LOGGED_IN, "viewer": 403, "member_b": 403}
ON_A_HIDDEN = {**LOGGED_IN, "viewer": 404, "member_b": 404}
SECRETARIAT = {**ON_A, "member_a": 403}
# The secretariat's review of a submitted milestone: its author sees it (and is refused the
# review), the others do not see it at all.
REVIEW_HIDDEN = {**ON_A_HIDDEN, "member_a": 403}

VALUE = {"period": "{free}", "value": "100", "part-sex-f": "60", "then": "submit"}
INDICATOR = {
    "indicator": "{law}",
    "baseline_value": "0",
    "target_1_value": "2",
    "target_1_date": "2027-01-01",
}
EDIT_INDICATOR = {"baseline_value": "5", "version": 1}
MILESTONE = {
    "title": "Child benefit law adopted",
    "language": "en",
    "achieved_on": "2025-05-01",
    "then": "draft",
}
FIGURE = {"indicator": "{sdg}", "value": "45", "year": "2025", "then": "draft"}
REASON = {"reason": "Give the source"}

ACTIONS = [
    # (name, method, url name, url kwargs from the objects, data, expectations)
    (
        "activity results",
        "get",
        "results:activity",
        {"reference": "activity.reference"},
        None,
        LOGGED_IN,
    ),
    (
        "indicator add page",
        "get",
        "results:indicator_add",
        {"reference": "activity.reference"},
        None,
        ON_A,
    ),
    (
        "indicator add",
        "post",
        "results:indicator_add",
        {"reference": "activity.reference"},
        INDICATOR,
        ON_A,
    ),
    ("indicator edit", "post", "results:indicator_edit", {"pk": "link.pk"}, EDIT_INDICATOR, ON_A),
    ("value add page", "get", "results:value_add", {"pk": "link.pk"}, None, ON_A),
    ("value add", "post", "results:value_add", {"pk": "link.pk"}, VALUE, ON_A),
    ("draft page", "get", "results:value_edit", {"pk": "draft.pk"}, None, ON_A_HIDDEN),
    (
        "draft edit",
        "post",
        "results:value_edit",
        {"pk": "draft.pk"},
        {"value": "7", "version": 1},
        ON_A_HIDDEN,
    ),
    (
        "draft submit",
        "post",
        "results:value_submit",
        {"pk": "draft.pk"},
        {"version": 1},
        ON_A_HIDDEN,
    ),
    ("review queue", "get", "results:review", {}, None, SECRETARIAT),
    ("approve", "post", "results:value_approve", {"pk": "submitted.pk"}, {}, SECRETARIAT),
    ("return", "post", "results:value_return", {"pk": "submitted.pk"}, REASON, SECRETARIAT),
    ("unlock", "post", "results:value_unlock", {"pk": "submitted.pk"}, REASON, SECRETARIAT),
    ("country entry", "get", "results:country_entry", {"code": "country.code"}, None, LOGGED_IN),
    ("milestone add page", "get", "results:milestone_add", {"code": "country.code"}, None, ON_A),
    ("milestone add", "post", "results:milestone_add", {"code": "country.code"}, MILESTONE, ON_A),
    ("figure add", "post", "results:figure_add", {"code": "country.code"}, FIGURE, ON_A),
    (
        "milestone edit page",
        "get",
        "results:milestone_edit",
        {"pk": "milestone.pk"},
        None,
        ON_A_HIDDEN,
    ),
    (
        "milestone edit",
        "post",
        "results:milestone_edit",
        {"pk": "milestone.pk"},
        {**MILESTONE, "version": 1},
        ON_A_HIDDEN,
    ),
    (
        "milestone submit",
        "post",
        "results:milestone_review",
        {"pk": "milestone.pk", "action": "'submit'"},
        {},
        ON_A_HIDDEN,
    ),
    (
        "milestone approve",
        "post",
        "results:milestone_review",
        {"pk": "waiting.pk", "action": "'approve'"},
        {},
        REVIEW_HIDDEN,
    ),
    (
        "milestone return",
        "post",
        "results:milestone_review",
        {"pk": "waiting.pk", "action": "'return'"},
        REASON,
        REVIEW_HIDDEN,
    ),
    ("figure edit page", "get", "results:figure_edit", {"pk": "figure.pk"}, None, ON_A_HIDDEN),
    ("indicator edit page", "get", "results:indicator_edit", {"pk": "link.pk"}, None, ON_A),
    (
        "figure edit",
        "post",
        "results:figure_edit",
        {"pk": "figure.pk"},
        {**FIGURE, "version": 1},
        ON_A_HIDDEN,
    ),
    (
        "figure submit",
        "post",
        "results:figure_review",
        {"pk": "figure.pk", "action": "'submit'"},
        {},
        ON_A_HIDDEN,
    ),
    (
        "review of nothing",
        "post",
        "results:figure_review",
        {"pk": "figure.pk", "action": "'delete'"},
        {},
        {**ON_A_HIDDEN, "member_a": 404, "secretariat": 404, "superuser": 404},
    ),
]


@pytest.fixture
def world(activity_a, agency_a, member_a, senegal, period):
    people = Indicator.objects.get(code="PEOPLE-NEW")
    link = ActivityIndicator.objects.create(activity=activity_a, indicator=people)
    other = ReportingPeriod.objects.create(
        label="2026", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    draft = ResultValue.objects.create(
        activity_indicator=link, period=period, value=Decimal(10), submitted_by=member_a
    )
    submitted = ResultValue.objects.create(
        activity_indicator=link,
        period=other,
        value=Decimal(20),
        status=ReviewStatus.SUBMITTED,
        submitted_by=member_a,
    )
    milestone = CountryMilestone.objects.create(
        country=senegal,
        title="Dialogue",
        achieved_on=datetime.date(2025, 3, 1),
        created_by=member_a,
    )
    milestone.agencies.add(agency_a)
    waiting = CountryMilestone.objects.create(
        country=senegal,
        title="Law",
        achieved_on=datetime.date(2025, 4, 1),
        created_by=member_a,
        status=ReviewStatus.SUBMITTED,
    )
    figure = CoverageFigure.objects.create(
        country=senegal,
        indicator=Indicator.objects.get(code="SDG-1.3.1"),
        value=40,
        year=2024,
        created_by=member_a,
    )
    return {
        "activity": activity_a,
        "link": link,
        "draft": draft,
        "submitted": submitted,
        "country": senegal,
        "milestone": milestone,
        "waiting": waiting,
        "figure": figure,
        "period": period,
        "free": ReportingPeriod.objects.create(
            label="2027", start=datetime.date(2027, 1, 1), end=datetime.date(2027, 6, 30)
        ),
        "law": Indicator.objects.get(code="LAW"),
        "sdg": Indicator.objects.get(code="SDG-1.3.1"),
    }


def snapshot():
    return (
        list(
            ActivityIndicator.objects.order_by("pk").values_list("pk", "version", "baseline_value")
        ),
        list(
            ResultValue.objects.order_by("pk").values_list(
                "pk", "version", "status", "value", "unlocked_at"
            )
        ),
        list(
            CountryMilestone.objects.order_by("pk").values_list("pk", "version", "status", "title")
        ),
        list(CoverageFigure.objects.order_by("pk").values_list("pk", "version", "status")),
    )


def resolve(expression: str, objects: dict):
    if expression.startswith("'"):
        return expression.strip("'")
    name, attribute = expression.split(".")
    value = objects[name]
    for part in attribute.split("__"):
        value = getattr(value, part)
    return value


def filled(data: dict | None, objects: dict) -> dict:
    ids = {key: objects[key].pk for key in ("free", "law", "sdg")}
    return {
        key: value.format(**ids) if isinstance(value, str) else value
        for key, value in (data or {}).items()
    }


class Undo(Exception):
    """Leaves each action's writes behind: the next action starts from the same world."""


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_each_action_lets_in_or_refuses_each_persona(persona_client, request, world):
    persona = request.node.callspec.params["persona_client"]
    failures = []
    for name, method, url_name, kwargs, data, expectations in ACTIONS:
        url = reverse(
            url_name, kwargs={key: resolve(value, world) for key, value in kwargs.items()}
        )
        expected = expectations[persona]
        before = snapshot()
        try:
            with transaction.atomic():
                response = getattr(persona_client, method)(url, filled(data, world))
                after = snapshot()
                raise Undo
        except Undo:
            pass
        status = response.status_code
        if expected == "ok":
            good = status in (200, 302) and "/accounts/login/" not in response.get("Location", "")
        elif expected == 302:
            good = status == 302 and "/accounts/login/" in response["Location"] and after == before
        else:
            good = status == expected and after == before
        if not good:
            failures.append(f"{name}: expected {expected}, got {status}")
    assert not failures, failures


def test_the_allowed_writes_do_write(member_a_client, world):
    """The "ok" above is not a page that silently changed nothing."""
    member_a_client.post(
        reverse("results:value_add", args=[world["link"].pk]), filled(VALUE, world)
    )
    assert ResultValue.objects.filter(status=ReviewStatus.SUBMITTED, value=100).exists()
    member_a_client.post(reverse("results:milestone_add", args=["SN"]), MILESTONE)
    assert CountryMilestone.objects.filter(
        title="Child benefit law adopted", created_by__username="member_a"
    ).exists()


@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_the_page_s_buttons_say_what_the_rules_say(persona, request, world):
    """results.rules.value_rights (the activity page's buttons) agrees with the rules."""
    import rules

    from activities.rules import takes_part
    from results.rules import value_rights

    user = request.getfixturevalue(persona)
    reports = takes_part(user, world["activity"])
    for result in (world["draft"], world["submitted"]):
        expected = (
            rules.has_perm("results.change_value", user, result),
            rules.has_perm("results.submit_value", user, result),
        )
        assert value_rights(user, result, reports) == expected, (persona, result.status)


@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_the_country_page_s_buttons_say_what_the_rules_say(persona, request, world):
    """results.rules.contribution_rights (the country's entry page) agrees with the rules."""
    import rules

    from results.rules import contribution_rights, works_in

    user = request.getfixturevalue(persona)
    works = works_in(user, world["country"])
    for row in (world["milestone"], world["waiting"], world["figure"]):
        expected = rules.has_perm("results.change_country_result", user, row)
        assert contribution_rights(user, row, works) == expected, (persona, row)
