from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.privacy import menu


class PrivacyConfig(AppConfig):
    name = "polku.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: both import models, which are not loaded when this module is.
        # foundation registers the foundation's privacy handlers; tasks the daily retention job.
        from polku.privacy import foundation, tasks  # noqa: F401
