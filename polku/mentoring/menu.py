"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "mentoring",
        label=_("Mentoring"),
        url="mentoring:programmes",
        group="matching",
        visible=lambda a: a.can_view_mentoring_programmes(),
        order=10,
    )
    main_menu.register(
        "my-mentoring",
        label=_("My mentoring"),
        url="mentoring:mine",
        group="mine",
        visible=lambda a: a.can_use_my_mentoring(),
        order=30,
        primary=True,
    )
