"""What every page's navigation needs: the reader's `Access` and their menu (`polku.core.navigation`)."""

from __future__ import annotations

from django.http import HttpRequest

from polku.accounts.access import access_for
from polku.core.navigation import main_menu


def navigation(request: HttpRequest) -> dict:
    access = access_for(getattr(request, "user", None))
    menu = main_menu.for_reader(access, request.path) if access.user_id is not None else []
    return {"access": access, "menu_groups": menu}
