from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "polku.activities"
    label = "activities"

    def ready(self) -> None:
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.activities import metrics, sections

        metrics.register_own_metrics()
        sections.register()
