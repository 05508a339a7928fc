from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.surveys import menu


class SurveysConfig(AppConfig):
    name = "polku.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: the selectors import models, loadable only once every app is.
        from polku.surveys import sections

        sections.register()
