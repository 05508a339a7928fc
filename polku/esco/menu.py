"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "esco",
        label=_("Skills and occupations"),
        url="esco:search",
        group="knowledge",
        visible=lambda a: a.is_project_staff(),
        order=30,
    )
