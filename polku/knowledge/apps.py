from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.knowledge import menu


class KnowledgeConfig(AppConfig):
    name = "polku.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge and evaluation")

    def ready(self) -> None:
        menu.register()
