"""An activity's feedback results as rows for CSV and XLSX (polku.core.sheets): the number of answers,
the average and the distribution of satisfaction, the free-text answers, and the participants'
self-assessment deltas, with the same suppression as the results page (a hidden figure reads "hidden")."""

from __future__ import annotations

from django.utils.translation import gettext as _

from polku.assessments.exports import deltas_headers, deltas_rows
from polku.assessments.selectors import ProjectDeltas
from polku.core.sheets import Row
from polku.suppression import Figure
from polku.surveys.models import FeedbackForm
from polku.surveys.selectors import Results


def _figure(figure: Figure) -> str | int:
    return _("hidden") if figure.value is None else figure.value


def results_rows(
    *, form: FeedbackForm, results: Results, deltas: list[ProjectDeltas], lang: str
) -> list[Row]:
    hidden = _("hidden")
    rows: list[Row] = [
        [_("Feedback form"), form.title],
        [_("Activity"), form.activity.name],
        [_("Answers"), _figure(results.responses)],
        [_("Average satisfaction (1–5)"), hidden if results.average is None else results.average],
        [],
        [_("Satisfaction"), _("People")],
        *([score, _figure(figure)] for score, figure in results.distribution.items()),
    ]
    if results.free_text:
        rows += [[], [_("Question"), _("Answer")]]
        for question, answers in results.free_text:
            rows += [[question, answer] for answer in answers]
    if deltas:
        rows += [[], deltas_headers()]
        for framework_deltas in deltas:
            rows += deltas_rows(framework_deltas, lang)
    return rows


def results_filename(form: FeedbackForm, fmt: str) -> str:
    return f"feedback-{form.pk}.{fmt}"
