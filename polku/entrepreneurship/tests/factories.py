"""factory_boy factories of the entrepreneurship models (tests only)."""

from __future__ import annotations

import datetime as dt

import factory

from polku.entrepreneurship.models import (
    BusinessIdea,
    CapitalBand,
    Interview,
    Introduction,
    Sparring,
    SparringSession,
    StaffBand,
    SuccessorProfile,
    Timeline,
    TransferListing,
    TurnoverBand,
)
from polku.testing.factories import ModelFactory, ParticipationFactory, PartnerFactory, UserFactory


class BusinessIdeaFactory(ModelFactory[BusinessIdea]):
    class Meta:
        model = BusinessIdea

    participation = factory.SubFactory(ParticipationFactory)
    title = "Halal meal kits"
    pitch = "Weekly halal meal kits delivered in Espoo"
    industry = "56"
    stage_since = dt.date(2025, 3, 1)
    problem = "Busy families cannot find halal ready meals."
    customer_segments = "Muslim families in Espoo"
    unique_value = "Home-style halal meals in 20 minutes"


class InterviewFactory(ModelFactory[Interview]):
    class Meta:
        model = Interview

    idea = factory.SubFactory(BusinessIdeaFactory)
    interviewee = "A mother of three in Leppävaara"
    held_on = dt.date(2025, 3, 10)
    learnt = "Would pay 60 euros a week."


class SparringFactory(ModelFactory[Sparring]):
    class Meta:
        model = Sparring

    idea = factory.SubFactory(BusinessIdeaFactory)
    expert = factory.SubFactory(UserFactory)
    sessions_agreed = 3


class SparringSessionFactory(ModelFactory[SparringSession]):
    class Meta:
        model = SparringSession

    sparring = factory.SubFactory(SparringFactory)
    held_on = dt.date(2025, 4, 1)
    duration_minutes = 60
    notes = "Pricing is too low; private."


class TransferListingFactory(ModelFactory[TransferListing]):
    class Meta:
        model = TransferListing

    partner = factory.SubFactory(PartnerFactory)
    headline = "A lunch café in a shopping centre"
    industry = "56"
    country = "FI"
    region = "01"
    staff_band = StaffBand.MICRO
    turnover_band = TurnoverBand.UNDER_1M
    reason = "The owner retires."
    capital_band = CapitalBand.UNDER_20K
    languages = factory.LazyFunction(lambda: {"fi": "B1"})
    company_name = "Kahvila Aurinko Oy"
    figures = "Turnover 420 000 €, profit 38 000 €"
    owner_contact = "Maija Virtanen, 040 123 4567"


class SuccessorProfileFactory(ModelFactory[SuccessorProfile]):
    class Meta:
        model = SuccessorProfile

    participation = factory.SubFactory(ParticipationFactory)
    industries = factory.LazyFunction(lambda: ["56"])
    regions = factory.LazyFunction(lambda: ["01"])
    capital_band = CapitalBand.UNDER_100K
    timeline = Timeline.YEAR


class IntroductionFactory(ModelFactory[Introduction]):
    class Meta:
        model = Introduction

    listing = factory.SubFactory(TransferListingFactory)
    successor = factory.SubFactory(SuccessorProfileFactory)
