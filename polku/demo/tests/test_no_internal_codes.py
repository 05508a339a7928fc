"""No internal code where a person expects a name: the demo's pages, crawled as staff and as participants,
show no ISO language code before a level ("dar Native"), no model field name ("date_of_birth"), no
indicator set key ("esf_2014"), no ESCO address, no slug, no float with six decimals ("8.333333")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from polku.accounts.models import User
from polku.demo.builder import FIXED_PARTICIPANTS
from polku.knowledge.models import GoodPractice, HandbookPage
from polku.learning.models import LearningOpportunity

pytestmark = pytest.mark.django_db

# Skipped: downloads, the API, and the copy of a person's data, staff's and the person's own (a copy of the
# stored data under the right of access: the identifiers stored, ESCO addresses included, are what it shows).
SKIP = re.compile(
    r"/privacy/participants/\d+/data/|/participants/me/data/|logout|/accounts/|/admin/|/api/|\.(csv|pdf|xlsx|json|ics|zip|docx)\b|/download|/export|lang=|/static/|/media/"
)
LEVEL = r"(?:A1|A2|B1|B2|C1|C2|[Nn]ative)"
LANGUAGE_CODE_BEFORE_LEVEL = re.compile(rf"(?<![\w-])[a-z]{{2,3}}:? {LEVEL}\b")
WORDS = {"or", "in", "to", "at", "of", "and", "is", "a", "an", "as", "be", "no", "on", "the", "for", "by"}
ESCO_URI = re.compile(r"data\.europa\.eu/esco/")
LONG_FLOAT = re.compile(r"(?<![\d.])\d+\.\d{4,}(?![\d.])")  # not a date such as 1.3.2025
KEYS = re.compile(r"\besf_?\d{4}\b|\besf_plus\b")


class _Text(HTMLParser):
    """The text a reader sees: outside script, style and template, attributes left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template", "textarea"}:
            self._hidden += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template", "textarea"} and self._hidden:
            self._hidden -= 1
        if tag in {"p", "li", "td", "th", "dd", "dt", "div", "option", "h1", "h2", "h3", "label", "span"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _field_names() -> set[str]:
    names = set()
    for model in apps.get_models():
        if not model.__module__.startswith("polku."):
            continue
        for field in model._meta.get_fields():
            if "_" in field.name and not field.name.startswith("_") and len(field.name) > 6:
                names.add(field.name)
    return names


def problems(text: str, field_names: set[str], slugs: frozenset[str] = frozenset()) -> list[str]:
    found = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        for pattern, what in (
            (LANGUAGE_CODE_BEFORE_LEVEL, "language code"),
            (ESCO_URI, "ESCO address"),
            (LONG_FLOAT, "raw float"),
            (KEYS, "indicator key"),
        ):
            match = next((m for m in pattern.finditer(line) if m.group(0).split()[0] not in WORDS), None)
            if match:
                found.append(f"{what} {match.group(0)!r} in {line[:160]!r}")
        words = set(re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", line))
        for word in words & field_names:
            found.append(f"field name {word!r} in {line[:160]!r}")
        for word in set(re.findall(r"(?<![\w/.@-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/.@-])", line)) & slugs:
            found.append(f"slug {word!r} in {line[:160]!r}")
    return found


def crawl(
    client: Client, start: list[str], limit: int, field_names: set[str], slugs: frozenset[str]
) -> dict[str, list[str]]:
    seen: set[str] = set()
    queue = list(start)
    report: dict[str, list[str]] = {}
    while queue and len(seen) < limit:
        url = urldefrag(queue.pop(0)).url
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Text()
        parser.feed(response.content.decode())
        found = problems("".join(parser.parts), field_names, slugs)
        if found:
            report[url] = found
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            # One page of each kind is enough: the same path with another query is skipped.
            target = parts.path + (f"?{parts.query}" if parts.query and "page=" not in parts.query else "")
            if target not in seen:
                queue.append(target)
    return report


def test_pages_show_names_not_internal_codes(settings) -> None:
    call_command("demo", "--participants", "24", stdout=StringIO())
    field_names = _field_names()
    # The keys of courses and knowledge pages: a title is shown, never these.
    slugs = frozenset(
        code
        for code in [
            *LearningOpportunity.objects.values_list("code", flat=True),
            *GoodPractice.objects.values_list("slug", flat=True),
            *HandbookPage.objects.values_list("slug", flat=True),
        ]
        if "-" in code
    )
    report: dict[str, list[str]] = {}
    people = [
        "admin@polku.example",
        "coordinator.espoo@polku.example",
        *[f.email for f in FIXED_PARTICIPANTS[:3]],
    ]
    for email in people:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(User.objects.get(email=email))
        for url, found in crawl(client, ["/"], 220, field_names, slugs).items():
            report[f"{email} {url}"] = found
    assert not report, "\n".join(f"{url}: {'; '.join(found[:3])}" for url, found in report.items())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Languages dar Native, far C1, tig B1", "language code"),
        ("Luotu: date_of_birth, work_history", "field name"),
        ("Indicators (esf_2014)", "indicator key"),
        ("8.333333 (upper bound 10.333333)", "raw float"),
        ("http://data.europa.eu/esco/skill/abc", "ESCO address"),
        ("Course: intro-to-python-basics", "slug"),
    ],
)
def test_the_check_finds_what_the_issue_saw(text: str, found: str) -> None:
    assert any(
        p.startswith(found)
        for p in problems(text, {"date_of_birth", "work_history"}, frozenset({"intro-to-python-basics"}))
    )


@pytest.mark.parametrize("text", ["Finnish B1, Dari Native or first language", "e-mail", "2024-05-01", "8.3"])
def test_the_check_lets_names_pass(text: str) -> None:
    assert not problems(text, {"date_of_birth"})
