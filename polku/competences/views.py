"""Competence profile pages: the profile (the person's own and a coordinator's view), print and PDF, the
suggestions from a text or a CV, their review, adding skills by search, languages, education and work.

Whoever may see a profile may edit it: the person, their coordinators (with them), an admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.competences import selectors, services
from polku.competences.forms import (
    CvUploadForm,
    EducationForm,
    LanguageForm,
    OccupationForm,
    SearchForm,
    SuggestTextForm,
)
from polku.competences.models import SuggestionJob
from polku.competences.pdf import profile_pdf, profile_pdf_filename
from polku.core.errors import AccessDenied, ApplicationError
from polku.esco.models import Concept
from polku.esco.selectors import preferred_labels, search
from polku.participants.forms import apply_field_errors
from polku.participants.models import LanguageSkill, Person
from polku.participants.selectors import visible_person


def _language() -> str:
    return (get_language() or "en")[:2]


def _person(request: AuthenticatedHttpRequest, person_id: int) -> tuple[Access, Person]:
    access = access_for(request.user)
    return access, visible_person(access=access, person_id=person_id)


def _status(request: HttpRequest) -> int:
    return 400 if request.method == "POST" else 200


def _base(person: Person, access: Access) -> dict[str, Any]:
    return {"person": person, "is_own": selectors.is_own(access, person)}


def _profile_url(access: Access, person: Person) -> str:
    if selectors.is_own(access, person):
        return reverse("competences:me")
    return reverse("competences:profile", args=[person.pk])


def _render_profile(
    request: AuthenticatedHttpRequest, access: Access, person: Person, template: str
) -> TemplateResponse:
    profile = selectors.profile(
        access=access,
        person=person,
        actor=request.user,
        language=_language(),
        request=request,
    )
    return TemplateResponse(request, template, {**_base(person, access), "profile": profile})


# --- the profile --------------------------------------------------------------------------------------


@login_required
def me_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.is_participant:
        raise AccessDenied(_("This page is for participants."))
    person = visible_person(access=access, person_id=access.person_id or 0)
    return _render_profile(request, access, person, "competences/profile.html")


@login_required
def profile_view(request: AuthenticatedHttpRequest, person_id: int) -> TemplateResponse:
    access, person = _person(request, person_id)
    return _render_profile(request, access, person, "competences/profile.html")


@login_required
def print_view(request: AuthenticatedHttpRequest, person_id: int) -> TemplateResponse:
    access, person = _person(request, person_id)
    return _render_profile(request, access, person, "competences/print.html")


@login_required
def pdf_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    profile = selectors.profile(access=access, person=person, actor=request.user, language=_language())
    response = HttpResponse(profile_pdf(profile), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{profile_pdf_filename(person)}"'
    return response


# --- suggestions --------------------------------------------------------------------------------------


def _outcome_message(request: HttpRequest, outcome: services.SuggestionOutcome) -> None:
    if outcome.skills or outcome.occupations:
        messages.success(
            request,
            ngettext(
                "%(count)s skill suggested. Check them below: nothing is saved as your skill before you confirm it.",
                "%(count)s skills suggested. Check them below: nothing is saved as your skill before you confirm it.",
                outcome.skills,
            )
            % {"count": outcome.skills},
        )
    else:
        messages.info(request, _("No new skills were found in the text. You can add skills by search."))


@login_required
def suggest_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    language = _language() if _language() in ("fi", "sv", "en") else "en"
    is_cv = request.method == "POST" and "file" in request.FILES
    about_other = not selectors.is_own(access, person)
    text_form = SuggestTextForm(
        request.POST if request.method == "POST" and not is_cv else None,
        initial={"language": language},
        about_other=about_other,
    )
    cv_form = CvUploadForm(
        request.POST if is_cv else None, request.FILES if is_cv else None, initial={"language": language}
    )
    if request.method == "POST" and "upload" in request.POST and not is_cv:
        cv_form = CvUploadForm(request.POST, request.FILES)  # shows "this field is required"
        cv_form.is_valid()
        text_form = SuggestTextForm(initial={"language": language}, about_other=about_other)
    form = cv_form if is_cv else text_form
    if request.method == "POST" and form.is_valid():
        try:
            if is_cv:
                upload = form.cleaned_data["file"]
                if upload.size > services.cv_max_bytes():
                    data = b"\0" * (services.cv_max_bytes() + 1)  # the service words the refusal
                else:
                    data = upload.read()
                result = services.suggest_from_cv(
                    person=person,
                    data=data,
                    language=form.cleaned_data["language"],
                    actor=request.user,
                )
            else:
                result = services.suggest_from_text(
                    person=person,
                    text=form.cleaned_data["text"],
                    language=form.cleaned_data["language"],
                    actor=request.user,
                )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            if isinstance(result, SuggestionJob):
                return redirect("competences:job", person.pk, result.pk)
            _outcome_message(request, result)
            return redirect("competences:review", person.pk)
    return TemplateResponse(
        request,
        "competences/suggest.html",
        {
            **_base(person, access),
            "text_form": text_form,
            "cv_form": cv_form,
            "forms": (text_form, cv_form),
            "max_bytes": services.cv_max_bytes(),
        },
        status=_status(request),
    )


@login_required
def job_view(request: AuthenticatedHttpRequest, person_id: int, pk: int) -> HttpResponse:
    access, person = _person(request, person_id)
    job = selectors.job_get(person=person, pk=pk)
    if job.status == SuggestionJob.Status.DONE and not request.htmx:
        _outcome_message(request, services.SuggestionOutcome(job.skills_found, job.occupations_found))
        return redirect("competences:review", person.pk)
    context = {**_base(person, access), "job": job}
    if request.htmx and job.status == SuggestionJob.Status.DONE:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.path
        return response
    return TemplateResponse(request, "competences/job.html", context)


@login_required
def review_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("skill") if i.isdigit()]
        confirm = request.POST.get("decision") == "confirm"
        if not ids:
            messages.error(request, _("Choose at least one skill first."))
        else:
            count = services.skills_decide(person=person, ids=ids, confirm=confirm, actor=request.user)
            text = (
                ngettext("%(count)s skill confirmed.", "%(count)s skills confirmed.", count)
                if confirm
                else ngettext("%(count)s suggestion rejected.", "%(count)s suggestions rejected.", count)
            )
            messages.success(request, text % {"count": count})
        return redirect("competences:review", person.pk)
    language = _language()
    context = {
        **_base(person, access),
        "suggested": selectors.skill_rows(person, "suggested", language),
        "occupation_suggestions": selectors.occupation_suggestion_rows(person, language),
        "profile_url": _profile_url(access, person),
    }
    return TemplateResponse(request, "competences/review.html", context)


@login_required
def add_skill_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    if request.method == "POST":
        concept = Concept.objects.filter(
            pk=request.POST.get("skill") or 0, kind__in=[Concept.Kind.SKILL, Concept.Kind.SKILL_GROUP]
        ).first()
        if concept is None:
            messages.error(request, _("Choose a skill from the search results."))
            return redirect("competences:add_skill", person.pk)
        services.skill_add(person=person, skill=concept, actor=request.user)
        label = preferred_labels([concept.pk], _language()).get(concept.pk, concept.uri)
        messages.success(request, _("%(skill)s added to the profile.") % {"skill": label})
        return redirect(_profile_url(access, person))
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else request.GET.get("q", "")  # kept, with its error
    hits = (
        search(q, language=_language(), kinds=[Concept.Kind.SKILL])
        if form.is_valid() and len(q.strip()) >= 2
        else []
    )
    context = {
        **_base(person, access),
        "form": form,
        "q": q,
        "hits": hits,
        "kind": "skill",
        "search_errors": form.errors.get("q", []),
    }
    if request.htmx:
        return TemplateResponse(request, "competences/_search_results.html", context)
    return TemplateResponse(request, "competences/add_skill.html", context)


@login_required
@require_POST
def remove_skill_view(request: AuthenticatedHttpRequest, person_id: int, pk: int) -> HttpResponse:
    access, person = _person(request, person_id)
    services.skill_remove(person=person, profile_skill_id=pk, actor=request.user)
    messages.success(request, _("The skill was removed from the profile. It will not be suggested again."))
    return redirect(_profile_url(access, person))


# --- languages ----------------------------------------------------------------------------------------


@login_required
def languages_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    editing = request.GET.get("language", "")
    existing = LanguageSkill.objects.filter(person=person, language=editing).first() if editing else None
    initial = (
        {
            "language": existing.language,
            "level": existing.level,
            **{n: getattr(existing, n) for n in LanguageSkill.SKILL_FIELDS},
        }
        if existing
        else {}
    )
    form = LanguageForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if "remove" in request.POST:
            services.language_remove(person=person, language=request.POST["remove"], actor=request.user)
            messages.success(request, _("Language removed."))
            return redirect("competences:languages", person.pk)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.language_set(person=person, actor=request.user, **data)
            except ApplicationError as error:
                apply_field_errors(error, form)
            else:
                messages.success(request, _("Language saved."))
                return redirect("competences:languages", person.pk)
    context = {
        **_base(person, access),
        "form": form,
        "forms": (form,),
        "languages": list(LanguageSkill.objects.filter(person=person)),
        "editing": existing,
        "profile_url": _profile_url(access, person),
    }
    return TemplateResponse(request, "competences/languages.html", context, status=_status(request))


# --- education ----------------------------------------------------------------------------------------


@login_required
def education_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    form = EducationForm(request.POST or None)
    if request.method == "POST":
        if "remove" in request.POST:
            services.education_remove(person=person, pk=int(request.POST["remove"] or 0), actor=request.user)
            messages.success(request, _("Education removed."))
            return redirect("competences:education", person.pk)
        if form.is_valid():
            try:
                services.education_add(person=person, actor=request.user, **form.cleaned_data)
            except ApplicationError as error:
                apply_field_errors(error, form)
            else:
                messages.success(request, _("Education saved."))
                return redirect("competences:education", person.pk)
    context = {
        **_base(person, access),
        "form": form,
        "forms": (form,),
        "educations": list(person.educations.all()),
        "profile_url": _profile_url(access, person),
    }
    return TemplateResponse(request, "competences/education.html", context, status=_status(request))


# --- occupations held ---------------------------------------------------------------------------------


@login_required
def occupations_view(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    access, person = _person(request, person_id)
    language = _language()
    search_form = SearchForm(request.GET or None)
    q = search_form.cleaned_data["q"] if search_form.is_valid() else request.GET.get("q", "")
    search_errors: list[str] = [str(e) for e in search_form.errors.get("q") or []]
    chosen_id = request.POST.get("occupation") or request.GET.get("occupation") or ""
    chosen = (
        Concept.objects.filter(pk=chosen_id, kind=Concept.Kind.OCCUPATION).first()
        if chosen_id.isdigit()
        else None
    )
    form = OccupationForm(request.POST or None, initial={"occupation": chosen.pk if chosen else None})
    if request.method == "POST":
        if "remove" in request.POST:
            services.occupation_remove(person=person, pk=int(request.POST["remove"] or 0), actor=request.user)
            messages.success(request, _("Occupation removed."))
            return redirect("competences:occupations", person.pk)
        if "suggestion" in request.POST:
            held = services.occupation_suggestion_decide(
                person=person,
                pk=int(request.POST["suggestion"] or 0),
                held=request.POST.get("held") == "yes",
                actor=request.user,
            )
            messages.success(
                request,
                _("Added to the work you have done. Its essential skills are offered as suggestions.")
                if held
                else _("Suggestion dismissed."),
            )
            return redirect(request.POST.get("next") or reverse("competences:occupations", args=[person.pk]))
        if form.is_valid():
            try:
                services.occupation_add(
                    person=person,
                    occupation=chosen,
                    actor=request.user,
                    **form.occupation_data(),
                )
            except ApplicationError as error:
                apply_field_errors(error, form)
            else:
                messages.success(
                    request,
                    _("Occupation saved. Its essential skills are offered as suggestions on the review page.")
                    if chosen
                    else _("Occupation saved."),
                )
                return redirect("competences:occupations", person.pk)
    hits = (
        search(q, language=language, kinds=[Concept.Kind.OCCUPATION])
        if not search_errors and len(q.strip()) >= 2
        else []
    )
    context = {
        **_base(person, access),
        "form": form,
        "forms": (form,),
        "search_form": search_form,
        "search_errors": search_errors,
        "q": q,
        "hits": hits,
        "kind": "occupation",
        "chosen": chosen,
        "chosen_label": preferred_labels([chosen.pk], language).get(chosen.pk, "") if chosen else "",
        "occupations": selectors.occupation_rows(person, language),
        "occupation_suggestions": selectors.occupation_suggestion_rows(person, language),
        "profile_url": _profile_url(access, person),
    }
    if request.htmx and request.method == "GET" and "q" in request.GET:
        return TemplateResponse(request, "competences/_search_results.html", context)
    return TemplateResponse(request, "competences/occupations.html", context, status=_status(request))
