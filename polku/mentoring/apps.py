from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "polku.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        from polku.mentoring import tasks  # noqa: F401 - registers the periodic jobs
