"""Factories and a small scene of employers for the tests: an employer of partner a in the world's
project, represented by the world's employer user (when the world has one), an open internship need with
two required skills and Finnish at B1, and participant a opted in with one of those skills."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import factory
from django.utils import timezone

from polku.competences.models import OccupationHeld, ProfileSkill
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.employers.models import (
    CooperationEntry,
    Employer,
    EmployerRepresentative,
    Introduction,
    NeedLanguage,
    NeedSkill,
    TalentNeed,
)
from polku.esco.tests.factories import skill
from polku.participants.models import LanguageSkill, Participation
from polku.testing.factories import ModelFactory, OrganisationFactory, PartnerFactory


class EmployerFactory(ModelFactory[Employer]):
    class Meta:
        model = Employer

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    organisation = factory.SubFactory(
        OrganisationFactory, kind="company", name=factory.Sequence(lambda n: f"Firm {n} Oy")
    )


class NeedFactory(ModelFactory[TalentNeed]):
    class Meta:
        model = TalentNeed

    employer = factory.SubFactory(EmployerFactory)
    kind = "internship"
    title = factory.Sequence(lambda n: f"Data analyst intern {n}")
    description = "Analyse data with Python and SQL."
    mode = "on_site"
    location = "Tampere"
    status = "open"
    opened_at = factory.LazyFunction(timezone.now)


def opt_in(participation: Participation) -> Consent:
    """An active consent "employers" for the participation's project (kept if there is one)."""
    notice = PrivacyNotice.objects.filter(project_id=participation.project_id).first()
    assert notice is not None, "the project needs a privacy notice"
    consent, _created = Consent.objects.get_or_create(
        person=participation.person,
        project_id=participation.project_id,
        purpose=Purpose.EMPLOYERS,
        withdrawn_at=None,
        defaults={"notice": notice, "given_at": timezone.now()},
    )
    return consent


def give_skill(participation: Participation, concept: Any) -> ProfileSkill:
    return ProfileSkill.objects.create(
        person=participation.person, skill=concept, status=ProfileSkill.Status.CONFIRMED
    )


def scene(world: Any) -> SimpleNamespace:
    python = skill("use Python", fi="käyttää Pythonia", sv="använda Python")
    sql = skill("use SQL", fi="käyttää SQL:ää", sv="använda SQL")
    employer = EmployerFactory(partner=world.a, project=world.project, organisation__name="Nordic Data Oy")
    if getattr(world, "employer", None) is not None:
        EmployerRepresentative.objects.get_or_create(
            user=world.employer, project=world.project, defaults={"employer": employer}
        )
    need = NeedFactory(employer=employer, title="Data analyst intern", openings=1)
    NeedSkill.objects.create(need=need, skill=python, required=True, status="confirmed")
    NeedSkill.objects.create(need=need, skill=sql, required=True, status="confirmed")
    NeedLanguage.objects.create(need=need, language="fi", level="B1")
    person = world.part_a.person
    person.phone = "+358401234567"
    person.municipality = "Tampere"
    person.education_level = "7"
    person.goals = ["employment"]
    person.save()
    give_skill(world.part_a, python)
    LanguageSkill.objects.create(person=person, language="fi", level="B2")
    LanguageSkill.objects.create(person=person, language="ar", level="native")
    OccupationHeld.objects.create(
        person=person,
        title="Analyst",
        employer="Secret Employer",
        country="SY",
        start_year=2015,
        end_year=2020,
    )
    consent = opt_in(world.part_a)
    return SimpleNamespace(python=python, sql=sql, employer=employer, need=need, consent=consent)


def introduction(
    need: TalentNeed, participation: Participation, status: str = "proposed", **kw: Any
) -> Introduction:
    decided = timezone.now() if status != "proposed" else None
    return Introduction.objects.create(
        need=need,
        employer=need.employer,
        participation=participation,
        status=status,
        proposed_side="coordinator",
        decided_at=decided,
        **kw,
    )


def entry(employer: Employer, **kw: Any) -> CooperationEntry:
    values = {"kind": "meeting", "happened_on": timezone.localdate(), "partner": employer.partner}
    values.update(kw)
    return CooperationEntry.objects.create(employer=employer, **values)
