"""A mentor's own profile (what they offer, in which languages, for how many mentees), and the counter
of the mentor's taken places.

The places are taken with one conditional UPDATE (`seats_taken < capacity`) that a CHECK constraint
backs, so two requests for the last place cannot both win, on PostgreSQL or SQLite alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.core.errors import AccessDenied, ApplicationError
from polku.matching import cefr
from polku.mentoring.models import Kind, MentorProfile

PROFILE_FIELDS = (
    "bio",
    "organisation",
    "expertise",
    "industries",
    "languages",
    "kinds",
    "availability",
    "location",
    "capacity",
    "is_available",
)


def clean_list(values: Any) -> list[str]:
    """The non-empty values stripped, without repeats, in their first order."""
    return list(dict.fromkeys(str(v).strip() for v in values or [] if str(v).strip()))


def _level(level: str) -> str:
    level = level.strip()
    return level.lower() if level.lower() == cefr.NATIVE else level.upper()


def _profile_errors(values: Mapping[str, Any], profile: MentorProfile) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    languages = values.get("languages", profile.languages)
    if not isinstance(languages, dict):
        errors["languages"] = [_("Give languages as language code and CEFR level.")]
    else:
        for code, level in languages.items():
            try:
                cefr.rank(str(level))
            except ValueError:
                errors.setdefault("languages", []).append(
                    _("Unknown level %(level)s for %(code)s.") % {"level": level, "code": code}
                )
    unknown = [k for k in values.get("kinds", profile.kinds) if k not in Kind.values]
    if unknown:
        errors["kinds"] = [_("Unknown kind of mentoring: %(kinds)s.") % {"kinds": ", ".join(unknown)}]
    capacity = values.get("capacity", profile.capacity)
    if capacity is None or capacity < 0 or capacity > 50:
        errors["capacity"] = [_("Give a capacity between 0 and 50 mentees.")]
    elif capacity < profile.seats_taken:
        errors["capacity"] = [
            _("You have %(n)s mentees now; the capacity cannot be lower.") % {"n": profile.seats_taken}
        ]
    return errors


def mentor_profile_save(*, actor: User, access: Access, data: Mapping[str, Any]) -> MentorProfile:
    """Create or change the signed-in mentor's own profile."""
    if not access.can_keep_mentor_profile():
        raise AccessDenied(_("Only mentors have a mentor profile."))
    values = {k: v for k, v in data.items() if k in PROFILE_FIELDS}
    for name in ("expertise", "industries", "kinds", "availability"):
        if name in values:
            values[name] = clean_list(values[name])
    if "languages" in values and isinstance(values["languages"], dict):
        values["languages"] = {
            str(c).strip().lower(): _level(str(lv)) for c, lv in values["languages"].items() if str(c).strip()
        }
    with transaction.atomic():
        profile, _created = MentorProfile.objects.select_for_update().get_or_create(user=actor)
        errors = _profile_errors(values, profile)
        if errors:
            raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
        changed = [name for name, value in values.items() if getattr(profile, name) != value]
        for name in changed:
            setattr(profile, name, values[name])
        if changed:
            profile.save(update_fields=[*changed, "updated_at"])
    return profile


def take_seat(profile_id: int) -> None:
    """Take one of the mentor's places, or fail if none is free; atomic under concurrent requests."""
    taken = MentorProfile.objects.filter(
        pk=profile_id, is_available=True, seats_taken__lt=F("capacity")
    ).update(seats_taken=F("seats_taken") + 1)
    if taken != 1:
        raise ApplicationError(_("This mentor has no free places left."))


def free_seat(profile_id: int) -> None:
    """Give one of the mentor's places back (never below zero)."""
    MentorProfile.objects.filter(pk=profile_id, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)
