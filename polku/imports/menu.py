"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "imports",
        label=_("Import participants"),
        url="imports:upload",
        group="people",
        visible=lambda a: a.is_coordinator,
        order=30,
    )
