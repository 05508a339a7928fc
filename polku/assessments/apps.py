from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.assessments import menu
from polku.competences.sections import profile_sections


class AssessmentsConfig(AppConfig):
    name = "polku.assessments"
    label = "assessments"
    verbose_name = _("Self-assessments")

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: the selectors import the models, which are not loaded when this module is.
        from polku.assessments.selectors import profile_section

        profile_sections.register(
            "assessments",
            template="assessments/_profile_section.html",
            context=profile_section,
            order=20,
        )
