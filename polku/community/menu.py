"""The entries of the community network in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "community",
        label=_("Community"),
        url="community:index",
        group="mine",
        visible=lambda a: a.can_use_community(),
        order=40,
        primary=True,
    )
    main_menu.register(
        "community-messages",
        label=_("Messages"),
        url="community:messages",
        group="mine",
        visible=lambda a: a.can_use_community(),
        order=41,
        primary=True,
    )
    main_menu.register(
        "community-reports",
        label=_("Community reports"),
        url="community:reports",
        group="people",
        visible=lambda a: a.can_handle_community_reports(),
        order=60,
    )
