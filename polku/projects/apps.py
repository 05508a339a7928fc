from django.apps import AppConfig

from polku.projects import menu


class ProjectsConfig(AppConfig):
    name = "polku.projects"
    label = "projects"

    def ready(self) -> None:
        menu.register()
