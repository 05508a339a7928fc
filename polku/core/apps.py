from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "polku.core"
    label = "core"

    def ready(self) -> None:
        # Here, not at the top: job_tasks imports the jobs services and so the models, not loaded yet.
        from polku.core import job_tasks  # noqa: F401  (registers "core.run_job" and "core.expire_jobs")
