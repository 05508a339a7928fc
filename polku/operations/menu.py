"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "jobs",
        label=_("Background jobs"),
        url="operations:jobs",
        group="settings",
        visible=lambda a: a.can_see_background_jobs(),
        order=60,
    )
