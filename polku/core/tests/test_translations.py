"""The Finnish and Swedish catalogues are complete, keep every placeholder, and the committed .mo files
are compiled from the current .po files (Polku runs without gettext tools).

There is the project catalogue (`polku/locale/`) and one per app that keeps its own (`polku/<app>/locale/`,
see docs/decisions/0008-catalogue-per-app.md); every one of them is checked."""

import re
from pathlib import Path

import polib
import pytest
from django.test import Client

POLKU = Path(__file__).resolve().parents[2]
CATALOGUES = [POLKU / "locale", *sorted(POLKU.glob("*/locale"))]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|%[sd]")


def _where(root: Path) -> str:
    return str(root.relative_to(POLKU))


@pytest.mark.parametrize("root", CATALOGUES, ids=_where)
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogue_is_complete_and_keeps_placeholders(language, root):
    catalogue = polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, f"{len(missing)} untranslated in {language}: {missing[:10]}"
    for entry in catalogue:
        if entry.msgid_plural:
            for text in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(entry.msgid_plural)) | set(
                    PLACEHOLDER.findall(entry.msgid)
                ), entry.msgid
        else:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid)), (
                entry.msgid
            )


@pytest.mark.parametrize("root", CATALOGUES, ids=_where)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_compiled_catalogue_matches_source(language, root):
    folder = root / language / "LC_MESSAGES"
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.pofile(str(folder / "django.po"))
        if e.translated() and "fuzzy" not in e.flags
    }
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.mofile(str(folder / "django.mo"))
        if e.msgid
    }
    assert compiled == source, "run `make messages` to recompile the catalogues"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "lang", "word"),
    [("fi-FI,fi;q=0.9", "fi", "Kirjaudu"), ("sv-SE", "sv", "Logga in"), ("en-GB", "en", "Sign in")],
)
def test_first_visit_follows_the_browser_language(accept, lang, word):
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert f'<html lang="{lang}">' in body
    assert word in body
