from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "polku.participants"
    label = "participants"
