"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "audit",
        label=_("Audit log"),
        url="audit:list",
        group="settings",
        visible=lambda a: a.is_coordinator,
        order=50,
    )
