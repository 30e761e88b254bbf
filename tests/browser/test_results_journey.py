"""A round's results, in the browser: a French member on a phone finds on her round checklist
the indicator still lacking a value, enters it with its parts by sex and submits it; the
secretariat returns it with a reason (she is emailed in French); she corrects it and submits
again; the secretariat approves it and it is public."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.language import set_language
from results.models import ActivityIndicator, Indicator, ReportingPeriod, ResultValue, ReviewStatus
from results.starting_set import load_starting_indicators
from rounds.services import open_round
from tests.browser.conftest import log_in_and_wait
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_member,
    make_secretariat,
)
from tests.workplan.conftest import eager_celery  # noqa: F401  (tasks run in-process)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def coalition():
    load_starting_indicators(Indicator.objects)  # a transactional test's flush empties them
    ilo = make_agency("ILO", name="International Labour Organization", is_member=True)
    senegal = make_country("SN", region="africa")
    row = make_activity(
        senegal,
        {ilo: Role.LEAD},
        title="Universal child benefit",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    link = ActivityIndicator.objects.create(
        activity=row, indicator=Indicator.objects.get(code="PEOPLE-NEW"), baseline_value=0
    )
    period = ReportingPeriod.objects.create(
        label="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    secretariat = make_secretariat(username="sec")
    amina = make_member(ilo, username="amina", first_name="Amina")
    set_language(amina, "fr")
    current = open_round(
        secretariat,
        title="Results 2025",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[ilo],
        period=period,
    )
    return link, current.parts.get()


def test_a_value_is_reported_returned_corrected_and_approved(
    page, browser, live_server, coalition, settings
):
    from playwright.sync_api import expect

    settings.SITE_URL = live_server.url
    _link, part = coalition
    phone_context = browser.new_context(
        viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True
    )
    phone_context.set_default_timeout(10_000)
    phone = phone_context.new_page()
    phone.base_url = live_server.url
    try:
        # Amina's checklist names the indicator still lacking a value; she enters it.
        log_in_and_wait(phone, "amina")
        phone.goto(f"{phone.base_url}/rounds/parts/{part.pk}/")
        results = phone.locator("#round-results")
        expect(results).to_contain_text("Personnes nouvellement couvertes")
        results.get_by_role("link", name="Saisir la valeur").click()
        phone.fill("input[name=value]", "12 400")
        phone.locator("details.value-parts summary").first.click()
        phone.fill("input[name=part-sex-f]", "6 000")
        phone.fill("input[name=part-sex-m]", "6 000")
        phone.fill("input[name=evidence_note]", "Registre du ministère, décembre 2025")
        phone.get_by_role("button", name="Enregistrer et soumettre").click()
        expect(phone.locator(".message--warning")).to_contain_text("ne font pas le total")
        expect(phone.locator(".result-value")).to_contain_text("Soumis")
        result = ResultValue.objects.get()
        assert result.status == ReviewStatus.SUBMITTED and result.parts.count() == 2

        # The secretariat returns it with a reason.
        log_in_and_wait(page, "sec")
        page.goto(f"{page.base_url}/results/review/")
        item = page.locator(f"#value-{result.pk}")
        expect(item).to_contain_text("12,400")
        item.locator("textarea[name=reason]").fill(
            "Les parts ne font pas 12 400 : corrigez les hommes."
        )
        item.get_by_role("button", name="Return with this reason").click()
        expect(page.locator(".message").first).to_contain_text("returned")
        [email] = [message for message in mail.outbox if "renvoyé" in message.subject]
        assert email.to == ["amina@example.org"] and "corrigez les hommes" in email.body

        # Amina reads the reason, corrects and submits again.
        phone.goto(f"{phone.base_url}/results/values/{result.pk}/")
        expect(phone.locator("main")).to_contain_text("corrigez les hommes")
        phone.fill("input[name=part-sex-m]", "6 400")
        phone.get_by_role("button", name="Enregistrer et soumettre").click()
        expect(phone.locator(".result-value")).to_contain_text("Soumis")
        width = phone.evaluate("() => document.scrollingElement.scrollWidth")
        assert width <= PHONE["width"]
    finally:
        phone_context.close()

    # The secretariat approves it: it is public.
    page.goto(f"{page.base_url}/results/review/")
    page.locator(f"#value-{result.pk}").get_by_role("button", name="Approve").click()
    expect(page.locator(".message").first).to_contain_text("approved")
    assert list(ResultValue.objects.public()) == [result]
    assert sorted(result.parts.values_list("category", "value")) == [("f", 6000), ("m", 6400)]
