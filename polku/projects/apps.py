from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "polku.projects"
    label = "projects"
