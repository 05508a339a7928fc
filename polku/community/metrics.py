"""What community targets count (registered into `polku.activities.metrics` from the app's ready()):
profiles in the directory now, and accepted connections that join people of two countries (by their
partners' countries), within the target's project, partner and country. Narrowed by a `Within`: to the
partners a reader sees, and to a period by the day the profile was made or the connection accepted."""

from __future__ import annotations

from django.db.models import F, Q

from polku.activities.metrics import EVERYWHERE, Within, register_metric
from polku.activities.models import Target
from polku.community.models import Connection, Profile
from polku.community.selectors import live_profiles


def _scope(target: Target, prefix: str = "") -> Q:
    scope = Q(**{f"{prefix}project_id": target.project_id})
    if target.partner_id:
        scope &= Q(**{f"{prefix}partner_id": target.partner_id})
    if target.country:
        scope &= Q(**{f"{prefix}partner__country": target.country})
    return scope


def count_profiles(target: Target, within: Within = EVERYWHERE) -> int:
    return live_profiles().filter(_scope(target), within.q("partner_id", "created_at__date")).count()


def _in_scope(target: Target, within: Within) -> Q:
    profiles = Profile.objects.filter(_scope(target), within.q("partner_id", "created_at__date"))
    return Q(sender__in=profiles) | Q(recipient__in=profiles)


def count_across_countries(target: Target, within: Within = EVERYWHERE) -> int:
    period = Within(since=within.since, until=within.until)
    return (
        Connection.objects.filter(
            _in_scope(target, Within(partner_ids=within.partner_ids)),
            period.q("sender_id", "answered_at__date"),
            status=Connection.Status.ACCEPTED,
        )
        .exclude(sender__partner__country=F("recipient__partner__country"))
        .count()
    )


def register() -> None:
    register_metric(str(Target.Metric.COMMUNITY_PROFILES), count_profiles)
    register_metric(str(Target.Metric.COMMUNITY_ACROSS_COUNTRIES), count_across_countries)
