from django.apps import AppConfig

from polku.registration import menu


class RegistrationConfig(AppConfig):
    name = "polku.registration"
    label = "registration"

    def ready(self) -> None:
        menu.register()
        from polku.registration import tasks  # noqa: F401  # registers the periodic job
