"""Pages of the community network: the directory with its filters, one's own profile and who sees what,
suggestions with reasons, connections, messages; the coordinators' reports and the lead's sharing choice.
A page about another member is a 404 unless the reader reaches their live profile (selectors)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.community import selectors, services
from polku.community.forms import (
    ConnectForm,
    MessageForm,
    PhotoForm,
    ProfileForm,
    ReportForm,
    SearchForm,
    SharingForm,
)
from polku.community.models import Connection, DirectorySharing, Message
from polku.community.suggestions import suggestions
from polku.competences.models import ProfileSkill
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.esco.selectors import preferred_labels
from polku.projects.models import Project
from polku.projects.selectors import project_get


def _member(request: AuthenticatedHttpRequest) -> Access:
    access = access_for(request.user)
    if not access.can_use_community():
        raise Http404
    return access


def _viewer(request: AuthenticatedHttpRequest) -> selectors.Viewer:
    viewer = selectors.viewer_for(request.user)
    if viewer is None:
        raise Http404
    return viewer


def _skill_choices(ids: list[int]) -> list[tuple[int, str]]:
    labels = preferred_labels(ids, selectors.reader_language())
    return sorted(((pk, labels.get(pk, "")) for pk in ids), key=lambda row: row[1].casefold())


@never_cache
@login_required
def index_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """The directory: one's own state, then the search (only while one's own profile is in it)."""
    _member(request)
    viewer = selectors.viewer_for(request.user)
    context: dict[str, Any] = {"viewer": viewer, "profile": selectors.own_profile(request.user)}
    if viewer is not None:
        my_skills = list(viewer.profile.skills.values_list("pk", flat=True))
        form = SearchForm(
            request.GET or None,
            skill_choices=_skill_choices(my_skills),
            countries=selectors.directory_countries(viewer),
        )
        filters = selectors.Filters()
        if form.is_valid():
            data = form.cleaned_data
            filters = selectors.Filters(
                text=data["text"].strip(),
                skill=int(data["skill"]) if data["skill"] else None,
                language=data["language"],
                country=data["country"],
                offers=data["offers"],
                looks_for=data["looks_for"],
            )
        number = request.GET.get("page", "1")
        page = selectors.page_of(
            selectors.directory_search(viewer=viewer, filters=filters), int(number) if number.isdigit() else 1
        )
        query = request.GET.copy()
        query.pop("page", None)
        context |= {
            "form": form,
            "page": page,
            "cards": selectors.cards(viewer, page.rows),
            "query": query.urlencode(),
            "incoming": selectors.incoming_requests(viewer).count(),
        }
    return TemplateResponse(request, "community/index.html", context)


@never_cache
@login_required
def profile_edit_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = _member(request)
    profile = selectors.own_profile(request.user)
    confirmed = (
        list(
            ProfileSkill.objects.filter(
                person_id=access.person_id, status=ProfileSkill.Status.CONFIRMED
            ).values_list("skill_id", flat=True)
        )
        if access.person_id
        else []
    )
    form = ProfileForm(
        request.POST or None, initial=ProfileForm.initial_of(profile), skill_choices=_skill_choices(confirmed)
    )
    if profile is None and not request.POST:
        home_user = request.user
        form.initial.setdefault("display_name", home_user.full_name or "")
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_save(actor=request.user, access=access, data=form.service_data())
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("community:profile_edit")
    context = {
        "form": form,
        "forms": [form],
        "profile": profile,
        "live": profile is not None and selectors.is_live(profile),
        "audiences": selectors.audience_rows(profile) if profile else [],
        "photo_form": PhotoForm(),
        "groups": [name for name in form.fields if name.endswith("_audience")],
    }
    return TemplateResponse(
        request,
        "community/profile_edit.html",
        context,
        status=response_status(request, request.method != "POST"),
    )


@require_POST
@login_required
def directory_on_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = _member(request)
    try:
        services.directory_turn_on(actor=request.user, access=access, language=selectors.reader_language())
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your profile is now in the directory."))
    return redirect("community:profile_edit")


@require_POST
@login_required
def directory_off_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = _member(request)
    services.directory_turn_off(actor=request.user, access=access)
    messages.success(request, _("Your profile is no longer in the directory. Nobody sees it now."))
    return redirect("community:profile_edit")


@require_POST
@login_required
def photo_upload_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = _member(request)
    if request.POST.get("remove"):
        services.photo_remove(actor=request.user)
        messages.success(request, _("Your photo was removed."))
        return redirect("community:profile_edit")
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.photo_set(actor=request.user, access=access, content=form.cleaned_data["photo"].read())
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your photo was saved."))
    else:
        messages.error(request, _("Choose a photo to upload."))
    return redirect("community:profile_edit")


@never_cache
@login_required
def photo_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _member(request)
    viewer = selectors.viewer_for(request.user)
    own = selectors.own_profile(request.user)
    if own is not None and own.pk == pk:
        profile = own
    else:
        profile = selectors.profile_for(viewer=viewer, pk=pk)
        if not selectors.sees(viewer, profile, "photo"):
            raise Http404
    photo = getattr(profile, "photo", None)
    if photo is None:
        raise Http404
    response = HttpResponse(bytes(photo.data), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
def profile_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    _member(request)
    viewer = _viewer(request)
    profile = selectors.profile_for(viewer=viewer, pk=pk)
    card = selectors.cards(viewer, [profile], full=True)[0]
    pending = None
    if card.relation == "asks_me":
        pending = Connection.objects.filter(
            sender=profile, recipient=viewer.profile, status="pending"
        ).first()
    context = {"card": card, "connect_form": ConnectForm(), "pending": pending}
    return TemplateResponse(request, "community/profile.html", context)


@never_cache
@login_required
def suggestions_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    _member(request)
    viewer = _viewer(request)
    return TemplateResponse(request, "community/suggestions.html", {"suggested": suggestions(viewer=viewer)})


@require_POST
@login_required
def connect_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _member(request)
    viewer = _viewer(request)
    other = selectors.profile_for(viewer=viewer, pk=pk)
    form = ConnectForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        services.connection_request(actor=request.user, recipient=other, message=message)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request was sent."))
    return redirect("community:profile", pk=pk)


@require_POST
@login_required
def answer_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _member(request)
    viewer = _viewer(request)
    connection = get_object_or_404(Connection, pk=pk, recipient=viewer.profile)
    accept = request.POST.get("action") == "accept"
    services.connection_answer(actor=request.user, connection=connection, accept=accept)
    messages.success(request, _("You are now connected.") if accept else _("The request was declined."))
    return redirect("community:connections")


@never_cache
@login_required
def connections_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    _member(request)
    viewer = _viewer(request)
    people = list(selectors.connections(viewer))
    context = {
        "incoming": list(selectors.incoming_requests(viewer)),
        "cards": selectors.cards(viewer, people, full=True),
    }
    return TemplateResponse(request, "community/connections.html", context)


@require_POST
@login_required
def block_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _member(request)
    viewer = _viewer(request)
    other = selectors.profile_for(viewer=viewer, pk=pk)
    services.block(actor=request.user, other=other)
    messages.success(
        request, _("You blocked %(name)s. Neither of you sees the other now.") % {"name": other.display_name}
    )
    return redirect("community:index")


@never_cache
@login_required
def report_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _member(request)
    viewer = _viewer(request)
    other = selectors.profile_for(viewer=viewer, pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(actor=request.user, reported=other, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Thank you. Your coordinators will look at your report."))
            return redirect("community:profile", pk=pk)
    return TemplateResponse(
        request,
        "community/report.html",
        {"form": form, "forms": [form], "other": other},
        status=response_status(request, request.method != "POST"),
    )


@never_cache
@login_required
def messages_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    _member(request)
    profile = selectors.own_profile(request.user)
    rows = selectors.thread_list(profile) if profile else []
    return TemplateResponse(request, "community/messages.html", {"threads": rows, "profile": profile})


@never_cache
@login_required
def thread_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The conversation with the member `pk`; writing is for connections only."""
    _member(request)
    viewer = _viewer(request)
    other = selectors.profile_for(viewer=viewer, pk=pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(actor=request.user, recipient=other, body=form.cleaned_data["body"])
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            return redirect("community:thread", pk=pk)
    thread = selectors.thread_between(viewer.profile, other)
    rows: list[Message] = []
    if thread is not None:
        services.thread_mark_read(profile=viewer.profile, thread=thread)
        rows = list(thread.messages.select_related("sender"))
    context = {
        "other": other,
        "rows": [(m, selectors.message_text(m), m.sender_id == viewer.profile.pk) for m in rows],
        "form": form,
        "forms": [form],
        "can_write": other.pk in viewer.connected,
    }
    return TemplateResponse(
        request, "community/thread.html", context, status=response_status(request, request.method != "POST")
    )


# --- coordinators and the lead -----------------------------------------------------------------------


@never_cache
@login_required
def reports_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_handle_community_reports():
        raise Http404
    rows = list(selectors.report_list(access=access)[:200])
    return TemplateResponse(request, "community/reports.html", {"reports": rows})


@require_POST
@login_required
def report_handle_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    report = selectors.report_get(access=access, pk=pk)
    hide = request.POST.get("action") == "hide"
    services.report_handle(actor=request.user, access=access, report=report, hide=hide)
    messages.success(request, _("The profile was hidden.") if hide else _("The report was closed."))
    return redirect("community:reports")


@login_required
def sharing_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead chooses with whom the directory is shared."))
    sharing = DirectorySharing.objects.filter(project=project).first()
    others = list(Project.objects.exclude(pk=project.pk).order_by("name").values_list("pk", "name"))
    initial = {
        "enabled": sharing.enabled if sharing else False,
        "partners": [str(pk) for pk in sharing.partners.values_list("pk", flat=True)] if sharing else [],
    }
    form = SharingForm(request.POST or None, initial=initial, project_choices=others)
    if request.method == "POST" and form.is_valid():
        services.sharing_set(
            actor=request.user,
            access=access,
            project=project,
            enabled=form.cleaned_data["enabled"],
            partner_ids=[int(pk) for pk in form.cleaned_data["partners"]],
        )
        messages.success(request, _("The sharing of the directory was saved."))
        return redirect("community:sharing", code=code)
    mutual = selectors.sharing_projects(project.pk) - {project.pk}
    context = {
        "project": project,
        "form": form,
        "forms": [form],
        "mutual": Project.objects.filter(pk__in=mutual).order_by("name"),
    }
    return TemplateResponse(
        request, "community/sharing.html", context, status=response_status(request, request.method != "POST")
    )
