from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "polku.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from polku.privacy import tasks  # noqa: F401 - registers the daily retention job
