"""The community network (decision 0064): an opt-in directory of people across partners and countries,
connections between them, and messages between connected people.

A `Profile` belongs to a user; a participant's profile also names their person (for the export and erasure
of their data) and is shown only while the person's directory consent (`consent.Purpose.DIRECTORY`) is in
force in the profile's project; a mentor's, speaker's or employer representative's (no person, so no
consent row) while their own recorded opt-in is. Selectors read that state live on every request, so
withdrawing hides the profile at once everywhere.

Each field group of a profile has an audience chosen by the person (`Audience`). A profile reaches the
readers of its own project and of the projects that share the directory with it: both projects opted in
and each names the other (`DirectorySharing`, the project lead's choice).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.participants.models import Cefr


class Audience(models.TextChoices):
    """Who sees one field group of a profile, narrowest first."""

    NOBODY = "nobody", _("Nobody")
    CONNECTIONS = "connections", _("My connections")
    PROJECT = "project", _("Everyone in my project")
    DIRECTORY = "directory", _("Everyone in the projects that share the directory")


AUDIENCE_ORDER = {value: index for index, value in enumerate(Audience.values)}

# The field groups with an audience of their own, and their names as people read them.
FIELD_GROUPS = {
    "introduction": _("Introduction"),
    "photo": _("Photo"),
    "place": _("City and country"),
    "languages": _("Languages"),
    "skills": _("Skills and occupations"),
    "intents": _("What I offer and look for"),
    "links": _("Links"),
    "contact": _("Contact details"),
}
# Contact details are never shown to more than one's connections.
CONTACT_AUDIENCES = (Audience.NOBODY, Audience.CONNECTIONS)
CONTACT_AUDIENCE_CHOICES = [(a.value, a.label) for a in CONTACT_AUDIENCES]


def audience_field(group: str) -> str:
    return f"{group}_audience"


class DirectorySharing(TimeStamped):
    """A project's choice (by its lead) to share its directory, and with which projects. Two projects see
    each other's profiles only when both share and each names the other (`selectors.sharing_projects`)."""

    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="directory_sharing"
    )
    enabled = models.BooleanField(_("share the directory with other projects"), default=False)
    partners = models.ManyToManyField(
        "projects.Project", blank=True, related_name="+", verbose_name=_("projects to share with")
    )

    class Meta:
        verbose_name = _("directory sharing")
        verbose_name_plural = _("directory sharing")

    def __str__(self) -> str:
        return f"sharing of {self.project_id}"


class Notify(models.TextChoices):
    DAILY = "daily", _("At most one e-mail a day about new messages")
    IMMEDIATE = "immediate", _("An e-mail for each new message")
    NEVER = "never", _("No e-mails about messages")


def _audience(group: str, default: str) -> models.CharField:
    choices = CONTACT_AUDIENCE_CHOICES if group == "contact" else Audience.choices
    return models.CharField(
        _("who sees: %(group)s") % {"group": FIELD_GROUPS[group]},
        max_length=12,
        choices=choices,
        default=default,
    )


class Profile(TimeStamped):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_profile"
    )
    person = models.OneToOneField(
        "participants.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="community_profile",
    )
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # a mentor's, speaker's or employer representative's own opt-in (a participant's is the consent)
    opted_in_at = models.DateTimeField(_("in the directory since"), null=True, blank=True)
    display_name = models.CharField(_("name shown"), max_length=120)
    introduction = models.TextField(_("a few words about you"), blank=True, max_length=1500)
    introduction_language = models.CharField(_("language of the introduction"), max_length=3, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    offers = models.JSONField(_("what I offer"), default=list, blank=True)  # events.models.Intent values
    looks_for = models.JSONField(_("what I look for"), default=list, blank=True)  # Intent values
    # the intents again as " mentor peer " for one portable LIKE in searches (JSON lookups differ by database)
    offers_text = models.CharField(max_length=120, blank=True, default="", editable=False)
    looks_for_text = models.CharField(max_length=120, blank=True, default="", editable=False)
    links = models.JSONField(_("links"), default=list, blank=True)
    contact_email = models.EmailField(_("e-mail for my connections"), blank=True)
    phone = models.CharField(_("phone for my connections"), max_length=40, blank=True)
    skills = models.ManyToManyField("esco.Concept", blank=True, related_name="+", verbose_name=_("skills"))
    notify = models.CharField(
        _("e-mails about messages"), max_length=10, choices=Notify.choices, default=Notify.DAILY
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    # a coordinator of a reporter's partner hid the profile after a report
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    introduction_audience = _audience("introduction", Audience.PROJECT)
    photo_audience = _audience("photo", Audience.CONNECTIONS)
    place_audience = _audience("place", Audience.DIRECTORY)
    languages_audience = _audience("languages", Audience.DIRECTORY)
    skills_audience = _audience("skills", Audience.DIRECTORY)
    intents_audience = _audience("intents", Audience.DIRECTORY)
    links_audience = _audience("links", Audience.CONNECTIONS)
    contact_audience = _audience("contact", Audience.CONNECTIONS)

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("directory profile")
        verbose_name_plural = _("directory profiles")
        indexes = [
            models.Index(fields=["project", "hidden_at"], name="community_profile_project"),
            models.Index(fields=["country"], name="community_profile_country"),
            models.Index(fields=["display_name", "id"], name="community_profile_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_audience__in=[a.value for a in CONTACT_AUDIENCES]),
                name="community_contact_audience",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def set_intent_texts(self) -> None:
        self.offers_text = f" {' '.join(self.offers)} " if self.offers else ""
        self.looks_for_text = f" {' '.join(self.looks_for)} " if self.looks_for else ""


class ProfileLanguage(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3)
    level = models.CharField(_("level"), max_length=6, choices=Cefr.choices)

    class Meta:
        ordering = ["profile", "language"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="community_language_once")
        ]
        indexes = [models.Index(fields=["language", "profile"], name="community_language_idx")]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class ProfilePhoto(models.Model):
    """The photo as Polku re-encoded it (JPEG, resized, no EXIF); served only through the audience check."""

    profile = models.OneToOneField(Profile, on_delete=models.CASCADE, related_name="photo")
    data = models.BinaryField()
    width = models.PositiveSmallIntegerField()
    height = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"photo of {self.profile_id}"


class Connection(TimeStamped):
    """A request to connect, with a short message, and its answer. A declined request stays, so that the
    same sender's second request is refused quietly (the sender is never told of the decline)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Connected")
        DECLINED = "declined", _("Declined")

    sender = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="sent_connections")
    recipient = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="received_connections")
    message = models.CharField(_("message"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        constraints = [
            models.CheckConstraint(condition=~Q(sender=models.F("recipient")), name="community_not_self"),
            models.UniqueConstraint(fields=["sender", "recipient"], name="community_connection_once"),
        ]
        indexes = [models.Index(fields=["recipient", "status"], name="community_connection_in")]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id} ({self.status})"


class Block(models.Model):
    blocker = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="community_block_once")]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class Report(TimeStamped):
    """A report of a profile; it goes to the coordinators of the reporter's partner."""

    class Status(models.TextChoices):
        OPEN = "open", _("To handle")
        HIDDEN = "hidden", _("Profile hidden")
        DISMISSED = "dismissed", _("No action needed")

    reporter = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="reports_made")
    reported = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="reports")
    partner = models.ForeignKey("projects.Partner", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("what is wrong"), max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report of a profile")
        verbose_name_plural = _("reports of profiles")

    def __str__(self) -> str:
        return f"report {self.pk} of {self.reported_id}"


class Thread(TimeStamped):
    """The conversation of two connected people (`first` has the smaller id)."""

    first = models.ForeignKey(Profile, on_delete=models.SET_NULL, null=True, related_name="+")
    second = models.ForeignKey(Profile, on_delete=models.SET_NULL, null=True, related_name="+")
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="community_thread_once"),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="community_thread_order"),
        ]

    def __str__(self) -> str:
        return f"thread {self.first_id}–{self.second_id}"


class Message(models.Model):
    """One message. `read_at` only counts the recipient's unread messages: it is never shown to the sender
    (no read receipts). Erasure of the sender replaces the text (`erased`)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(Profile, on_delete=models.SET_NULL, null=True, related_name="+")
    recipient = models.ForeignKey(Profile, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("message"), max_length=4000)
    erased = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("sent"), db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["thread", "created_at", "pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="community_unread")]

    def __str__(self) -> str:
        return f"message {self.pk} in {self.thread_id}"
