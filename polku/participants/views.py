"""Participant pages: the coordinator's list, detail and intake form; the participant's own page.

Views parse input and pick the template; access rules and writes live in selectors and services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.audit.selectors import audit_events_about_person, described
from polku.consent.models import Consent
from polku.consent.selectors import consent_list
from polku.consent.services import consent_withdraw
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.forms import (
    EntryDataForm,
    ExitForm,
    LanguagesForm,
    ParticipantFilterForm,
    PersonForm,
    ProfileForm,
    RecordedConsentForm,
    apply_field_errors,
)
from polku.participants.invitations import pending_invitation
from polku.participants.models import Participation
from polku.participants.sections import my_sections, participant_sections
from polku.participants.selectors import (
    can_view_person,
    participation_detail_for_staff,
    participation_get,
    participation_list,
    person_participations,
)
from polku.participants.services import (
    Registration,
    entry_data_update,
    participant_register,
    participation_exit,
    person_update,
)
from polku.projects.models import Partner

PAGE_SIZE = 25


@login_required
def participant_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can see participants."))
    form = ParticipantFilterForm(request.GET or None, access=access)
    filters = form.filters()
    rows = participation_list(access=access, filters=filters)
    if form.is_bound and not form.is_valid():
        rows = rows.none()  # a search that could not be read finds nobody, and says why (not everyone)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "querystring": form.querystring()}
    template = "participants/participant_list.html"
    if request.htmx and request.htmx.target == "participant-results":
        template += "#results"
    return TemplateResponse(request, template, context)


@login_required
def participant_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can see participants."))
    partners = Partner.objects.select_related("project", "organisation").order_by("project__name")
    if not access.is_admin:
        partners = partners.filter(pk__in=access.coordinator_partner_ids)
    partner_id = request.POST.get("partner") or request.GET.get("partner")
    partner = get_object_or_404(partners, pk=partner_id) if partner_id else None
    if partner is None:
        partner_list = list(partners)
        if len(partner_list) == 1:
            partner = partner_list[0]
        else:
            return TemplateResponse(request, "participants/choose_partner.html", {"partners": partner_list})

    data = request.POST if request.method == "POST" else None
    person_form = PersonForm(data, prefix="person")
    languages_form = LanguagesForm(data, prefix="lang")
    entry_form = EntryDataForm(data, prefix="entry", project=partner.project)
    consent_form = RecordedConsentForm(data, prefix="consent", project=partner.project)
    forms = (person_form, languages_form, entry_form, consent_form)
    if request.method == "POST" and all(f.is_valid() for f in forms):
        registration = Registration(
            person=person_form.cleaned_data,
            entry=entry_form.cleaned_data,
            languages=languages_form.languages(),
            consents=consent_form.cleaned_data["purposes"],
            entry_date=consent_form.cleaned_data["entry_date"],
            notice_language=consent_form.cleaned_data["notice_language"],
        )
        try:
            participation = participant_register(
                actor=request.user,
                access=access,
                partner=partner,
                registration=registration,
                channel="coordinator",
            )
        except ApplicationError as error:
            apply_field_errors(error, *forms)
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(name)s was registered.") % {"name": participation.person.full_name}
            )
            return redirect("participants:detail", pk=participation.pk)
    context = {
        "partner": partner,
        "forms": forms,
        "person_form": person_form,
        "languages_form": languages_form,
        "entry_form": entry_form,
        "consent_form": consent_form,
    }
    return TemplateResponse(
        request,
        "participants/participant_form.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
def participant_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_detail_for_staff(access=access, actor=request.user, pk=pk)
    if _is_own_view(access, participation):
        return redirect("participants:me")
    consents = consent_list(person_id=participation.person_id, project_id=participation.project_id)
    context = {
        "participation": participation,
        "person": participation.person,
        "entry": participation.entry,  # type: ignore[attr-defined]  # set by participation_detail_for_staff
        "consents": consents,
        # what the apps above add (their activities, …): polku.participants.sections
        "sections": participant_sections.sections(
            participation=participation, access=access, request=request
        ),
        "exit_form": ExitForm(),
        # "Invite to Polku": the person's coordinator, while the person has no log-in
        "can_invite": access.can_manage_partner(participation.partner_id)
        and participation.person.user_id is None
        and participation.person.anonymised_at is None,
        "invitation": pending_invitation(participation.person_id),
        # Links to the person's competence profile, self-assessments and plans: only for readers the
        # shared rule lets see the person (those pages answer 404 to anyone else); none for an anonymised one.
        "person_pages": can_view_person(access, participation.person_id)
        and participation.person.anonymised_at is None,
    }
    return TemplateResponse(request, "participants/participant_detail.html", context)


@login_required
def me_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.is_participant:
        raise AccessDenied(_("This page is for participants."))
    person = request.user.person
    context = {
        "person": person,
        "languages": person.languages.all(),
        "participations": person_participations(person=person),
        "consents": person.consents.select_related("project", "notice"),
        "sections": my_sections.sections(person=person, access=access, request=request),
        "accesses": described(audit_events_about_person(person_id=person.pk)[:20]),
    }
    return TemplateResponse(request, "participants/me.html", context)


@login_required
def person_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    person = participation.person
    data = request.POST if request.method == "POST" else None
    person_form = PersonForm(data, instance=person, prefix="person")
    profile_form = ProfileForm(data, instance=person, prefix="profile")
    languages_form = LanguagesForm(
        data, prefix="lang", initial_languages=list(person.languages.values_list("language", "level"))
    )
    forms = (person_form, profile_form, languages_form)
    if request.method == "POST" and all(f.is_valid() for f in forms):
        # The ModelForms have already set the values on `person`; the service compares with the stored row.
        person.refresh_from_db()
        try:
            person_update(
                actor=request.user,
                access=access,
                person=person,
                data={**person_form.cleaned_data, **profile_form.cleaned_data},
                languages=languages_form.languages(),
            )
        except ApplicationError as error:
            apply_field_errors(error, *forms)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(_back(access, participation))
    context = {
        "participation": participation,
        "person": person,
        "forms": forms,
        "person_form": person_form,
        "profile_form": profile_form,
        "languages_form": languages_form,
        "back": _back(access, participation),
    }
    return TemplateResponse(
        request, "participants/person_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def entry_data_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    entry = participation.entry_data
    data = request.POST if request.method == "POST" else None
    form = EntryDataForm(data, instance=entry, project=participation.project)
    if request.method == "POST" and form.is_valid():
        entry.refresh_from_db()
        try:
            entry_data_update(
                actor=request.user, access=access, participation=participation, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The entry data were saved."))
            return redirect(_back(access, participation))
    context = {
        "participation": participation,
        "form": form,
        "forms": (form,),
        "back": _back(access, participation),
    }
    return TemplateResponse(
        request, "participants/entry_data_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def participation_exit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    form = ExitForm(request.POST)
    if form.is_valid():
        try:
            participation_exit(
                actor=request.user,
                access=access,
                participation=participation,
                exit_date=form.cleaned_data["exit_date"],
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The exit was recorded."))
    else:
        messages.error(request, _("Give a valid exit date."))
    return redirect("participants:detail", pk=participation.pk)


@login_required
@require_POST
def consent_withdraw_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    consent = get_object_or_404(Consent, pk=pk, person_id=access.person_id) if access.person_id else None
    if consent is None:
        raise AccessDenied(_("Only the person can withdraw their own consent here."))
    try:
        consent_withdraw(actor=request.user, consent=consent)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your consent was withdrawn on %(date)s.") % {"date": timezone.localdate()}
        )
    return redirect("participants:me")


def _is_own_view(access: Access, participation: Participation) -> bool:
    """The participant looking at their own data (not as a coordinator of their own partner)."""
    return access.person_id == participation.person_id and not access.can_manage_partner(
        participation.partner_id
    )


def _back(access: Access, participation: Participation) -> str:
    """Where a form returns: the participant to their own page, staff to the participant's detail."""
    if _is_own_view(access, participation):
        return reverse("participants:me")
    return reverse("participants:detail", args=[participation.pk])
