"""Users sign in with their e-mail; what they may do comes from their memberships."""

from __future__ import annotations

from typing import ClassVar

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
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


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
