from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "polku.imports"
    label = "imports"

    def ready(self) -> None:
        # Here, not at the top: tasks imports the services and so the models, which are not loaded yet.
        from polku.imports import tasks  # noqa: F401  (registers the tasks the services queue by name)
