from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.operations import menu


class OperationsConfig(AppConfig):
    name = "polku.operations"
    label = "operations"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        menu.register()
