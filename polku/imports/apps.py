from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "polku.imports"
    label = "imports"
