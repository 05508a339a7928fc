"""Privacy handlers for the foundation's data: the person and their login, languages, participations and
entry data, consents, activity enrolments, the audit log about them and pending import rows.

What anonymisation keeps (docs/privacy.md, decision 0030): the facts that indicators count — participations
(project, partner, entry and exit dates, channel), entry data, languages, consents and enrolments — with the
date of birth generalised so that the age on every entry date stays exactly the same. It removes names,
e-mail, phone, municipality, free text, the login, and the values of import rows not yet imported.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.accounts.models import Invitation, Membership, User
from polku.activities.models import ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.consent.models import Consent, Purpose
from polku.core.personal_data import Erasure, Section, register, section
from polku.core.personal_data import records as records_of
from polku.imports.models import ImportBatch
from polku.participants.models import DECLINED, EntryData, LanguageSkill, Participation, Person
from polku.privacy.rules import generalised_birth_date

PERSON_EXPORT = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "preferred_language",
    "country_of_residence",
    "municipality",
    "education_level",
    "education_field",
    "work_history",
    "goals",
    "created_at",
    "anonymised_at",
)
# Direct identifiers and free text; emptied by anonymisation.
PERSON_CLEARED = ("email", "phone", "municipality", "education_field", "work_history")
# Optional profile items a person may have erased at any time (they serve matching and guidance only).
PROFILE_OPTIONAL = ("phone", "country_of_residence", "municipality", "education_field", "work_history")
# Person.anonymised_at's label, in this app's catalogue (the export shows it).
ANONYMISED_LABEL = gettext_lazy("anonymised")
OPTIONAL_CONSENTS = (Purpose.DIRECTORY, Purpose.COMMUNICATIONS, Purpose.SENSITIVE)


def anonymised_name(person: Person) -> tuple[str, str]:
    return "Anonymised", f"#{person.pk}"


# --- export ---------------------------------------------------------------------------------------------


def export(person: Person) -> dict[str, Section]:
    participations = list(
        Participation.objects.filter(person=person).select_related("project", "partner__organisation")
    )
    sections: dict[str, Section] = {
        "participants.person": records_of(
            gettext_lazy("Contact details and profile"), [person], PERSON_EXPORT
        ),
        "participants.languages": records_of(
            gettext_lazy("Languages"), LanguageSkill.objects.filter(person=person), ("language", "level")
        ),
        "participants.participations": records_of(
            gettext_lazy("Projects"),
            participations,
            ("entry_date", "exit_date", "channel"),
            project=(gettext_lazy("project"), lambda p: f"{p.project.name} ({p.project.code})"),
            partner=(gettext_lazy("organiser"), lambda p: p.partner.organisation.name),
        ),
        "participants.entry_data": records_of(
            gettext_lazy("Entry data"),
            EntryData.objects.filter(participation__person=person).select_related("participation__project"),
            (*EntryData.ITEMS, "asked"),
            project=(gettext_lazy("project"), lambda e: e.participation.project.code),
        ),
        "consent.consents": records_of(
            gettext_lazy("Consents"),
            Consent.objects.filter(person=person).select_related("project", "notice").order_by("given_at"),
            ("purpose", "given_at", "withdrawn_at"),
            project=(gettext_lazy("project"), lambda c: c.project.code),
            notice=(
                gettext_lazy("privacy notice read"),
                lambda c: f"v{c.notice.version} ({c.notice.language})",
            ),
        ),
        "projects.enrolments": records_of(
            gettext_lazy("Activities"),
            ActivityEnrolment.objects.filter(participation__person=person).select_related(
                "activity__project", "activity__partner__organisation"
            ),
            ("enrolled_on",),
            activity=(gettext_lazy("activity"), lambda e: e.activity.name),
            kind=(gettext_lazy("kind"), lambda e: e.activity.get_kind_display()),
            organiser=(
                gettext_lazy("organiser"),
                # an activity of the whole project has no partner: the project runs it
                lambda e: (
                    e.activity.partner.organisation.name if e.activity.partner else e.activity.project.name
                ),
            ),
        ),
        "audit.events": section(
            gettext_lazy("Who has seen or changed my data"),
            (
                {
                    "at": e.at,
                    "who": e.actor_label,
                    "action": e.action,
                    "what": e.object_type,
                    "fields": e.fields,
                }
                for e in AuditEvent.objects.filter(person=person).order_by("at", "id")
            ),
            {
                "at": gettext_lazy("when"),
                "who": gettext_lazy("who"),
                "action": gettext_lazy("action"),
                "what": gettext_lazy("what"),
                "fields": gettext_lazy("fields"),
            },
            {"action": dict(AuditEvent.Action.choices)},
        ),
    }
    if person.user_id is not None:
        sections["accounts.user"] = records_of(
            gettext_lazy("Login"),
            User.objects.filter(pk=person.user_id),
            ("email", "full_name", "preferred_language", "date_joined", "last_login"),
        )
    pending = _pending_import_rows(person)
    if pending:
        sections["imports.rows"] = section(
            gettext_lazy("Rows of a participant list waiting to be imported"),
            (
                {"file": batch.filename, "uploaded": batch.created_at, **row["values"]}
                for batch, row in pending
            ),
            {"file": gettext_lazy("file"), "uploaded": gettext_lazy("uploaded")}
            | {key: key for _batch, row in pending for key in row["values"]},
        )
    return sections


def _pending_import_rows(person: Person) -> list[tuple[ImportBatch, dict]]:
    """Rows of not-yet-imported lists of the person's partners that carry their e-mail."""
    if not person.email:
        return []
    partner_ids = Participation.objects.filter(person=person).values("partner_id")
    found = []
    for batch in ImportBatch.objects.filter(partner_id__in=partner_ids, status=ImportBatch.Status.PREVIEW):
        for row in batch.rows:
            if (row.get("values", {}).get("email") or "").strip().lower() == person.email.lower():
                found.append((batch, row))
    return found


# --- anonymisation --------------------------------------------------------------------------------------


def anonymise(person: Person) -> int:
    changed = 0
    changed += _scrub_import_rows(person)
    # invitations to make a log-in hold the person's e-mail address; an anonymised person needs none
    changed += Invitation.objects.filter(person=person).delete()[0]
    first, last = anonymised_name(person)
    person.first_name, person.last_name = first, last
    for name in PERSON_CLEARED:
        setattr(person, name, "")
    person.refresh_search_name()
    user_id = person.user_id
    person.user = None
    person.save(
        update_fields=["first_name", "last_name", *PERSON_CLEARED, "search_name", "user", "updated_at"]
    )
    changed += 1
    if user_id is not None:
        changed += _retire_login(user_id)
    entry_dates = list(Participation.objects.filter(person=person).values_list("entry_date", flat=True))
    for entry in EntryData.objects.filter(participation__person=person, date_of_birth__isnull=False):
        assert entry.date_of_birth is not None
        generalised = generalised_birth_date(entry.date_of_birth, entry_dates)
        if generalised != entry.date_of_birth:
            entry.date_of_birth = generalised
            entry.save(update_fields=["date_of_birth", "updated_at"])
            changed += 1
    return changed


def _retire_login(user_id: int) -> int:
    """Remove the login: deactivated and without identifiers. A login that also has staff roles keeps them
    (the person was unlinked from it, which is what anonymises the participant)."""
    user = User.objects.get(pk=user_id)
    if user.is_superuser or Membership.objects.filter(user=user).exists():
        return 0
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"anonymised-{user.pk}@invalid.invalid"
    user.full_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["email", "full_name", "is_active", "password"])
    return 1


def _scrub_import_rows(person: Person) -> int:
    changed = 0
    for batch, row in _pending_import_rows(person):
        batch.refresh_from_db(fields=["rows"])
        batch.rows = [
            {**r, "values": {}} if r.get("row") == row.get("row") else r
            for r in batch.rows  # the same batch may hold the e-mail once
        ]
        batch.save(update_fields=["rows"])
        changed += 1
    return changed


# --- erasure --------------------------------------------------------------------------------------------


def erase(person: Person) -> Erasure:
    result = Erasure()
    cleared = [name for name in PROFILE_OPTIONAL if getattr(person, name)]
    if person.goals:
        cleared.append("goals")
    if person.education_level:
        cleared.append("education_level")
    if cleared:
        for name in cleared:
            setattr(person, name, [] if name == "goals" else "")
        person.save(update_fields=[*cleared, "updated_at"])
        result.erased.append(_("Optional profile: %(fields)s") % {"fields": ", ".join(cleared)})
    languages = LanguageSkill.objects.filter(person=person).delete()[0]
    if languages:
        result.erased.append(_("Languages (%(count)s)") % {"count": languages})
    active = Consent.objects.filter(person=person, purpose__in=OPTIONAL_CONSENTS, withdrawn_at__isnull=True)
    withdrawn = list(active.values_list("purpose", flat=True))
    if withdrawn:
        active.update(withdrawn_at=timezone.now())
        result.erased.append(
            _("Consents withdrawn: %(purposes)s")
            % {"purposes": ", ".join(str(Purpose(p).label) for p in sorted(set(withdrawn)))}
        )
    sensitive = EntryData.objects.filter(participation__person=person).filter(
        Q(disability__in=["yes", "no"]) | Q(minority__in=["yes", "no"])
    )
    count = 0
    for entry in sensitive:
        for name in EntryData.OPTIONAL_ITEMS:
            if getattr(entry, name) in ("yes", "no"):
                setattr(entry, name, DECLINED)
        entry.save(update_fields=[*EntryData.OPTIONAL_ITEMS, "updated_at"])
        count += 1
    if count:
        result.erased.append(_("Optional sensitive entry items (disability, minority)"))
    result.kept.append(
        (
            _("Name, e-mail and the entry facts of each project"),
            _(
                "The funder requires them to verify the project's participants and indicators until the end "
                "of the retention period; they are anonymised then."
            ),
        )
    )
    result.kept.append(
        (
            _("Consent records and the audit log"),
            _("They are the proof of what was consented to and who handled the data."),
        )
    )
    return result


register("foundation", export=export, anonymise=anonymise, erase=erase)
