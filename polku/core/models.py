"""Building blocks shared by every domain app."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Language(models.TextChoices):
    """Languages the interface and privacy notices are offered in."""

    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class ScheduledJob(models.Model):
    """When a periodic job (see polku.core.schedule) is next due; one row per job name.

    Workers claim a due job with one conditional UPDATE, so several workers never enqueue it twice.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """A running `polku worker` says it is alive; a task running under a worker that stopped saying so is
    lost (polku.core.recovery)."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), default=0)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    beat_at = models.DateTimeField(_("last heard from"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return self.worker_id


class TaskRetry(models.Model):
    """What was done about one failed or lost run of a queued task (a row of django_tasks_db's results).

    The attempt of a run is 1, or one more than the attempt of the run it retried (`next_result_id`)."""

    class Reason(models.TextChoices):
        LOST = "lost", _("The worker stopped while running it")
        ERROR = "error", _("It failed with an error")

    class Action(models.TextChoices):
        RETRIED = "retried", _("Tried again automatically")
        GAVE_UP = "gave_up", _("Given up after the last attempt")
        RETRIED_BY_ADMIN = "admin", _("Tried again by an administrator")

    result_id = models.UUIDField(_("task run"), unique=True)
    task_path = models.TextField(_("task"))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    reason = models.CharField(_("reason"), max_length=8, choices=Reason.choices)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    # the backend's id of the next run: a UUID on the database queue, the backend's own string elsewhere
    next_result_id = models.CharField(_("next run"), max_length=64, blank=True, db_index=True)
    retry_after = models.DateTimeField(_("tried again after"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("task retry")
        verbose_name_plural = _("task retries")

    def __str__(self) -> str:
        return f"{self.task_path} #{self.attempt} {self.action}"


class OutgoingEmail(models.Model):
    """One e-mail Polku queued, from queueing to delivery: it is handed to the mail server at most once
    automatically (polku.core.email_outbox), or shown to admins as failed.

    The text is kept only until the mail server accepts it; afterwards who, what subject and when remain."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        UNCERTAIN = "uncertain", _("Interrupted while sending: it may have been delivered")

    key = models.UUIDField(_("idempotency key"), unique=True, default=uuid.uuid4, editable=False)
    recipients = models.JSONField(_("to"), default=list)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    from_email = models.CharField(_("sender"), max_length=254, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sending_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "created_at"], name="outgoing_email_status_idx")]

    def __str__(self) -> str:
        return self.subject


class BackgroundJob(models.Model):
    """Work that takes too long for a request, run by `polku worker`: a long file (a funder report of a
    large project), later imports or matching runs. The task reports its progress here (0–100 and a
    message in the owner's language) and may leave one file, kept until `expires_at` (polku.core.jobs).

    Only the owner sees a job and downloads its file; what the job may contain was checked against the
    owner's access when it was created and again when it ran.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("In progress")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    message = models.CharField(_("message"), max_length=200, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/", blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="core_job_progress_at_most_100"
            )
        ]
        indexes = [models.Index(fields=["owner", "-created_at"]), models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} ({self.status})"

    @property
    def busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def ready(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)
