from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "polku.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        # Registers the periodic jobs; imported here because tasks imports models, loadable only once apps are ready.
        from polku.mentoring import metrics, sections, tasks  # noqa: F401

        metrics.register()
        sections.register()
