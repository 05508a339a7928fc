"""What the mentoring entries of the main navigation (`mentoring/_nav.html`) need: booleans decided by
`Access`, so the template holds no role condition of its own."""

from __future__ import annotations

from django.http import HttpRequest

from polku.accounts.access import access_for


def navigation(request: HttpRequest) -> dict:
    access = access_for(getattr(request, "user", None))
    return {
        "mentoring_nav": {
            "programmes": access.can_view_mentoring_programmes(),
            "mine": access.can_use_my_mentoring(),
        }
    }
