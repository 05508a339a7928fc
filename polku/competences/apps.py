from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.competences import menu


class CompetencesConfig(AppConfig):
    name = "polku.competences"
    label = "competences"
    verbose_name = _("Competence profiles")

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: tasks imports the services and so the models, which are not loaded yet.
        from polku.competences import tasks  # noqa: F401  (registers the task the services queue by name)
