from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.competences.sections import profile_sections
from polku.learning import menu


class LearningConfig(AppConfig):
    name = "polku.learning"
    label = "learning"
    verbose_name = _("Learning and development plans")

    def ready(self) -> None:
        menu.register()
        # Imported here, once every app is loaded: the selectors import models, which cannot load earlier.
        from polku.learning import sections
        from polku.learning.selectors import profile_section

        sections.register()

        profile_sections.register(
            "learning",
            template="learning/_profile_section.html",
            context=profile_section,
            order=30,
        )
