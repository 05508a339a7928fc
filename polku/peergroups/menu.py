"""The entries of this app in the main menu (registered from its AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from polku.core.navigation import main_menu


def register() -> None:
    main_menu.register(
        "peergroups",
        label=_("Peer groups"),
        url="peergroups:list",
        group="activities",
        visible=lambda a: a.can_manage_peer_groups(),
        order=50,
    )
    main_menu.register(
        "my-peergroup",
        label=_("My peer group"),
        url="peergroups:mine",
        group="mine",
        visible=lambda a: a.can_join_peer_groups(),
        order=35,
    )
