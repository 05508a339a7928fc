"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "assessments",
        label=_("Self-assessments"),
        url="assessments:index",
        group="people",
        visible=lambda a: a.is_project_staff(),
        order=60,
    )
    main_menu.register(
        "my-assessments",
        label=_("My self-assessments"),
        url="assessments:me",
        group="mine",
        visible=lambda a: a.is_participant,
        order=60,
    )
