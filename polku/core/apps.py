from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate

from polku.core import menu


def create_cache_table(*, using: str, verbosity: int = 1, **kwargs: object) -> None:
    """`migrate` also makes the table of the database cache (POLKU_CACHE=database, the default), so that a
    new installation runs from `polku migrate` alone; a no-op when the table is there or another cache is
    configured."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class CoreConfig(AppConfig):
    name = "polku.core"
    label = "core"

    def ready(self) -> None:
        menu.register()
        # Here, not at the top: job_tasks imports the jobs services and so the models, not loaded yet.
        from polku.core import job_tasks  # noqa: F401  (registers "core.run_job" and "core.expire_jobs")

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="core-create-cache-table")
