"""The catalogue: validation of opportunities, the CSV export and import (round trip, row errors, bad files)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import translation

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.esco.tests.factories import skill
from polku.learning.models import LearningOpportunity
from polku.learning.services.catalogue import (
    Owner,
    catalogue_check,
    catalogue_export,
    catalogue_import,
    opportunity_row,
    opportunity_save,
)
from polku.learning.tests.factories import opportunity

pytestmark = pytest.mark.django_db

VALID = {
    "code": "forklift-card",
    "kind": "training",
    "provider": "Omnia",
    "title_fi": "Trukkikorttikoulutus",
    "title_sv": "",
    "title_en": "Forklift licence training",
    "description_fi": "",
    "description_sv": "",
    "description_en": "",
    "languages": {"fi": "A2", "en": "B1"},
    "mode": "onsite",
    "hours": Decimal(8),
    "ects": None,
    "cost": Decimal("120.00"),
    "self_paced": False,
    "starts_on": dt.date(2026, 3, 2),
    "ends_on": dt.date(2026, 3, 3),
    "url": "https://www.omnia.fi/trukkikortti",
    "competences": ["entrecomp-1.0:3.5"],
    "is_active": True,
}


def _owner(world):
    return Owner(partner=world.a, project=world.project)


def test_a_valid_opportunity_is_saved_with_skills_and_owner(world):
    forklift = skill("operate forklift")
    saved = opportunity_save(
        access=access_for(world.coord_a),
        actor=world.coord_a,
        values=VALID,
        skill_uris=[forklift.uri],
        owner=_owner(world),
    )
    assert saved.partner == world.a and saved.project == world.project
    assert list(saved.skills.all()) == [forklift]
    assert saved.title("sv") == "Trukkikorttikoulutus"  # fallback fi → sv → en
    assert saved.title("en") == "Forklift licence training"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title_fi": "", "title_en": ""}, "title_fi"),
        ({"languages": {"fi": "B7"}}, "languages"),
        ({"languages": {"Finnish": "B1"}}, "languages"),
        ({"competences": ["digcomp-9:1.1"]}, "competences"),
        ({"ends_on": dt.date(2026, 3, 1)}, "ends_on"),
        ({"self_paced": True}, "self_paced"),
        ({"code": "Forklift Card"}, "code"),
        ({"mode": "tv"}, "mode"),
        ({"url": "ftp://x"}, "url"),
    ],
)
def test_invalid_values_are_explained_per_field(world, change, field):
    with pytest.raises(ApplicationError) as error:
        opportunity_save(
            access=access_for(world.coord_a),
            actor=world.coord_a,
            values=VALID | change,
            skill_uris=[],
            owner=_owner(world),
        )
    assert field in error.value.field_errors


def test_unknown_skill_uri_is_an_error(world):
    with pytest.raises(ApplicationError) as error:
        opportunity_save(
            access=access_for(world.coord_a),
            actor=world.coord_a,
            values=VALID,
            skill_uris=["http://data.europa.eu/esco/skill/nope"],
            owner=_owner(world),
        )
    assert "skills" in error.value.field_errors


def test_errors_are_in_the_users_language(world):
    with translation.override("fi"), pytest.raises(ApplicationError) as error:
        opportunity_save(
            access=access_for(world.coord_a),
            actor=world.coord_a,
            values=VALID | {"provider": ""},
            skill_uris=[],
            owner=_owner(world),
        )
    assert error.value.field_errors["provider"] == ["Kerro järjestäjä."]


def test_another_partners_coordinator_cannot_own_or_edit(world):
    with pytest.raises(AccessDenied):
        opportunity_save(
            access=access_for(world.coord_b),
            actor=world.coord_b,
            values=VALID,
            skill_uris=[],
            owner=_owner(world),
        )
    theirs = opportunity(partner=world.a, project=world.project)
    with pytest.raises(AccessDenied):
        opportunity_save(
            access=access_for(world.coord_b),
            actor=world.coord_b,
            values=VALID,
            skill_uris=[],
            owner=Owner(partner=world.b, project=world.project),
            opportunity=theirs,
        )


def test_csv_export_imports_back_unchanged(world):
    forklift, service = skill("operate forklift"), skill("customer service")
    access = access_for(world.admin)
    opportunity_save(
        access=access,
        actor=world.admin,
        values=VALID,
        skill_uris=[forklift.uri, service.uri],
        owner=_owner(world),
    )
    opportunity_save(
        access=access,
        actor=world.admin,
        values=VALID
        | {
            "code": "python-mooc",
            "kind": "mooc",
            "self_paced": True,
            "starts_on": None,
            "ends_on": None,
            "languages": {},
            "ects": Decimal("5.0"),
            "title_fi": 'Ohjelmoinnin MOOC, "Python"',
            "description_en": "Line one\nline two",
        },
        skill_uris=[],
        owner=_owner(world),
    )
    first = catalogue_export(LearningOpportunity.objects.order_by("code"))
    before = [opportunity_row(o) for o in LearningOpportunity.objects.order_by("code")]
    LearningOpportunity.objects.all().delete()
    count = catalogue_import(access=access, actor=world.admin, content=first.encode(), owner=_owner(world))
    assert count == 2
    after = [opportunity_row(o) for o in LearningOpportunity.objects.order_by("code")]
    assert after == before
    assert catalogue_export(LearningOpportunity.objects.order_by("code")) == first


def test_import_updates_by_code_and_is_all_or_nothing(world):
    access = access_for(world.coord_a)
    existing = opportunity(code="finnish-a1", partner=world.a, project=world.project, hours=Decimal(10))
    content = (
        b"code,provider,title_fi,hours,languages,skills\n"
        b"finnish-a1,Omnia,Suomea alkeista,40,fi:A1,\n"
        b"bad-row,Omnia,,x,fi:Z9,http://data.europa.eu/esco/skill/missing\n"
    )
    check = catalogue_check(access=access, content=content, owner=_owner(world))
    assert not check.ok
    assert check.rows[0].errors == []
    assert check.rows[1].number == 3 and check.rows[1].errors
    with pytest.raises(ApplicationError):
        catalogue_import(access=access, actor=world.coord_a, content=content, owner=_owner(world))
    existing.refresh_from_db()
    assert existing.hours == Decimal(10)
    assert not LearningOpportunity.objects.filter(code="bad-row").exists()
    good = content.decode().splitlines()[:2]
    catalogue_import(
        access=access, actor=world.coord_a, content="\n".join(good).encode(), owner=_owner(world)
    )
    existing.refresh_from_db()
    assert existing.hours == Decimal(40) and existing.title_fi == "Suomea alkeista"


def test_row_errors_are_in_the_users_language(world):
    content = b"code,provider,title_fi,hours\nx,Omnia,Suomea,paljon\n"
    with translation.override("sv"):
        check = catalogue_check(access=access_for(world.coord_a), content=content, owner=_owner(world))
    assert "är inte ett tal" in check.rows[0].errors[0]


def test_a_code_of_another_partner_cannot_be_overwritten(world):
    opportunity(code="theirs", partner=world.b, project=world.project)
    content = b"code,provider,title_fi,hours\ntheirs,Omnia,Suomea,4\n"
    check = catalogue_check(access=access_for(world.coord_a), content=content, owner=_owner(world))
    assert "another organisation" in check.rows[0].errors[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04xlsx", "Excel"),
        (b"code,provider,hours\nx,y,1\n", "lacks"),
        (b"code,provider,title_fi,hours,colour\n", "Unknown columns"),
        (b"code,provider,title_fi,hours\n", "no opportunities"),
        ("koodi;järjestäjä\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_reason(world, content, words):
    with pytest.raises(ApplicationError) as error:
        catalogue_check(access=access_for(world.coord_a), content=content, owner=_owner(world))
    assert words in error.value.message


def test_semicolon_csv_from_excel_is_read(world):
    content = "\ufeffcode;provider;title_fi;hours;cost\nexcel-1;Omnia;Kurssi;2,5;10,50\n".encode()
    catalogue_import(
        access=access_for(world.coord_a), actor=world.coord_a, content=content, owner=_owner(world)
    )
    saved = LearningOpportunity.objects.get(code="excel-1")
    assert saved.hours == Decimal("2.5") and saved.cost == Decimal("10.50")


def test_export_quotes_formula_cells_and_the_import_reads_them_back(world):
    access = access_for(world.admin)
    opportunity(
        code="tricky",
        provider='=HYPERLINK("http://evil.example","Omnia")',
        title_en="+358 helpline course",
        title_fi="'=already quoted",
        description_en="- bullet one\n- bullet two",
        description_sv="@everyone welcome",
    )
    exported = catalogue_export(LearningOpportunity.objects.filter(code="tricky"))
    cells = next(csv.DictReader(io.StringIO(exported)))
    assert cells["provider"] == '\'=HYPERLINK("http://evil.example","Omnia")'
    assert cells["title_en"] == "'+358 helpline course"
    assert cells["title_fi"] == "''=already quoted"
    assert cells["description_en"].startswith("'- bullet one")
    assert cells["description_sv"] == "'@everyone welcome"
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells.values())
    before = opportunity_row(LearningOpportunity.objects.get(code="tricky"))
    LearningOpportunity.objects.all().delete()
    catalogue_import(access=access, actor=world.admin, content=exported.encode(), owner=_owner(world))
    assert opportunity_row(LearningOpportunity.objects.get(code="tricky")) == before
