from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _

from polku.esco import menu


class EscoConfig(AppConfig):
    name = "polku.esco"
    label = "esco"
    verbose_name = _("ESCO classification")

    def ready(self) -> None:
        menu.register()
        from polku.esco import signals  # here, not at the top: signals imports the models through loading

        pre_migrate.connect(signals.migrate_started, sender=self, dispatch_uid="esco-migrate-started")
        post_migrate.connect(signals.load_after_migrate, sender=self, dispatch_uid="esco-load-after-migrate")
