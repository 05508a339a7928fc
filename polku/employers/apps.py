from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "polku.employers"
    label = "employers"
    verbose_name = _("Employers")

    def ready(self) -> None:
        # Imported here: they use the models, which exist only once the app registry is ready.
        from polku.accounts.invitations import register_acceptance_hook
        from polku.employers import menu, metrics, sections
        from polku.employers.invitations import link_representative_on_acceptance

        menu.register()
        metrics.register()
        sections.register()
        register_acceptance_hook("employers.representative", link_representative_on_acceptance)
