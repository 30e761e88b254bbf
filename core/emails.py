"""The one way the hub sends email: a subject/text/HTML template trio per email.

`send("invitation", to="a@b.org", context={...}, language="fr")` renders
templates/emails/invitation-subject.txt, invitation-body.txt and invitation-body.html in the
recipient's language (falling back to English where a catalogue lacks a string) and sends
one multipart message. Every template gets `site_url` for absolute links.
"""

from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation


def render(
    template: str, context: Mapping[str, object], language: str = "en"
) -> tuple[str, str, str]:
    """Subject, plain text and HTML of an email, rendered in `language`."""
    language = language or settings.LANGUAGE_CODE
    # No request here, so the i18n context processor is not run: say the language ourselves.
    ctx = {"site_url": settings.SITE_URL, "LANGUAGE_CODE": language, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}-subject.txt", ctx)
        text = render_to_string(f"emails/{template}-body.txt", ctx)
        html = render_to_string(f"emails/{template}-body.html", ctx)
    # A subject is one line, whatever the template's trailing newlines.
    return " ".join(subject.split()), text, html


def send(
    template: str,
    to: str | Sequence[str],
    context: Mapping[str, object],
    *,
    language: str = "en",
    cc: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    connection: BaseEmailBackend | None = None,
) -> None:
    """Render and send one email; SMTP errors propagate to the caller (who retries/logs).

    Pass an open `connection` to send a batch over one SMTP session.
    """
    subject, text, html = render(template, context, language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to] if isinstance(to, str) else list(to),
        cc=list(cc),
        headers=dict(headers or {}),
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    message.send()
