"""Users sign in with their e-mail; what they may do comes from their memberships."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        """A platform admin (`polku createsuperuser`) whose address counts as verified, so they can sign in
        at once: whoever runs the command on the server vouches for the address, and sign-in requires a
        verified one (ACCOUNT_EMAIL_VERIFICATION = "mandatory")."""
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        user = self.create_user(email, password, **extra)
        mark_email_verified(user, primary=True)
        return user


def mark_email_verified(user: User, *, primary: bool | None = None) -> None:
    """Record the user's own address as verified in allauth, and as the primary one when `primary` (None:
    when the user has no primary address yet).

    For addresses something else has proven: a command-line admin, an invitation link that was opened.
    allauth's model is looked up through the app registry: its module cannot be imported while the models
    of this app load.
    """
    email_address = apps.get_model("account", "EmailAddress")
    addresses = email_address.objects.filter(user=user)
    address = addresses.filter(email__iexact=user.email).first()
    if primary is None:
        primary = not addresses.filter(primary=True).exclude(pk=getattr(address, "pk", None)).exists()
    if primary:
        addresses.exclude(pk=getattr(address, "pk", None)).filter(primary=True).update(primary=False)
    if address is None:
        email_address.objects.create(user=user, email=user.email, verified=True, primary=primary)
        return
    changed = {"verified": True, **({"primary": True} if primary else {})}
    if any(getattr(address, name) != value for name, value in changed.items()):
        for name, value in changed.items():
            setattr(address, name, value)
        address.save(update_fields=list(changed))


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    preferred_language = models.CharField(_("language"), max_length=5, default="en")
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("platform admin"), default=False, help_text=_("Can use the admin site."))
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PROJECT_LEAD = "project_lead", _("Project lead")
    MENTOR = "mentor", _("Mentor or expert")
    EMPLOYER = "employer", _("Employer representative")
    EVALUATOR = "evaluator", _("Evaluator or funder")


STAFF_ROLES = frozenset({Role.COORDINATOR, Role.PROJECT_LEAD, Role.EVALUATOR})


class Membership(models.Model):
    """A role of a user in a project; coordinators belong to one partner of it.

    The participant role is not a membership: a user is a participant through their Person.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="memberships")
    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "project", "partner"], name="membership_unique"),
            models.CheckConstraint(
                condition=~models.Q(role="coordinator") | models.Q(partner__isnull=False),
                name="coordinator_has_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.project.code}"


class Invitation(models.Model):
    """An e-mailed link that gives whoever opens it a role in a project or a log-in to their participant
    record, once they accept.

    A staff invitation names a `role` (and a `partner` where the role needs one) and becomes a `Membership`;
    a participant's names their `person` (no role) and links the person to the user. Only a SHA-256 hash of
    the link's token is stored, so neither the database nor the admin site can open a link
    (polku.accounts.invitations; decision 0054). `extra` carries what acceptance hooks of higher apps
    need (a mentoring programme to join).
    """

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("project")
    )
    partner = models.ForeignKey(
        "projects.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("partner"),
    )
    person = models.ForeignKey(
        "participants.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("participant"),
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("invited by")
    )
    language = models.CharField(_("language of the e-mail"), max_length=5, default="en")
    extra = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(role="") & models.Q(person__isnull=True))
                | (models.Q(role="") & models.Q(person__isnull=False)),
                name="invitation_role_or_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="coordinator") | models.Q(partner__isnull=False),
                name="invitation_coordinator_has_partner",
            ),
        ]
        indexes = [models.Index(fields=["project", "-created_at"], name="invitation_project_recent")]

    def __str__(self) -> str:
        return f"{self.email} – {self.get_role_display() or _('participant')}"

    def status_at(self, now: dt.datetime) -> str:
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.expires_at <= now:
            return self.Status.EXPIRED
        return self.Status.PENDING

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)
