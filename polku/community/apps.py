from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "polku.community"
    label = "community"
    verbose_name = _("Community network")

    def ready(self) -> None:
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.community import menu, metrics, sections, tasks  # noqa: F401

        menu.register()
        metrics.register()
        sections.register()
