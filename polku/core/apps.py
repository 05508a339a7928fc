from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "polku.core"
    label = "core"
