"""Community pages in the role matrix (collected by polku/core/tests/test_page_roles.py).

The network is for participants, mentors and employer representatives; staff and strangers get 404. The
pages about other members need the reader's own profile in the directory: rows that need it put
participant a's (and b's) profile in first, so the mentor and the employer (not in it) get 404 there.
Reports are for the coordinators of the reporter's partner; the sharing setting for the project lead.
"""

from __future__ import annotations

import io
from typing import Any

from django.urls import reverse
from PIL import Image

from polku.accounts.access import access_for
from polku.community import services
from polku.community.models import FIELD_GROUPS, Audience, audience_field
from polku.community.tests.factories import connect, profile_on
from polku.testing.roles import Post

MEMBERS = {"anonymous": 302, "user_a": 200, "mentor": 200, "employer": 200}
MEMBER_WRITES = {"anonymous": 302, "user_a": 302, "mentor": 302, "employer": 302}
A_ONLY = {"anonymous": 302, "user_a": 200}
A_WRITES = {"anonymous": 302, "user_a": 302}
REPORTS = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200}
LEAD = {
    "anonymous": 302,
    "lead": 200,
    "admin": 200,
    "coord_a": 403,
    "coord_b": 403,
    "evaluator": 403,
    "mentor": 403,
    "employer": 403,
}
PROFILE = {
    "display_name": "Amina",
    "introduction": "Hello",
    "notify": "daily",
    **{
        audience_field(g): (Audience.CONNECTIONS if g == "contact" else Audience.DIRECTORY)
        for g in FIELD_GROUPS
    },
}


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "blue").save(out, format="JPEG")
    return out.getvalue()


def both_on(w: Any) -> int:
    """Participants a and b in the directory; b's profile id (b's photo is shown to the directory)."""
    profile_on(w.user_a, display_name="Amina")
    b = profile_on(w.user_b, display_name="Bogdan", photo_audience="directory")
    services.photo_set(actor=w.user_b, access=access_for(w.user_b), content=_jpeg())
    return b.pk


def connected(w: Any) -> int:
    pk = both_on(w)
    connect(w.user_b, w.user_a)
    return pk


def _request_to_a(w: Any) -> int:
    both_on(w)
    return services.connection_request(actor=w.user_b, recipient=w.user_a.community_profile).pk


def _report_by_a(w: Any) -> int:
    pk = both_on(w)
    b = w.user_a.community_profile.__class__.objects.get(pk=pk)
    return services.report_create(actor=w.user_a, reported=b, reason="Spam").pk


def _person(name: str, make: Any = both_on):
    return lambda w: reverse(f"community:{name}", args=[make(w)])


def _on(name: str):
    def url(w: Any) -> str:
        profile_on(w.user_a, display_name="Amina")
        return reverse(f"community:{name}")

    return url


def _plain(name: str):
    return lambda w: reverse(f"community:{name}")


def _sharing(w: Any) -> str:
    return reverse("community:sharing", args=[w.project.code])


PAGES = {
    "community_index": (_plain("index"), MEMBERS, 404),
    "community_profile_edit": (_plain("profile_edit"), MEMBERS, 404),
    "community_messages": (_plain("messages"), MEMBERS, 404),
    "community_suggestions": (_on("suggestions"), A_ONLY, 404),
    "community_connections": (_on("connections"), A_ONLY, 404),
    "community_profile_b": (_person("profile"), A_ONLY, 404),
    "community_photo_b": (_person("photo"), A_ONLY, 404),
    "community_report_b": (_person("report"), A_ONLY, 404),
    "community_thread_b": (_person("thread", connected), A_ONLY, 404),
    "community_reports": (_plain("reports"), REPORTS, 404),
    "community_sharing": (_sharing, LEAD, 404),
}

POSTS = {
    "community_profile_edit": Post(_plain("profile_edit"), lambda w: PROFILE, MEMBER_WRITES, 404),
    "community_directory_on": Post(_plain("directory_on"), lambda w: {}, MEMBER_WRITES, 404),
    "community_directory_off": Post(
        _on("directory_off"), lambda w: {}, A_WRITES | {"mentor": 302, "employer": 302}, 404
    ),
    # no file: the member is sent back with a message, nothing written
    "community_photo_upload": Post(_plain("photo_upload"), lambda w: {}, MEMBER_WRITES, 404),
    "community_connect_b": Post(_person("connect"), lambda w: {"message": "Hi"}, A_WRITES, 404),
    "community_answer": Post(
        lambda w: reverse("community:answer", args=[_request_to_a(w)]),
        lambda w: {"action": "accept"},
        A_WRITES,
        404,
    ),
    "community_block_b": Post(_person("block"), lambda w: {}, A_WRITES, 404),
    "community_report_b": Post(_person("report"), lambda w: {"reason": "Spam"}, A_WRITES, 404),
    "community_thread_b": Post(_person("thread", connected), lambda w: {"body": "Hello"}, A_WRITES, 404),
    "community_report_handle": Post(
        lambda w: reverse("community:report_handle", args=[_report_by_a(w)]),
        lambda w: {"action": "hide"},
        {"anonymous": 302, "coord_a": 302, "admin": 302},
        404,
    ),
    "community_sharing": Post(
        _sharing,
        lambda w: {"enabled": "on"},
        LEAD | {"lead": 302, "admin": 302},
        404,
    ),
}
