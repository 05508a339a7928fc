"""Demo entrepreneurship: DuuniPolku's business ideas at every stage (some founded a company at once, others
went on refining the idea), with canvas, interviews, experiments, stage history and sparring by the Espoo
mentor; MEGE's business-transfer listings with successor profiles, introductions at each step and one
company taken over. Deterministic from the seed; runs after the other apps' demo rows (DEMO_AFTER)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from polku.accounts.models import Membership, Role
from polku.entrepreneurship.models import (
    BusinessIdea,
    CapitalBand,
    Company,
    CompanyForm,
    Experiment,
    Interview,
    Introduction,
    Milestone,
    Sparring,
    SparringSession,
    StaffBand,
    Stage,
    StageChange,
    SuccessorProfile,
    Timeline,
    TransferListing,
    TurnoverBand,
)
from polku.outcomes.models import Outcome, Source
from polku.outcomes.rules import ytunnus_with_check_digit
from polku.participants.models import Participation

DEMO_AFTER = True
DUUNIPOLKU = "S21307"
MEGE = "A73290"
PATH: list[str] = [Stage.IDEA, Stage.VALIDATING, Stage.READY, Stage.STARTED, Stage.GROWING]
# (title, pitch, industry, problem, customers, value, final stage)
IDEAS = (
    (
        "Halal meal kits",
        "Weekly halal meal kits for busy families",
        "56",
        "Busy Muslim families cannot find halal ready meals",
        "Families in Espoo and Vantaa",
        "Home-style halal dinners in 20 minutes",
        Stage.GROWING,
    ),
    (
        "Arabic–Finnish bookkeeping",
        "Bookkeeping for immigrant entrepreneurs in their own language",
        "69",
        "New entrepreneurs do not understand Finnish tax forms",
        "Sole traders who speak Arabic",
        "An accountant who explains in your language",
        Stage.STARTED,
    ),
    (
        "Kids' coding club",
        "After-school coding in English",
        "85",
        "Few English-language hobbies for children",
        "International families",
        "Small groups, native teachers",
        Stage.READY,
    ),
    (
        "Cleaning with green products",
        "Home cleaning with eco-labelled products",
        "81",
        "Families want cleaning without harsh chemicals",
        "Families with small children",
        "Certified green products only",
        Stage.VALIDATING,
    ),
    (
        "Translation app for clinics",
        "Instant translation for health-centre visits",
        "62",
        "Patients and nurses lack a common language",
        "Health centres",
        "Medical vocabulary in 12 languages",
        Stage.VALIDATING,
    ),
    (
        "Sewing repair café",
        "Clothes repaired while you wait",
        "95",
        "Repairing clothes is slow and hard to find",
        "Shoppers in the mall",
        "Done in 30 minutes",
        Stage.IDEA,
    ),
    (
        "Photography for small firms",
        "Product photos for web shops",
        "74",
        "Small web shops have poor product photos",
        "Web shops in Uusimaa",
        "Fixed price per product",
        Stage.PAUSED,
    ),
    (
        "Nordic spice blends",
        "Spice blends that mix Nordic and Persian tastes",
        "10",
        "Spices in shops are bland",
        "Food lovers",
        "Small batches, local herbs",
        Stage.IDEA,
    ),
)
LISTINGS = (
    (
        "A lunch café in a shopping centre",
        "56",
        "01",
        StaffBand.MICRO,
        TurnoverBand.UNDER_1M,
        CapitalBand.UNDER_100K,
        "The owner retires after 25 years.",
        "Kahvila Aurinko Oy",
    ),
    (
        "A hair salon with a loyal clientele",
        "96",
        "01",
        StaffBand.MICRO,
        TurnoverBand.UNDER_200K,
        CapitalBand.UNDER_20K,
        "The owner moves abroad.",
        "Parturi-Kampaamo Kiharat",
    ),
    (
        "A bicycle repair shop",
        "95",
        "06",
        StaffBand.MICRO,
        TurnoverBand.UNDER_200K,
        CapitalBand.UNDER_20K,
        "No successor in the family.",
        "Pyöräpaja Vauhti Oy",
    ),
    (
        "An IT support company for small offices",
        "62",
        "01",
        StaffBand.SMALL,
        TurnoverBand.UNDER_2M,
        CapitalBand.UNDER_500K,
        "The founders want to retire.",
        "Tukipalvelu Netti Oy",
    ),
    (
        "A Finnish-language cleaning company",
        "81",
        "02",
        StaffBand.MICRO,
        TurnoverBand.UNDER_1M,
        CapitalBand.UNDER_100K,
        "The owner's health.",
        "Siivous Puhdas Oy",
    ),
)


def _moves(idea: BusinessIdea, final: str, start: dt.date, rng: random.Random) -> list[StageChange]:
    """The idea's stage history up to `final` (a paused idea paused after validating)."""
    changes = [StageChange(idea=idea, from_stage="", to_stage=Stage.IDEA, changed_on=start)]
    target = Stage.VALIDATING if final == Stage.PAUSED else final
    day = start
    for before, after in itertools.pairwise(PATH[: PATH.index(target) + 1]):
        day += dt.timedelta(days=rng.randint(20, 60))
        changes.append(StageChange(idea=idea, from_stage=before, to_stage=after, changed_on=day))
    if final == Stage.PAUSED:
        day += dt.timedelta(days=rng.randint(20, 60))
        changes.append(
            StageChange(
                idea=idea, from_stage=target, to_stage=Stage.PAUSED, changed_on=day, note="Family leave"
            )
        )
    return changes


def _ideas(rng: random.Random) -> None:
    rows = Participation.objects.filter(project__code=DUUNIPOLKU).select_related("partner__organisation")
    # the university's entrepreneurship trainees first, then the city's people
    people = sorted(rows, key=lambda p: ("metropolia" not in p.partner.organisation.name.lower(), p.pk))
    if not people:
        return
    chosen = people[: len(IDEAS)]
    mentor_ids = list(
        Membership.objects.filter(project__code=DUUNIPOLKU, role=Role.MENTOR).values_list(
            "user_id", flat=True
        )
    )
    for n, (participation, spec) in enumerate(zip(chosen, IDEAS, strict=False)):
        title, pitch, industry, problem, customers, value, final = spec
        start = participation.entry_date + dt.timedelta(days=rng.randint(5, 40))
        idea = BusinessIdea.objects.create(
            participation=participation,
            title=title,
            pitch=pitch,
            industry=industry,
            stage=final,
            stage_since=start,
            problem=problem,
            customer_segments=customers,
            unique_value=value,
            solution="A first version tested with customers" if final != Stage.IDEA else "",
            channels="Instagram, word of mouth, the mosque and school networks" if n % 2 else "",
            revenue_streams="Monthly subscription" if n % 3 == 0 else "",
        )
        changes = _moves(idea, final, start, rng)
        StageChange.objects.bulk_create(changes)
        idea.stage_since = changes[-1].changed_on
        idea.save(update_fields=["stage_since"])
        if final != Stage.IDEA:
            Interview.objects.bulk_create(
                Interview(
                    idea=idea,
                    interviewee=who,
                    held_on=start + dt.timedelta(days=7 * (i + 1)),
                    learnt=learnt,
                )
                for i, (who, learnt) in enumerate(
                    (
                        ("A mother of three", "Would pay 60 euros a week if delivery is reliable."),
                        ("A shop owner", "Price matters more than the brand."),
                        ("A school teacher", "Word of mouth works best here."),
                    )
                )
            )
            Experiment.objects.create(
                idea=idea,
                assumption="People pay before the first delivery",
                method="A landing page with a pre-order button",
                result=Experiment.Result.CONFIRMED
                if final != Stage.VALIDATING
                else Experiment.Result.RUNNING,
                learnt="12 pre-orders in two weeks" if final != Stage.VALIDATING else "",
                done_on=start + dt.timedelta(days=40) if final != Stage.VALIDATING else None,
            )
        Milestone.objects.create(
            idea=idea, title="First paying customer", due_on=start + dt.timedelta(days=120)
        )
        if mentor_ids and final in (Stage.VALIDATING, Stage.READY, Stage.STARTED):
            sparring = Sparring.objects.create(
                idea=idea,
                expert_id=mentor_ids[0],
                sessions_agreed=4,
                readiness="ready" if final != Stage.VALIDATING else "not_yet",
                readiness_note="Pricing tested; ready to register." if final != Stage.VALIDATING else "",
            )
            SparringSession.objects.bulk_create(
                SparringSession(
                    sparring=sparring,
                    held_on=start + dt.timedelta(days=14 * (i + 1)),
                    duration_minutes=60,
                    notes="Went through the canvas and the next experiment.",
                )
                for i in range(rng.randint(1, 3))
            )
        if final in (Stage.STARTED, Stage.GROWING):
            day = next(c.changed_on for c in changes if c.to_stage == Stage.STARTED)
            business_id = ytunnus_with_check_digit(3_400_000 + n * 17)
            outcome = Outcome.objects.create(
                participation=participation,
                kind=Outcome.Kind.COMPANY_FOUNDED,
                date=day,
                business_id=business_id,
                description=title,
                evidence="Trade register extract",
                source=Source.COORDINATOR,
            )
            Company.objects.create(
                participation=participation,
                how=Company.How.FOUNDED,
                name=f"{title} Oy" if final == Stage.GROWING else f"{title} (sole trader)",
                country="FI",
                business_id=business_id,
                company_form=CompanyForm.LIMITED if final == Stage.GROWING else CompanyForm.SOLE_TRADER,
                registered_on=day,
                industry=industry,
                idea=idea,
                outcome=outcome,
            )


def _transfers(rng: random.Random) -> None:
    people = list(
        Participation.objects.filter(project__code=MEGE)
        .select_related("partner")
        .order_by("partner_id", "pk")
    )
    if not people:
        return
    partner = people[-1].partner  # the business-transfer partner (its work package 3)
    listings = [
        TransferListing.objects.create(
            partner=partner,
            headline=headline,
            industry=industry,
            country="FI",
            region=region,
            staff_band=staff,
            turnover_band=turnover,
            reason=reason,
            handover_by=dt.date(2020, 6, 30),
            experience_years=2,
            languages={"fi": "B1"} if "Finnish" in headline else {"en": "B2"},
            capital_band=capital,
            company_name=name,
            figures="Turnover and profit of the last three years in the owner's summary.",
            owner_contact="Through the project's business adviser",
        )
        for headline, industry, region, staff, turnover, capital, reason, name in LISTINGS
    ]
    successors = [p for p in people if p.partner_id == partner.pk][:6]
    profiles = [
        SuccessorProfile.objects.create(
            participation=p,
            industries=[LISTINGS[i % len(LISTINGS)][1], "I"],
            regions=["01"] if i % 3 else ["01", "06"],
            anywhere_in_finland=i == 4,
            capital_band=[CapitalBand.UNDER_100K, CapitalBand.UNDER_20K, CapitalBand.UNDER_500K][i % 3],
            timeline=Timeline.YEAR if i % 2 else Timeline.NOW,
            experience_years=rng.randint(1, 8),
            note="Looking for a company with regular customers.",
        )
        for i, p in enumerate(successors)
    ]
    if len(profiles) < 3:
        return
    at = dt.datetime(2019, 9, 2, 10, tzinfo=dt.UTC)
    Introduction.objects.create(
        listing=listings[1], successor=profiles[1], status=Introduction.Status.PROPOSED
    )
    Introduction.objects.create(
        listing=listings[2],
        successor=profiles[2],
        participant_agreed_at=at,
        owner_agreed_at=at,
        names_exchanged_at=at,
        status=Introduction.Status.AGREED,
    )
    done = Introduction.objects.create(
        listing=listings[0],
        successor=profiles[0],
        participant_agreed_at=at,
        owner_agreed_at=at,
        names_exchanged_at=at,
        status=Introduction.Status.COMPLETED,
    )
    participation = done.successor.participation
    day = max(dt.date(2020, 3, 2), participation.entry_date)
    business_id = ytunnus_with_check_digit(3_500_001)
    outcome = Outcome.objects.create(
        participation=participation,
        kind=Outcome.Kind.BUSINESS_TAKEN_OVER,
        date=day,
        business_id=business_id,
        description=listings[0].company_name,
        evidence="Deed of sale and trade register extract",
        source=Source.COORDINATOR,
    )
    Company.objects.create(
        participation=participation,
        how=Company.How.TAKEN_OVER,
        name=listings[0].company_name,
        country="FI",
        business_id=business_id,
        company_form=CompanyForm.LIMITED,
        registered_on=day,
        industry=listings[0].industry,
        listing=listings[0],
        outcome=outcome,
    )
    listings[0].status = TransferListing.Status.COMPLETED
    listings[0].save(update_fields=["status"])


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 13 + 15)
    _ideas(rng)
    _transfers(rng)
