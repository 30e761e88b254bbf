"""One idiom for a lower floor's questions to the floors above: a Django signal whose
receivers return what they add, collected by core.signals.answers. Each question has the
receivers its comment names (a receiver lost in a refactoring would leave a page silently
without its part)."""

import weakref

from django.dispatch import Signal

from accounts.profile import profile_panels_asked
from activities.signals import (
    activity_closed,
    activity_edited,
    activity_panels_asked,
    round_context_asked,
)
from core.digest_sections import digest_news_asked
from core.page_actions import page_actions_asked
from core.signals import answers
from countries.page_sections import country_sections_asked
from countries.statuses import country_statuses_asked
from decisions.activity_page import documents_panel
from decisions.country_page import country_section
from decisions.digest import decisions_section
from decisions.map_layer import statuses_by_country
from follows.views.follow import page_button, profile_panel
from results import country_page as results_page
from results.page_action import country_entry_button
from results.panels import results_panel
from rounds import deadlines, hooks
from workplan.other_deadlines import deadlines_of_agency_asked, deadlines_of_user_asked
from workplan.profile_panel import calendar_panel


def receivers(signal: Signal) -> set:
    """The functions connected to `signal` (Django keeps weak references to them)."""
    found = set()
    for entry in signal.receivers:
        ref = entry[1]
        found.add(ref() if isinstance(ref, weakref.ReferenceType) else ref)
    return found


def test_each_question_has_the_receivers_its_comment_names():
    assert receivers(profile_panels_asked) == {calendar_panel, profile_panel}
    assert receivers(round_context_asked) == {hooks.round_context}
    assert receivers(deadlines_of_user_asked) == {deadlines.of_user}
    assert receivers(deadlines_of_agency_asked) == {deadlines.of_agency}
    assert receivers(activity_edited) == {hooks.answer_edit}
    assert receivers(activity_closed) == {hooks.answer_close}
    assert receivers(activity_panels_asked) == {
        hooks.comment_panel,
        documents_panel,
        results_panel,
    }
    assert receivers(country_sections_asked) == {country_section, results_page.country_section}
    assert receivers(country_statuses_asked) == {statuses_by_country}
    assert receivers(digest_news_asked) == {decisions_section, hooks.mentions_section}
    assert receivers(page_actions_asked) == {page_button, country_entry_button}


def test_answers_collects_what_receivers_return_and_skips_none():
    asked = Signal()

    def adds(sender, **kwargs):
        return ("adds", kwargs["n"])

    def has_nothing(sender, **kwargs):
        return None

    assert answers(asked, sender=None, n=1) == []  # nobody answers: nothing added
    asked.connect(adds, weak=False)
    asked.connect(has_nothing, weak=False)
    assert answers(asked, sender=None, n=2) == [("adds", 2)]
