"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "follow-ups",
        label=_("Follow-ups"),
        url="outcomes:follow_up_list",
        group="outcomes",
        visible=lambda a: a.is_coordinator,
        order=10,
    )
