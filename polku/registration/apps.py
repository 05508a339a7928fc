from django.apps import AppConfig

from polku.registration import menu


class RegistrationConfig(AppConfig):
    name = "polku.registration"
    label = "registration"

    def ready(self) -> None:
        menu.register()
