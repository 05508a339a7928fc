"""What every page's navigation needs: the reader's `Access` and the navigation entries of each app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.apps import apps
from django.http import HttpRequest

from polku.accounts.access import access_for


@cache
def app_nav_templates() -> tuple[str, ...]:
    """`<app>/_nav.html` of every Polku app that has one, in INSTALLED_APPS order.

    Each holds the `<li>` entries its app adds to the main navigation, so a new app needs no edit of
    base.html; the template decides from `access` and `user` whom to show them to.
    """
    found = []
    for config in apps.get_app_configs():
        folder = Path(config.path).name
        if (
            config.name.startswith("polku.")
            and (Path(config.path) / "templates" / folder / "_nav.html").exists()
        ):
            found.append(f"{folder}/_nav.html")
    return tuple(found)


def navigation(request: HttpRequest) -> dict:
    return {"access": access_for(getattr(request, "user", None)), "app_nav_templates": app_nav_templates()}
