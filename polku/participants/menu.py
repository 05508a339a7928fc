"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "participants",
        label=_("Participants"),
        url="participants:list",
        group="people",
        visible=lambda a: a.is_coordinator,
        order=10,
    )
    main_menu.register(
        "my-page",
        label=_("My page"),
        url="participants:me",
        group="mine",
        visible=lambda a: a.is_participant,
        order=10,
        primary=True,
    )
