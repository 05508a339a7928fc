from django.apps import AppConfig

from polku.audit import menu


class AuditConfig(AppConfig):
    name = "polku.audit"
    label = "audit"

    def ready(self) -> None:
        menu.register()
