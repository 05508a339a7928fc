"""Privacy handlers of surveys (found by polku.privacy.registry by this module's name).

Export: the person's feedback answers (activity, form, satisfaction, the free-text answers with their
questions).
Anonymisation keeps every answer row and its satisfaction score (the activity's feedback summary counts
them) and empties the free-text answers.
Erasure: the free-text answers are erased; the satisfaction score is kept, as the activity's feedback
summary reported to the funder is computed from it (it carries no text).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.participants.models import Person
from polku.surveys.models import FeedbackResponse


def _answers(response: FeedbackResponse) -> list[str]:
    """Each free-text answer after its question ("question: answer"), empty answers left out."""
    questions = list(response.form.questions)
    return [
        f"{questions[i]}: {answer}" if i < len(questions) else answer
        for i, answer in enumerate(response.answers)
        if answer
    ]


def export(person: Person) -> dict[str, Section]:
    responses = FeedbackResponse.objects.filter(participation__person=person).select_related("form__activity")
    if not responses:
        return {}
    return {
        "surveys.responses": records(
            gettext_lazy("Feedback answers"),
            responses,
            ("satisfaction", "created_at"),
            activity=(gettext_lazy("activity"), lambda r: r.form.activity.name),
            form=(gettext_lazy("form"), lambda r: r.form.title),
            answers=(gettext_lazy("answers"), _answers),
        )
    }


def _clear(person: Person) -> int:
    return (
        FeedbackResponse.objects.filter(participation__person=person).exclude(answers=[]).update(answers=[])
    )


def anonymise(person: Person) -> int:
    return _clear(person)


def erase(person: Person) -> Erasure:
    result = Erasure()
    cleared = _clear(person)
    if cleared:
        result.erased.append(_("Free-text feedback answers (%(count)s)") % {"count": cleared})
    if FeedbackResponse.objects.filter(participation__person=person).exists():
        result.kept.append(
            (
                _("Satisfaction scores of feedback answers"),
                _(
                    "The activity's feedback summary reported to the funder is counted from them; they hold no text."
                ),
            )
        )
    return result


register("surveys", export=export, anonymise=anonymise, erase=erase)
