"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "knowledge",
        label=_("Knowledge"),
        url="knowledge:library",
        group="knowledge",
        visible=lambda a: a.is_project_staff(),
        order=10,
    )
    main_menu.register(
        "my-knowledge",
        label=_("Knowledge"),
        url="knowledge:library",
        group="mine",
        visible=lambda a: a.user_id is not None and not a.is_project_staff(),
        order=90,
    )
    main_menu.register(
        "evaluation-notes",
        label=_("Evaluation notes"),
        url="knowledge:evaluation_index",
        group="knowledge",
        visible=lambda a: a.can_use_any_evaluation_notes(),
        order=20,
    )
