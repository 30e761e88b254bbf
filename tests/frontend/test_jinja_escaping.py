"""core/jinja.py makes Jinja2 print through Django's escaping by overriding a private method
of Jinja2's code generator (`CodeGenerator._output_child_pre`). Jinja2 may rename or change
it in any release; pyproject.toml pins the minor range these tests pass on, and these tests
fail the day the override is no longer called (the partials would then escape an apostrophe
as &#39; around pages that write &#x27;, and build a Markup per printed value again)."""

from django.template import engines
from django.utils.html import escape
from django.utils.safestring import mark_safe

TRICKY = 'L\'OIT & <b>"UNICEF"</b>'


def env():
    return engines["jinja2"].env


def test_the_compiled_template_prints_through_the_hub_s_escaping():
    source = env().compile("<td>{{ value }}</td>{{ other|upper }}", raw=True)
    assert source.count("environment.escape_output(") == 2


def test_a_partial_escapes_exactly_as_a_django_template():
    printed = env().from_string("{{ value }}").render(value=TRICKY)
    assert printed == escape(TRICKY) == "L&#x27;OIT &amp; &lt;b&gt;&quot;UNICEF&quot;&lt;/b&gt;"


def test_safe_text_and_numbers_print_as_they_are():
    template = env().from_string("{{ safe }} {{ n }}")
    assert template.render(safe=mark_safe("<em>ok</em>"), n=42) == "<em>ok</em> 42"


def test_a_template_without_autoescape_is_left_to_jinja2():
    source = env().compile("{% autoescape false %}{{ value }}{% endautoescape %}", raw=True)
    assert "escape_output" not in source
