"""After an htmx answer the progress line and the submit block come along, out of band."""

import lxml.html
from django.urls import reverse

from rounds.models import Outcome
from rounds.services import answer_row


def _htmx_post(client, name, part, activity, data=None):
    url = reverse(f"rounds:{name}", kwargs={"part_id": part.pk, "activity_id": activity.pk})
    return client.post(url, data or {}, headers={"HX-Request": "true"})


def _oob(response, element_id: str) -> lxml.html.HtmlElement:
    """The out-of-band element, as the browser finds it inside the response's <template>."""
    doc = lxml.html.fragment_fromstring(response.content.decode(), create_parent="div")
    (template,) = doc.xpath("//template")
    (element,) = template.xpath(f'.//*[@id="{element_id}"]')
    return element


def test_it_sends_the_new_progress_out_of_band(member_a_client, member_a, part_a, rows_a):
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED)
    progress = _oob(_htmx_post(member_a_client, "confirm_row", part_a, rows_a[1]), "round-progress")
    assert progress.get("hx-swap-oob") == "innerHTML"
    assert "2 of 3 rows answered" in progress.text_content()


def test_it_sends_the_new_warning_out_of_band(member_a_client, part_a, rows_a):
    submit = _oob(_htmx_post(member_a_client, "confirm_row", part_a, rows_a[0]), "round-submit")
    assert "2 rows are not answered yet" in submit.text_content()
    assert submit.xpath("string(.//button)") == "Submit…"


def test_it_drops_the_warning_once_every_row_is_answered(member_a_client, member_a, part_a, rows_a):
    for row in rows_a[:2]:
        answer_row(member_a, part_a, row.pk, Outcome.CONFIRMED)
    submit = _oob(_htmx_post(member_a_client, "confirm_row", part_a, rows_a[2]), "round-submit")
    assert "not answered yet" not in submit.text_content()
    assert submit.xpath("string(.//button)") == "Submit our part"


def test_it_updates_the_progress_after_closing_a_row(member_a_client, part_a, rows_a):
    data = {"version": rows_a[0].version}
    progress = _oob(
        _htmx_post(member_a_client, "close_row", part_a, rows_a[0], data), "round-progress"
    )
    assert "1 of 3 rows answered" in progress.text_content()
    assert progress.xpath("string(.//progress/@value)") == "1"


def test_it_keeps_the_row_first_for_the_htmx_target(member_a_client, part_a, rows_a):
    html = _htmx_post(member_a_client, "confirm_row", part_a, rows_a[0]).content.decode()
    assert html.lstrip().startswith(f'<tr id="row-{rows_a[0].pk}"')
    assert html.rstrip().endswith("</template>")
