from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EscoConfig(AppConfig):
    name = "polku.esco"
    label = "esco"
    verbose_name = _("ESCO classification")
