from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "polku.audit"
    label = "audit"
