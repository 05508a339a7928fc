"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "events",
        label=_("Events"),
        url="events:index",
        group="activities",
        visible=lambda a: a.can_manage_events(),
        order=20,
    )
    main_menu.register(
        "my-events",
        label=_("Events"),
        url="events:index",
        group="mine",
        visible=lambda a: a.can_use_events() and not a.can_manage_events(),
        order=20,
        primary=True,
    )
