from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "polku.registration"
    label = "registration"
