from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "polku.guidance"
    label = "guidance"
    verbose_name = _("Guidance")

    def ready(self) -> None:
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.guidance import metrics, sections

        metrics.register()
        sections.register()
