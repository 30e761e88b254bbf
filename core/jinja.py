"""The Jinja2 environment of the hub's second template engine.

Django templates draw every page. A few partials repeated hundreds of times per request (the
matrix's rows, the country x agency grid, "My agency's rows") are Jinja2 templates under
`templates/jinja2/`: Jinja2 compiles a template to Python, so a row costs about what a string
format would, while the markup stays in a template. A view renders one with render_partial() and
gives the Django template the result to print (`{{ table }}`).

Autoescaping is on, and every printed value is escaped exactly as Django escapes it (an
apostrophe is &#x27;), so a text reads the same in a partial and around it. The words are
translated by Django's own catalogues: `{{ _("Status") }}` here and `{% translate "Status" %}`
in a Django template give the same text. `make messages` finds `_("...")` when it opens a
`{{ }}` or sits in a one-line `{% %}` (Django's extractor reads Jinja2 templates as its own):
write `{{ _("In %(name)s")|format(name=country) }}` for a placeholder, no `{% trans %}` block,
no ngettext (a plural is counted in Python: see activities.grid.Grid.lead_words).
"""

import html
from typing import Any

from django.http import HttpRequest, QueryDict
from django.template.defaulttags import querystring as django_querystring
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from jinja2 import Environment
from jinja2.compiler import CodeGenerator


def escape_output(value: object) -> str:
    """What `{{ value }}` prints: Django's escaping, or the value's own __html__ (Markup,
    SafeString). Plain text comes back, not Markup: building a Markup per printed value
    was most of the grid's cost (~12,000 cells)."""
    kind = type(value)
    if kind is str:
        return html.escape(value)
    if kind is int:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class _CodeGenerator(CodeGenerator):
    """Prints through escape_output instead of markupsafe's escape (which writes &#39;).

    `_output_child_pre` is Jinja2's private API: pyproject.toml pins Jinja2's minor version,
    and tests/frontend/test_jinja_escaping.py fails if this override is no longer called.
    """

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_output(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


class HubEnvironment(Environment):
    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_output)


def querystring(query: QueryDict, **changes: Any) -> str:
    """Django's {% querystring %} tag: the query with these keys set, or removed when None."""
    return django_querystring(None, query, **changes)


def environment(**options: Any) -> Environment:
    env = HubEnvironment(
        extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True, **options
    )
    # Old-style callables: `_()` returns the translation as plain text, escaped when printed.
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update({"querystring": querystring, "url": reverse})
    return env


def render_partial(
    template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> SafeString:
    """A Jinja2 partial's HTML, ready for a Django template to print as it is."""
    html = render_to_string(template_name, context, request, using="jinja2")
    # A template's output: the engine escaped every value printed in it.
    return mark_safe(html)
