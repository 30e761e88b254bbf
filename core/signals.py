"""The one way a lower floor asks the floors above it: a Django signal whose receivers
return what they contribute.

The lower app declares the signal, says in a comment beside it which receivers answer (so a
reader following a request finds them), and collects the answers with `answers()`; each
higher app connects its receiver in its AppConfig.ready(), with a dispatch_uid. The lower app
never imports the higher ones, and works (with nothing added) when none answers.

Signals that only tell (activities.signals.activity_edited: "this row was saved") are sent
with Django's own `send()`; their receivers return nothing.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal


def answers(signal: Signal, sender: object, **kwargs: Any) -> list[Any]:
    """What each receiver of `signal` returned, in the order they were connected (None:
    nothing to add). A receiver that raises fails the request, as any code of the page."""
    return [value for _receiver, value in signal.send(sender, **kwargs) if value is not None]
