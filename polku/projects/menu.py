"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "projects",
        label=_("Projects"),
        url="projects:list",
        group="activities",
        visible=lambda a: a.is_project_staff(),
        order=10,
    )
    main_menu.register(
        "my-projects",
        label=_("My projects"),
        url="projects:list",
        group="mine",
        visible=lambda a: bool(a.project_ids()) and not a.is_project_staff(),
        order=80,
    )
