from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "polku.consent"
    label = "consent"

    def ready(self) -> None:
        # Imported here: the section module uses the models, which exist only once the registry is ready.
        from polku.consent import sections

        sections.register()
