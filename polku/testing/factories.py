"""factory_boy factories for tests (and only tests)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

import factory
from django.db import models
from django.utils import timezone

from polku.accounts.models import Membership, Role, User
from polku.activities.models import Activity, Target
from polku.consent.models import PrivacyNotice
from polku.organisations.models import Organisation
from polku.participants.models import EntryData, Participation, Person
from polku.projects.models import Partner, Project, WorkPackage

_M = TypeVar("_M", bound=models.Model)


class ModelFactory(factory.django.DjangoModelFactory[_M]):
    """A model factory whose call gives the type checker the model, not the factory.

    factory_boy's `Factory.__new__` is untyped, so `UserFactory()` would be typed as a `UserFactory`.
    """

    class Meta:
        abstract = True

    if TYPE_CHECKING:

        def __new__(cls, *args: Any, **kwargs: Any) -> _M: ...  # type: ignore[misc]


class UserFactory(ModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")


class OrganisationFactory(ModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.CITY
    country = "FI"


class ProjectFactory(ModelFactory[Project]):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Project {n}")
    code = factory.Sequence(lambda n: f"S{20000 + n}")
    funder = Project.Funder.ESF_PLUS_2021
    starts_on = dt.date(2025, 1, 1)
    ends_on = dt.date(2027, 12, 31)
    languages = ["fi", "en"]


class PartnerFactory(ModelFactory[Partner]):
    class Meta:
        model = Partner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    country = "FI"
    registration_open = True


class WorkPackageFactory(ModelFactory[WorkPackage]):
    class Meta:
        model = WorkPackage

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Work package {n}")


class TargetFactory(ModelFactory[Target]):
    class Meta:
        model = Target

    project = factory.SubFactory(ProjectFactory)
    metric = Target.Metric.PARTICIPANTS
    label = "Participants"
    value = 40


class ActivityFactory(ModelFactory[Activity]):
    class Meta:
        model = Activity

    project = factory.SelfAttribute("partner.project")
    partner = factory.SubFactory(PartnerFactory)
    kind = Activity.Kind.TRAINING
    name = factory.Sequence(lambda n: f"Training {n}")


class PrivacyNoticeFactory(ModelFactory[PrivacyNotice]):
    class Meta:
        model = PrivacyNotice

    project = factory.SubFactory(ProjectFactory)
    version = 1
    language = "en"
    title = "Privacy notice"
    body = "We process your data to run the project and to report to the funder."
    published_at = factory.LazyFunction(timezone.now)


class PersonFactory(ModelFactory[Person]):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    preferred_language = "en"
    search_name = factory.LazyAttribute(lambda p: f"{p.first_name} {p.last_name} {p.email}".lower())


class ParticipationFactory(ModelFactory[Participation]):
    class Meta:
        model = Participation
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    entry_date = dt.date(2025, 3, 1)
    channel = Participation.Channel.COORDINATOR
    entry_data = factory.RelatedFactory(
        "polku.testing.factories.EntryDataFactory", factory_related_name="participation"
    )


class EntryDataFactory(ModelFactory[EntryData]):
    class Meta:
        model = EntryData

    participation = factory.SubFactory(ParticipationFactory, entry_data=None)
    date_of_birth = dt.date(1990, 5, 17)
    gender = "woman"
    labour_status = "unemployed"
    education = "7"
    citizenship = "non_eu"
    asked = list(EntryData.ITEMS[:9])


def membership(
    user: User, role: str, partner: Partner | None = None, project: Project | None = None
) -> Membership:
    project = project or (partner.project if partner else None)
    assert project is not None
    return Membership.objects.create(user=user, role=role, project=project, partner=partner)


__all__ = ["Role"]
