"""No template holds a script, an event handler or a style attribute that the
Content-Security-Policy would refuse (emails are not web pages: they keep their styles)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(
    path
    for folder in ("templates", "jinja2")
    for path in (ROOT / folder).rglob("*.htm*")
    if "emails" not in path.parts
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style[\s>]|\sstyle\s*=", re.IGNORECASE)
# htmx attributes that run text as code (refused too: htmx.config.allowEval is off).
HTMX_EVAL = re.compile(r"\shx-on|\shx-vars|\shx-vals\s*=\s*[\"']\s*(javascript|js):", re.IGNORECASE)


def test_it_finds_the_templates():
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_it_has_no_inline_script_or_style(path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text) and not EVENT_HANDLER.search(text)
    assert not STYLE.search(text) and not HTMX_EVAL.search(text)
