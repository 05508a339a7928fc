"""Writes of knowledge: good practices, handbook pages, evaluation notes. Staff only; no personal data of
participants belongs here (attendees are staff with a login, or names typed by the author)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, User
from polku.core.errors import AccessDenied, ApplicationError
from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage, Status
from polku.projects.models import Partner, Project

Text = GoodPractice | HandbookPage


def _save_text(
    *, actor: User, access: Access, obj: Text, data: Mapping[str, Any], fields: tuple[str, ...]
) -> Text:
    project = data.get("project", obj.project if obj.pk else None)
    if not access.can_author_knowledge(project.pk if project is not None else None):
        raise AccessDenied(_("Only the project's lead and coordinators can write its knowledge pages."))
    allowed = {"slug", "project", "status", "kind"} | {f"{n}_{c}" for n in fields for c in ("fi", "sv", "en")}
    for name, value in data.items():
        if name in allowed:
            setattr(obj, name, value)
    if not any(getattr(obj, f"title_{c}") for c in ("fi", "sv", "en")):
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"title_fi": [_("Give a title in one language.")]},
        )
    if obj.pk is None:
        obj.author = actor
    if isinstance(obj, GoodPractice):
        if obj.status == Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        elif obj.status == Status.DRAFT:
            obj.published_at = None
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"slug": [_("This address is already in use.")]},
        ) from error
    return obj


def good_practice_save(
    *, actor: User, access: Access, practice: GoodPractice | None = None, data: Mapping[str, Any]
) -> GoodPractice:
    obj = practice or GoodPractice()
    saved = _save_text(actor=actor, access=access, obj=obj, data=data, fields=GoodPractice.FIELDS)
    assert isinstance(saved, GoodPractice)
    return saved


def handbook_page_save(
    *, actor: User, access: Access, page: HandbookPage | None = None, data: Mapping[str, Any]
) -> HandbookPage:
    obj = page or HandbookPage()
    saved = _save_text(actor=actor, access=access, obj=obj, data=data, fields=HandbookPage.FIELDS)
    assert isinstance(saved, HandbookPage)
    return saved


def evaluation_note_create(
    *,
    actor: User,
    access: Access,
    project: Project,
    date: dt.date,
    kind: str,
    title: str,
    partner: Partner | None = None,
    attendees: list[User] | None = None,
    other_attendees: list[str] | None = None,
    notes: str = "",
    decisions: list[str] | None = None,
) -> EvaluationNote:
    """A coordinator, the lead or an evaluator of the project records a note or a reflection meeting."""
    if not access.can_use_evaluation_notes(project.pk):
        raise AccessDenied(_("Only the project's coordinators, lead and evaluators write evaluation notes."))
    if partner is not None and partner.project_id != project.pk:
        raise ApplicationError(
            _("The partner belongs to another project."),
            field_errors={"partner": [_("Choose a partner of this project.")]},
        )
    if partner is not None and not access.can_use_partner_evaluation_notes(project.pk, partner.pk):
        raise AccessDenied(_("You can write notes only for your own partner or for the whole project."))
    attendees = list(attendees or [])
    members = set(Membership.objects.filter(project=project).values_list("user_id", flat=True))
    strangers = [u.email for u in attendees if u.pk not in members and not u.is_superuser]
    if strangers:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={
                "attendees": [_("Only members of the project can be listed as attendees with a login.")]
            },
        )
    with transaction.atomic():
        note = EvaluationNote.objects.create(
            project=project,
            partner=partner,
            date=date,
            kind=kind,
            title=title.strip(),
            other_attendees=[n.strip() for n in (other_attendees or []) if n.strip()],
            notes=notes,
            decisions=[d.strip() for d in (decisions or []) if d.strip()],
            author=actor,
        )
        note.attendees.set(attendees)
    return note
