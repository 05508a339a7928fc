"""Markdown to safe HTML: Python-Markdown renders, nh3 (the ammonia sanitiser) keeps only harmless tags."""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip


def render_markdown(text: str) -> SafeString:
    """Headings start at h2 (the page's h1 is the title), so `# x` becomes h2 and heading order holds."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"])
    for level in (3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
    cleaned = nh3.clean(
        html, tags=TAGS, attributes={"a": {"href", "title"}, "th": {"scope"}}, link_rel="noopener"
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
