from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeerGroupsConfig(AppConfig):
    name = "polku.peergroups"
    label = "peergroups"
    verbose_name = _("Peer groups")

    def ready(self) -> None:
        # Here, not at the top: tasks imports the services and so the models, which are not loaded yet.
        from polku.peergroups import tasks  # noqa: F401  (registers the periodic reminder job)
