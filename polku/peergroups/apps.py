from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.peergroups import menu


class PeerGroupsConfig(AppConfig):
    name = "polku.peergroups"
    label = "peergroups"
    verbose_name = _("Peer groups")

    def ready(self) -> None:
        menu.register()
        # Registers the periodic job; imported here because tasks imports models, loadable only once apps are ready.
        from polku.peergroups import sections, tasks  # noqa: F401

        sections.register()
