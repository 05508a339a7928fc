"""Writes of surveys: a coordinator attaches a feedback form to an activity; an enrolled person answers once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.activities.models import Activity
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.surveys.models import FeedbackForm, FeedbackResponse

if TYPE_CHECKING:
    from polku.accounts.models import User
    from polku.participants.models import Participation


def feedback_form_save(
    *,
    actor: User,
    access: Access,
    activity: Activity,
    title: str,
    questions: list[str],
    is_open: bool,
    translations: dict[str, Any] | None = None,
) -> FeedbackForm:
    """Create the activity's form, or change it (the questions stay as they were once answers exist)."""
    if not access.can_manage_activity(activity.project_id, activity.partner_id):
        raise AccessDenied(
            _("Only the activity's coordinators or the project lead manage its feedback form.")
        )
    questions = [q.strip() for q in questions if q.strip()]
    with transaction.atomic():
        form = FeedbackForm.objects.select_for_update().filter(activity=activity).first()
        if form is None:
            form = FeedbackForm.objects.create(
                activity=activity,
                title=title,
                questions=questions,
                is_open=is_open,
                created_by=actor,
                translations=translations or {},
            )
            return form
        if questions != form.questions and form.responses.exists():
            raise ApplicationError(
                _("The questions cannot change once people have answered."),
                field_errors={"questions": [_("The questions cannot change once people have answered.")]},
            )
        form.title, form.questions, form.is_open = title, questions, is_open
        if translations is not None:
            form.translations = translations
        form.save(update_fields=["title", "questions", "is_open", "translations", "updated_at"])
    return form


def feedback_answer(
    *, actor: User, form: FeedbackForm, participation: Participation, satisfaction: int, answers: list[str]
) -> FeedbackResponse:
    """The person of `participation` answers the form of an activity they are enrolled in, once."""
    if participation.person.user_id != actor.pk:
        raise AccessDenied(_("You can answer only for yourself."))
    if not form.activity.enrolments.filter(participation=participation).exists():
        raise AccessDenied(_("Only people enrolled in the activity answer its feedback."))
    if not form.is_open:
        raise ApplicationError(_("This feedback form is closed."))
    if not 1 <= satisfaction <= 5:
        raise ApplicationError(
            _("Choose from 1 to 5."), field_errors={"satisfaction": [_("Choose from 1 to 5.")]}
        )
    if FeedbackResponse.objects.filter(form=form, participation=participation).exists():
        raise ApplicationError(_("You have already answered this feedback form."))
    answers = [a.strip() for a in answers][: len(form.questions)]
    with transaction.atomic():
        response = FeedbackResponse.objects.create(
            form=form, participation=participation, satisfaction=satisfaction, answers=answers
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=response,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["satisfaction", "answers"],
        )
    return response
