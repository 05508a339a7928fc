"""Background work of the participant import: checking a long list and importing many rows (run by
`polku worker`; time-limited by POLKU_IMPORT_TASK_SECONDS inside the services)."""

from __future__ import annotations

from django_tasks import task

from polku.core.tasks import named
from polku.imports import services


@named(services.CHECK_BATCH)
@task()
def check_batch(*, batch_id: int) -> int:
    batch = services.import_batch_check(batch_id=batch_id)
    return batch.progress if batch is not None else 0


@named(services.COMMIT_BATCH)
@task()
def commit_batch(*, batch_id: int, actor_id: int, rows: list[int]) -> int:
    batch = services.import_batch_run_commit(batch_id=batch_id, actor_id=actor_id, rows=rows)
    return batch.imported_count if batch is not None else 0
