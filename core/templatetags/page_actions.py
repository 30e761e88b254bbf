"""{% page_actions "country" country %}: the buttons higher floors add to a page
(core.page_actions)."""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.page_actions import page_actions as asked

register = template.Library()


@register.simple_tag(takes_context=True)
def page_actions(context: template.Context, slot: str, obj: Any) -> SafeString:
    request = context["request"]
    parts = [
        render_to_string(action.template, {**action.context, "obj": obj}, request)
        for action in asked(slot, obj, request)
    ]
    # Each part is a rendered template, escaped there.
    return mark_safe("".join(parts))
