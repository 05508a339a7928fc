"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "business-ideas",
        label=_("Business ideas"),
        url="entrepreneurship:pipeline",
        group="activities",
        visible=lambda a: a.can_run_entrepreneurship(),
        order=60,
    )
    main_menu.register(
        "business-transfers",
        label=_("Business transfers"),
        url="entrepreneurship:transfers",
        group="matching",
        visible=lambda a: a.can_run_entrepreneurship(),
        order=60,
    )
    main_menu.register(
        "my-business-idea",
        label=_("My business idea"),
        url="entrepreneurship:mine",
        group="mine",
        visible=lambda a: a.can_have_business_ideas(),
        order=60,
    )
    main_menu.register(
        "ideas-i-spar",
        label=_("Ideas I spar"),
        url="entrepreneurship:sparring",
        group="mine",
        visible=lambda a: a.can_spar_ideas() and not a.is_coordinator,
        order=61,
    )
