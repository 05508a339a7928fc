"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "my-competences",
        label=_("My competences"),
        url="competences:me",
        group="mine",
        visible=lambda a: a.is_participant,
        order=50,
    )
