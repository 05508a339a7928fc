from __future__ import annotations

from django.http import HttpRequest

from polku.accounts.access import access_for


def navigation(request: HttpRequest) -> dict:
    return {"access": access_for(getattr(request, "user", None))}
