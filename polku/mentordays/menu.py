"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "mentordays",
        label=_("Mentor days"),
        url="mentordays:index",
        group="activities",
        visible=lambda a: a.can_manage_mentor_days(),
        order=40,
    )
    main_menu.register(
        "my-mentordays",
        label=_("Mentor days"),
        url="mentordays:index",
        group="mine",
        visible=lambda a: a.can_use_mentor_days() and not a.can_manage_mentor_days(),
        order=40,
    )
