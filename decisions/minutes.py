"""Minutes written in Markdown, shown as HTML that cannot carry a script.

Markdown (Python-Markdown) turns the text into HTML, raw HTML included as written; nh3 (the
Rust ammonia sanitiser) then keeps only the tags and attributes below, so a pasted <script>,
an onclick or a javascript: link never reach the page."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_minutes(text: str) -> SafeString:
    """The minutes as sanitised HTML (a heading "#" becomes h2: the page has its own h1)."""
    html = (
        markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
        .replace("<h1>", "<h2>")
        .replace("</h1>", "</h2>")
    )
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)
