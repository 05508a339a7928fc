from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "polku.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards and reports")

    def ready(self) -> None:
        # Here, not at the top: jobs imports the models, which are not loaded yet.
        from polku.dashboards import jobs  # noqa: F401  (registers the report's background job kind)
