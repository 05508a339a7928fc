from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntrepreneurshipConfig(AppConfig):
    name = "polku.entrepreneurship"
    label = "entrepreneurship"
    verbose_name = _("Entrepreneurship")

    def ready(self) -> None:
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.entrepreneurship import menu, metrics, sections

        menu.register()
        metrics.register()
        sections.register()
