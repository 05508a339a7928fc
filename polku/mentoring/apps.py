from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from polku.mentoring import menu


class MentoringConfig(AppConfig):
    name = "polku.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        menu.register()
        # Registers the periodic jobs; imported here because tasks imports models, loadable only once apps are ready.
        # Imported here for the same reason: the hook's module imports models.
        from polku.accounts.invitations import register_acceptance_hook
        from polku.mentoring import metrics, sections, tasks  # noqa: F401
        from polku.mentoring.invitations import attach_mentor_on_acceptance

        register_acceptance_hook("mentoring.programme", attach_mentor_on_acceptance)
        metrics.register()
        sections.register()
