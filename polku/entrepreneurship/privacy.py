"""Privacy handlers of entrepreneurship (found by polku.core.personal_data by this module's name).

A business idea is its owner's personal data, with its canvas, evidence, stage history, the comments on
it and the sparring sessions' notes; so are the person's successor profile, the introductions proposed to
them and the companies recorded for them. Transfer listings are the owners' (not participants') data:
they are confidential but outside these handlers.

Export: all of the above. Anonymisation (retention) keeps the counted facts (stage history, industry,
how and when companies were registered, session dates and lengths) and empties every free text, and the
company's name and business ID (a sole trader's identifies the person). Erasure removes the person's
ideas (with everything on them), successor profile and introductions, and companies, and takes them off
the ideas they co-founded.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.entrepreneurship.models import (
    CANVAS_FIELDS,
    BusinessIdea,
    Company,
    Experiment,
    IdeaComment,
    Interview,
    Introduction,
    Milestone,
    SparringSession,
    StageChange,
    SuccessorProfile,
)
from polku.participants.models import Person


def _ideas(person: Person):
    return BusinessIdea.objects.filter(participation__person=person)


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    ideas = _ideas(person).order_by("created_at", "pk")
    if ideas:
        sections["entrepreneurship.ideas"] = records(
            gettext_lazy("Business ideas"),
            ideas,
            ("title", "pitch", "industry", "stage", "stage_since", *CANVAS_FIELDS),
        )
        sections["entrepreneurship.stages"] = records(
            gettext_lazy("Stage history of the business ideas"),
            StageChange.objects.filter(idea__in=ideas).order_by("changed_on", "pk"),
            ("from_stage", "to_stage", "changed_on", "note"),
            idea=(gettext_lazy("business idea"), lambda r: r.idea.title),
        )
        for key, title, model, fields in (
            (
                "interviews",
                gettext_lazy("Customer interviews"),
                Interview,
                ("interviewee", "held_on", "learnt"),
            ),
            (
                "experiments",
                gettext_lazy("Experiments"),
                Experiment,
                ("assumption", "method", "result", "learnt", "done_on"),
            ),
            ("milestones", gettext_lazy("Milestones"), Milestone, ("title", "due_on", "reached_on")),
            ("comments", gettext_lazy("Comments on the business ideas"), IdeaComment, ("body", "created_at")),
        ):
            rows = model.objects.filter(idea__in=ideas).order_by("pk")
            if rows:
                sections[f"entrepreneurship.{key}"] = records(title, rows, fields)
        sessions = SparringSession.objects.filter(sparring__idea__in=ideas).select_related("sparring__expert")
        if sessions:
            sections["entrepreneurship.sparring"] = records(
                gettext_lazy("Sparring sessions"),
                sessions.order_by("held_on", "pk"),
                ("held_on", "duration_minutes", "notes"),
                expert=(gettext_lazy("expert"), lambda s: s.sparring.expert.full_name),
            )
    profile = SuccessorProfile.objects.filter(participation__person=person).first()
    if profile:
        sections["entrepreneurship.successor"] = records(
            gettext_lazy("Successor profile"),
            [profile],
            (
                "industries",
                "regions",
                "anywhere_in_finland",
                "capital_band",
                "timeline",
                "experience_years",
                "note",
            ),
        )
        intros = Introduction.objects.filter(successor=profile).select_related("listing").order_by("pk")
        if intros:
            sections["entrepreneurship.introductions"] = records(
                gettext_lazy("Introductions to companies looking for a successor"),
                intros,
                ("status", "participant_agreed_at", "owner_agreed_at", "names_exchanged_at", "declined_at"),
                company=(gettext_lazy("company"), lambda i: i.listing.headline),
            )
    companies = Company.objects.filter(participation__person=person).order_by("registered_on", "pk")
    if companies:
        sections["entrepreneurship.companies"] = records(
            gettext_lazy("Companies founded or taken over"),
            companies,
            ("how", "name", "country", "business_id", "company_form", "registered_on", "industry"),
        )
    return sections


def anonymise(person: Person) -> int:
    ideas = _ideas(person)
    changed = 0
    blank = dict.fromkeys(CANVAS_FIELDS, "")
    for idea in ideas.exclude(title="–"):
        for name, value in {"title": "–", "pitch": "", **blank}.items():
            setattr(idea, name, value)
        idea.save(update_fields=["title", "pitch", *CANVAS_FIELDS, "updated_at"])
        changed += 1
    changed += StageChange.objects.filter(idea__in=ideas).exclude(note="").update(note="")
    changed += (
        Interview.objects.filter(idea__in=ideas)
        .exclude(learnt="", interviewee="")
        .update(learnt="", interviewee="")
    )
    changed += (
        Experiment.objects.filter(idea__in=ideas)
        .exclude(assumption="", method="", learnt="")
        .update(assumption="", method="", learnt="")
    )
    changed += Milestone.objects.filter(idea__in=ideas).exclude(title="").update(title="")
    changed += IdeaComment.objects.filter(idea__in=ideas).exclude(body="").update(body="")
    changed += SparringSession.objects.filter(sparring__idea__in=ideas).exclude(notes="").update(notes="")
    changed += SuccessorProfile.objects.filter(participation__person=person).exclude(note="").update(note="")
    changed += (
        Company.objects.filter(participation__person=person)
        .exclude(name="", business_id="", register_name="")
        .update(name="", business_id="", register_name="")
    )
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    ideas = _ideas(person)
    count = ideas.count()
    if count:
        ideas.delete()
        result.erased.append(
            _("Business ideas with their canvas, evidence, comments and sparring notes (%(n)s)")
            % {"n": count}
        )
    co_founded = person.co_founded_ideas.count()
    if co_founded:
        person.co_founded_ideas.clear()
        result.erased.append(_("Co-founder of business ideas (%(n)s)") % {"n": co_founded})
    profiles = SuccessorProfile.objects.filter(participation__person=person)
    if profiles.exists():
        profiles.delete()
        result.erased.append(_("Successor profile with its introductions"))
    companies = Company.objects.filter(participation__person=person)
    count = companies.count()
    if count:
        companies.delete()
        result.erased.append(_("Companies founded or taken over (%(n)s)") % {"n": count})
    return result


register("entrepreneurship", export=export, anonymise=anonymise, erase=erase)
