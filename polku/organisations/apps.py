from django.apps import AppConfig

from polku.organisations import menu


class OrganisationsConfig(AppConfig):
    name = "polku.organisations"
    label = "organisations"

    def ready(self) -> None:
        menu.register()
