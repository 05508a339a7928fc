"""Mentor-day pages: the coordinator's (list, create, edit, experts, slots, bookings, waitlist, attendance),
the participant's (open days, booking, waitlist, my bookings with calendar files) and the expert's own slots."""

from __future__ import annotations

from itertools import groupby
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentordays import services
from polku.mentordays.calendar import booking_calendar, calendar_filename
from polku.mentordays.forms import (
    AttendanceForm,
    BookForm,
    ExpertForm,
    GenerateForm,
    MentorDayForm,
    SlotForm,
    WaitlistForm,
    day_initial,
)
from polku.mentordays.models import MentorDay
from polku.mentordays.selectors import (
    booking_get_cancellable,
    booking_get_managed,
    booking_get_own,
    display_name,
    expert_days,
    expert_get_own,
    mentor_day_get_for_booking,
    mentor_day_get_managed,
    mentor_day_list_managed,
    mentor_day_list_open,
    my_bookings,
    my_waitlist,
    slot_rows,
    waitlist,
)
from polku.participants.forms import apply_field_errors
from polku.projects.models import Partner


def _aware(day_form_data: dict, zone_name: str) -> dict:
    """Datetime inputs are in the day's own time zone."""
    try:
        zone = ZoneInfo(zone_name)
    except (KeyError, ValueError):
        return day_form_data
    for name in ("booking_opens_at", "booking_closes_at"):
        value = day_form_data.get(name)
        if value is not None and timezone.is_naive(value):
            day_form_data[name] = value.replace(tzinfo=zone)
        elif value is not None:
            day_form_data[name] = timezone.make_naive(value).replace(tzinfo=zone)
    return day_form_data


@login_required
def index_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """One page for every role: the days one runs, one's expert slots, open days and one's bookings."""
    access = access_for(request.user)
    context = {
        "managed": mentor_day_list_managed(access=access).order_by("-date", "pk")[:100],
        "can_manage": access.can_manage_mentor_days(),
        "expert_places": expert_days(access=access),
        "is_participant": access.is_participant,
        "open_days": mentor_day_list_open(access=access),
        "bookings": my_bookings(access=access),
        "waiting": my_waitlist(access=access),
        "now": timezone.now(),
    }
    return TemplateResponse(request, "mentordays/index.html", context)


def _manageable_partners(request: AuthenticatedHttpRequest) -> tuple[Access, QuerySet[Partner]]:
    access = access_for(request.user)
    partners = Partner.objects.filter(access.mentor_day_partner_filter()).select_related(
        "project", "organisation"
    )
    return access, partners.order_by("project__name", "organisation__name")


@login_required
def create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access, partners = _manageable_partners(request)
    if not partners.exists():
        raise AccessDenied(_("Only coordinators and project leads add mentor days."))
    form = MentorDayForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        data = _aware(dict(form.cleaned_data), form.cleaned_data["time_zone"])
        try:
            day = services.mentor_day_create(actor=request.user, access=access, **data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The mentor day was saved. Add the experts next."))
            return redirect("mentordays:manage", pk=day.pk)
    return _form_page(request, title=_("New mentor day"), form=form, back="mentordays:index")


def _form_page(
    request: HttpRequest, *, title: str, form, back: str, day: MentorDay | None = None
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "mentordays/form.html",
        {"title": title, "form": form, "forms": (form,), "back": back, "day": day},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    form = MentorDayForm(request.POST or None, initial=day_initial(day))
    if request.method == "POST" and form.is_valid():
        data = _aware(dict(form.cleaned_data), form.cleaned_data["time_zone"])
        try:
            services.mentor_day_update(access=access, mentor_day=day, data=data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The mentor day was saved."))
            return redirect("mentordays:manage", pk=day.pk)
    return _form_page(request, title=_("Edit mentor day"), form=form, back="mentordays:manage", day=day)


def _manage_page(
    request: AuthenticatedHttpRequest,
    day: MentorDay,
    *,
    expert_form: ExpertForm | None = None,
    generate_form: GenerateForm | None = None,
) -> TemplateResponse:
    access = access_for(request.user)
    rows = slot_rows(mentor_day=day)
    for row in rows:
        if row.booking is not None:
            row.name = display_name(access=access, participation=row.booking.participation)  # type: ignore[attr-defined]
    entries = list(waitlist(mentor_day=day))
    for entry in entries:
        entry.name = display_name(access=access, participation=entry.participation)  # type: ignore[attr-defined]
    expert_form = expert_form or ExpertForm(prefix="expert")
    generate_form = generate_form or GenerateForm(prefix="gen")
    context = {
        "day": day,
        "experts": day.experts.all(),
        "by_expert": [
            (expert, list(group))
            for expert, group in groupby(
                sorted(rows, key=lambda r: (r.slot.expert.name, r.slot.expert_id, r.slot.starts_at)),
                key=lambda r: r.slot.expert,
            )
        ],
        "booked": sum(1 for r in rows if r.booking),
        "free": sum(1 for r in rows if not r.booking),
        "waitlist": entries,
        "expert_form": expert_form,
        "generate_form": generate_form,
        "forms": (expert_form, generate_form),
    }
    return TemplateResponse(
        request, "mentordays/manage.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def manage_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    day = mentor_day_get_managed(access=access_for(request.user), pk=pk)
    return _manage_page(request, day)


@login_required
@require_POST
def expert_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    form = ExpertForm(request.POST, prefix="expert")
    if form.is_valid():
        try:
            services.expert_add(access=access, mentor_day=day, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The expert was added."))
            return redirect("mentordays:manage", pk=day.pk)
    return _manage_page(request, day, expert_form=form)


@login_required
@require_POST
def expert_remove_view(request: AuthenticatedHttpRequest, pk: int, expert_pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    expert = get_object_or_404(day.experts, pk=expert_pk)
    try:
        services.expert_remove(access=access, expert=expert)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The expert was removed."))
    return redirect("mentordays:manage", pk=day.pk)


@login_required
@require_POST
def generate_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    form = GenerateForm(request.POST, prefix="gen")
    if form.is_valid():
        try:
            created = services.slots_generate(access=access, mentor_day=day, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("%(count)s slots were added.") % {"count": len(created)})
            return redirect("mentordays:manage", pk=day.pk)
    return _manage_page(request, day, generate_form=form)


@login_required
def slot_edit_view(request: AuthenticatedHttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    slot = get_object_or_404(day.slots.select_related("expert"), pk=slot_pk)
    zone = day.zone
    initial = {
        "starts_at": slot.starts_at.astimezone(zone).time(),
        "ends_at": slot.ends_at.astimezone(zone).time(),
    }
    form = SlotForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.slot_update(
                access=access,
                slot=slot,
                starts_at=day.at(form.cleaned_data["starts_at"]),
                ends_at=day.at(form.cleaned_data["ends_at"]),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The slot was saved."))
            return redirect("mentordays:manage", pk=day.pk)
    title = _("Edit slot of %(name)s") % {"name": slot.expert.name}
    return _form_page(request, title=title, form=form, back="mentordays:manage", day=day)


@login_required
@require_POST
def slot_delete_view(request: AuthenticatedHttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_managed(access=access, pk=pk)
    slot = get_object_or_404(day.slots, pk=slot_pk)
    try:
        services.slot_delete(access=access, slot=slot)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The slot was removed."))
    return redirect("mentordays:manage", pk=day.pk)


@login_required
@require_POST
def attendance_view(request: AuthenticatedHttpRequest, booking_pk: int) -> HttpResponse:
    access = access_for(request.user)
    booking = booking_get_managed(access=access, pk=booking_pk)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.attendance_mark(
                actor=request.user, access=access, booking=booking, status=form.cleaned_data["status"]
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attendance was saved."))
    return redirect("mentordays:manage", pk=booking.slot.mentor_day_id)


# --- participants --------------------------------------------------------------------------------


def _day_page(
    request: AuthenticatedHttpRequest,
    day: MentorDay,
    *,
    book_form: BookForm | None = None,
    wait_form: WaitlistForm | None = None,
) -> TemplateResponse:
    access = access_for(request.user)
    now = timezone.now()
    rows = [r for r in slot_rows(mentor_day=day) if r.slot.starts_at > now]
    experts = []
    for expert in day.experts.all():
        mine = [r for r in rows if r.slot.expert_id == expert.pk]
        experts.append(
            {
                "expert": expert,
                "free": [r.slot for r in mine if r.is_free],
                "taken": sum(1 for r in mine if not r.is_free),
            }
        )
    participation = services.participation_for_day(access=access, mentor_day=day)
    book_form = book_form or BookForm()
    wait_form = wait_form or WaitlistForm(mentor_day=day, prefix="wait")
    context = {
        "day": day,
        "experts": experts,
        "any_free": any(e["free"] for e in experts),
        "can_book": participation is not None and day.status == MentorDay.Status.OPEN,
        "my_bookings": my_bookings(access=access).filter(slot__mentor_day=day).exclude(status="cancelled"),
        "waiting": my_waitlist(access=access).filter(mentor_day=day).first(),
        "book_form": book_form,
        "wait_form": wait_form,
        "forms": (book_form, wait_form),
    }
    return TemplateResponse(
        request, "mentordays/day.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def day_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    return _day_page(request, mentor_day_get_for_booking(access=access_for(request.user), pk=pk))


@login_required
@require_POST
def book_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_for_booking(access=access, pk=pk)
    form = BookForm(request.POST)
    if form.is_valid():
        slot = day.slots.filter(pk=form.cleaned_data["slot"]).first()
        if slot is None:
            form.add_error("slot", _("Choose a slot."))
        else:
            try:
                services.booking_create(
                    actor=request.user, access=access, slot=slot, topic=form.cleaned_data["topic"]
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your slot is booked."))
                return redirect("mentordays:index")
    else:
        form.errors.pop("slot", None)
        form.add_error(None, _("Choose a slot."))
    return _day_page(request, day, book_form=form)


@login_required
@require_POST
def waitlist_join_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    day = mentor_day_get_for_booking(access=access, pk=pk)
    form = WaitlistForm(request.POST, mentor_day=day, prefix="wait")
    if form.is_valid():
        try:
            services.waitlist_join(actor=request.user, access=access, mentor_day=day, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("You are on the waitlist. We will e-mail you if a slot becomes free.")
            )
            return redirect("mentordays:index")
    return _day_page(request, day, wait_form=form)


@login_required
@require_POST
def booking_cancel_view(request: AuthenticatedHttpRequest, booking_pk: int) -> HttpResponse:
    access = access_for(request.user)
    booking = booking_get_cancellable(access=access, pk=booking_pk)
    try:
        services.booking_cancel(actor=request.user, access=access, booking=booking)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The booking was cancelled."))
    if access.is_own_person(booking.participation.person_id):
        return redirect("mentordays:index")
    return redirect("mentordays:manage", pk=booking.slot.mentor_day_id)


@login_required
@require_POST
def waitlist_leave_view(request: AuthenticatedHttpRequest, entry_pk: int) -> HttpResponse:
    access = access_for(request.user)
    entry = get_object_or_404(my_waitlist(access=access), pk=entry_pk)
    try:
        services.waitlist_leave(actor=request.user, access=access, entry=entry)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You left the waitlist."))
    return redirect("mentordays:index")


@login_required
def booking_ics_view(request: AuthenticatedHttpRequest, booking_pk: int) -> HttpResponse:
    booking = booking_get_own(access=access_for(request.user), pk=booking_pk)
    response = HttpResponse(booking_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{calendar_filename(booking)}"'
    return response


@login_required
def expert_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    """An expert's own slots on a day and who booked them (first name and topic only)."""
    expert = expert_get_own(access=access_for(request.user), mentor_day_pk=pk)
    rows = slot_rows(mentor_day=expert.mentor_day, expert=expert)
    return TemplateResponse(
        request, "mentordays/expert.html", {"expert": expert, "day": expert.mentor_day, "rows": rows}
    )
