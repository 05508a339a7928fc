from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.mentordays import menu


class MentordaysConfig(AppConfig):
    name = "polku.mentordays"
    label = "mentordays"
    verbose_name = _("Mentor days")

    def ready(self) -> None:
        menu.register()
        # Registers the periodic job; imported here because tasks imports models, loadable only once apps are ready.
        from polku.mentordays import sections, tasks  # noqa: F401

        sections.register()
