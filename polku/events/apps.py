from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.events import menu


class EventsConfig(AppConfig):
    name = "polku.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        menu.register()
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.events import metrics, sections, tasks, tasks_meetings  # noqa: F401 - tasks register periodic jobs

        metrics.register()
        sections.register()
