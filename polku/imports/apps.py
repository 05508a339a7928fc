from django.apps import AppConfig

from polku.imports import menu


class ImportsConfig(AppConfig):
    name = "polku.imports"
    label = "imports"

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: tasks imports the services and so the models, which are not loaded yet.
        from polku.imports import sections, tasks  # noqa: F401  (tasks registers the tasks the services queue by name)

        sections.register()
