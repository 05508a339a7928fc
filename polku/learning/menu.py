"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "learning",
        label=_("Learning offer"),
        url="learning:catalogue",
        group="activities",
        visible=lambda a: a.can_view_catalogue() and a.is_project_staff(),
        order=60,
    )
    main_menu.register(
        "my-learning",
        label=_("Courses"),
        url="learning:catalogue",
        group="mine",
        visible=lambda a: a.can_view_catalogue() and not a.is_project_staff(),
        order=45,
    )
    main_menu.register(
        "plans",
        label=_("Development plans"),
        url="learning:plans",
        group="people",
        visible=lambda a: a.can_view_plan_list() and not a.sees_only_own_plans(),
        order=20,
    )
    main_menu.register(
        "my-plan",
        label=_("My plan"),
        url="learning:plans",
        group="mine",
        visible=lambda a: a.can_view_plan_list() and a.sees_only_own_plans(),
        order=15,
        primary=True,
    )
