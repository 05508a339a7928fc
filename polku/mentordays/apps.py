from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentordaysConfig(AppConfig):
    name = "polku.mentordays"
    label = "mentordays"
    verbose_name = _("Mentor days")

    def ready(self) -> None:
        from polku.mentordays import tasks  # noqa: F401 - registers the periodic reminder job
