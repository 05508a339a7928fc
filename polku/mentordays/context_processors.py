"""What the mentor-days entry of the main navigation (`mentordays/_nav.html`) needs: a boolean decided by
`Access`, so the template holds no role condition of its own."""

from __future__ import annotations

from django.http import HttpRequest

from polku.accounts.access import access_for


def navigation(request: HttpRequest) -> dict:
    return {"mentordays_nav": access_for(getattr(request, "user", None)).can_use_mentor_days()}
