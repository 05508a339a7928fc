from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.outcomes import menu


class OutcomesConfig(AppConfig):
    name = "polku.outcomes"
    label = "outcomes"
    verbose_name = _("Outcomes")

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: tasks imports the services and so the models, which are not loaded yet.
        from polku.outcomes import metrics, sections, tasks  # noqa: F401  (tasks registers the periodic job)

        metrics.register()
        sections.register()
