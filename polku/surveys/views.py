"""Survey pages: a coordinator's feedback form for an activity and its results; a participant's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.activities.selectors import activity_get
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation
from polku.projects.selectors import project_get
from polku.surveys.forms import AnswerForm, FeedbackFormForm
from polku.surveys.models import FeedbackForm
from polku.surveys.selectors import (
    feedback_form_get,
    feedback_results,
    open_forms_for,
    self_assessment_deltas,
)
from polku.surveys.services import feedback_answer, feedback_form_save


@login_required
def feedback_manage_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    activity = activity_get(project=project, pk=pk)
    if not access.can_manage_activity(project.pk, activity.partner_id):
        raise AccessDenied(
            _("Only the activity's coordinators or the project lead manage its feedback form.")
        )
    existing = FeedbackForm.objects.filter(activity=activity).first()
    initial = {"title": _("Feedback: %(name)s") % {"name": activity.name}, "is_open": True}
    if existing:
        initial = {
            "title": existing.title,
            "questions": "\n".join(existing.questions),
            "is_open": existing.is_open,
            **FeedbackFormForm.initial_translations(existing.translations),
        }
    form = FeedbackFormForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = feedback_form_save(
                actor=request.user,
                access=access,
                activity=activity,
                title=form.cleaned_data["title"],
                questions=form.question_list(),
                is_open=form.cleaned_data["is_open"],
                translations=form.translations(),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
            if not error.field_errors:
                form.add_error(None, error.message)
        else:
            messages.success(request, _("The feedback form was saved."))
            return redirect("surveys:results", pk=saved.pk)
    context = {"project": project, "activity": activity, "form": form, "forms": (form,), "existing": existing}
    return TemplateResponse(
        request, "surveys/manage.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def feedback_results_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    survey = feedback_form_get(access=access, pk=pk)
    results = feedback_results(access=access, form=survey)
    lang = get_language()
    deltas = [
        (d, d.framework.name.get(lang), [(row.area.name.get(lang), row.delta) for row in d.areas])
        for d in self_assessment_deltas(access=access, form=survey)
    ]
    context = {
        "survey": survey,
        "results": results,
        "scores": list(results.distribution.items()),
        "deltas": deltas,
    }
    return TemplateResponse(request, "surveys/results.html", context)


@login_required
def feedback_answer_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    survey = feedback_form_get(access=access, pk=pk)
    participation = get_object_or_404(
        Participation.objects.select_related("person"),
        person_id=access.person_id or 0,
        project_id=survey.activity.project_id,
    )
    form = AnswerForm(request.POST or None, questions=survey.questions_in())
    if request.method == "POST" and form.is_valid():
        try:
            feedback_answer(
                actor=request.user,
                form=survey,
                participation=participation,
                satisfaction=form.cleaned_data["satisfaction"],
                answers=form.answers(),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
            if not error.field_errors:
                form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("surveys:mine")
    return TemplateResponse(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "forms": (form,)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_feedback_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    forms = open_forms_for(access=access_for(request.user))
    return TemplateResponse(request, "surveys/mine.html", {"forms": forms})
