from django.apps import AppConfig

from polku.participants import menu


class ParticipantsConfig(AppConfig):
    name = "polku.participants"
    label = "participants"

    def ready(self) -> None:
        menu.register()
        # Imported here: the hook's module imports models, loadable only once the apps are ready.
        from polku.accounts.invitations import register_acceptance_hook
        from polku.participants import sections
        from polku.participants.invitations import link_person_on_acceptance

        sections.register()

        register_acceptance_hook("participants.person", link_person_on_acceptance)
