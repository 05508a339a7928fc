"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "my-data",
        label=_("My data"),
        url="privacy:my_data",
        group="mine",
        visible=lambda a: a.is_participant,
        order=95,
    )
    main_menu.register(
        "erasure",
        label=_("Erasure requests"),
        url="privacy:erasure_list",
        group="settings",
        visible=lambda a: a.is_coordinator,
        order=70,
    )
    main_menu.register(
        "retention",
        label=_("Retention"),
        url="privacy:retention",
        group="settings",
        visible=lambda a: a.can_view_retention(),
        order=80,
    )
