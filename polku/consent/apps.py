from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "polku.consent"
    label = "consent"
