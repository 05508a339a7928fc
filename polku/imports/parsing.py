"""Reading a participant list (CSV or XLSX) into rows, and checking each row with the shared forms.

No views and no writes here: `read_table` turns the file (read by `polku.core.tabular`) into rows of
text keyed by column name, `check_rows` gives each row its errors (per column) and, for a valid row, the
`Registration` that `participants.services.participant_register` takes. Row numbers are the ones a
spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core import uploads
from polku.core.archives import ArchiveRefused, Reason
from polku.core.tabular import ImportFileError, parse_date, read_csv, read_xlsx
from polku.participants.forms import EntryDataForm, LanguagesForm, PersonForm
from polku.participants.models import (
    Answer,
    Cefr,
    Citizenship,
    EducationAnswer,
    EntryData,
    Gender,
    LabourStatus,
)
from polku.participants.services import Registration, entry_data_check
from polku.projects.models import Project

MAX_ROWS = 5000
PROGRESS_EVERY = 50  # rows between two progress reports of check_rows
LANGUAGE_CODES = ("fi", "sv", "en")
ROW_ERROR = "row"  # key of errors that belong to the whole row


@dataclass(frozen=True)
class Column:
    name: str
    label: Any
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[tuple[str, Any], ...] = ()
    help: Any = ""


def _choices(choices: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    return tuple(choices)


DATE_HELP = gettext_lazy("A date: 2025-03-01 or 1.3.2025")
COLUMNS: tuple[Column, ...] = (
    Column(
        "first_name",
        gettext_lazy("First name"),
        True,
        ("etunimi", "etunimet", "förnamn", "firstname", "given name"),
    ),
    Column(
        "last_name",
        gettext_lazy("Last name"),
        True,
        ("sukunimi", "efternamn", "lastname", "surname", "family name"),
    ),
    Column(
        "email",
        gettext_lazy("E-mail"),
        True,
        ("sähköposti", "sähköpostiosoite", "e-post", "e-postadress", "e-mail", "email address"),
    ),
    Column("phone", gettext_lazy("Phone"), False, ("puhelin", "puhelinnumero", "telefon", "telefonnummer")),
    Column(
        "preferred_language",
        gettext_lazy("Preferred language"),
        False,
        ("asiointikieli", "kontaktspråk", "önskat språk", "language"),
        (("fi", gettext_lazy("Finnish")), ("sv", gettext_lazy("Swedish")), ("en", gettext_lazy("English"))),
        gettext_lazy("Empty: the project's first working language"),
    ),
    Column(
        "entry_date",
        gettext_lazy("Entry date"),
        True,
        ("aloituspäivä", "aloituspäivämäärä", "alkamispäivä", "startdatum", "inträdesdatum", "start date"),
        help=gettext_lazy("The day the person started; not in the future, not before the project started"),
    ),
    Column(
        "date_of_birth",
        gettext_lazy("Date of birth"),
        True,
        ("syntymäaika", "syntymäpäivä", "födelsedatum", "födelsedag", "birth date"),
        help=DATE_HELP,
    ),
    Column("gender", gettext_lazy("Gender"), False, ("sukupuoli", "kön"), _choices(Gender.choices)),
    Column(
        "labour_status",
        gettext_lazy("Labour-market status at entry"),
        False,
        ("työmarkkina-asema", "työmarkkinatilanne", "ställning på arbetsmarknaden", "arbetsmarknadsstatus"),
        _choices(LabourStatus.choices),
    ),
    Column(
        "unemployed_since",
        gettext_lazy("Unemployed since"),
        False,
        ("työtön alkaen", "työttömyyden alkamispäivä", "arbetslös sedan", "arbetslös från"),
        help=gettext_lazy("Only for unemployed job seekers. A date: 2025-03-01 or 1.3.2025"),
    ),
    Column(
        "education",
        gettext_lazy("Highest completed education (ISCED)"),
        False,
        ("koulutus", "koulutustaso", "utbildning", "utbildningsnivå"),
        _choices(EducationAnswer.choices),
    ),
    Column(
        "citizenship",
        gettext_lazy("Citizenship"),
        False,
        ("kansalaisuus", "medborgarskap"),
        _choices(Citizenship.choices),
    ),
    Column(
        "foreign_background",
        gettext_lazy("Foreign background"),
        False,
        ("ulkomaalaistausta", "ulkomainen tausta", "utländsk bakgrund"),
        _choices(Answer.choices),
    ),
    Column(
        "homeless",
        gettext_lazy("Homeless or in housing exclusion"),
        False,
        ("asunnoton", "bostadslös"),
        _choices(Answer.choices),
    ),
    Column(
        "rural",
        gettext_lazy("Lives in a rural area"),
        False,
        ("maaseutu", "landsbygd"),
        _choices(Answer.choices),
    ),
    Column(
        "disability",
        gettext_lazy("Has a disability"),
        False,
        ("vamma", "vammaisuus", "funktionsnedsättning"),
        _choices(Answer.choices),
        gettext_lazy("Only if the project collects it"),
    ),
    Column(
        "minority",
        gettext_lazy("Belongs to a minority"),
        False,
        ("vähemmistö", "minoritet"),
        _choices(Answer.choices),
        gettext_lazy("Only if the project collects it"),
    ),
    Column(
        "languages",
        gettext_lazy("Languages"),
        False,
        ("kielet", "kielitaito", "språkkunskaper", "språk"),
        help=gettext_lazy(
            "Languages (names or codes) with levels (A1–C2 or native), e.g. Finnish B1, en:C1, Dari native"
        ),
    ),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
DATE_COLUMNS = ("entry_date", "date_of_birth", "unemployed_since")
CHOICE_COLUMNS = tuple(
    column.name for column in COLUMNS if column.choices and column.name != "preferred_language"
)

# Spelled-out answers commonly found in Finnish and Swedish lists.
ANSWER_ALIASES = {
    "kyllä": Answer.YES,
    "ja": Answer.YES,
    "ei": Answer.NO,
    "nej": Answer.NO,
    "en halua vastata": Answer.DECLINED,
    "vill inte svara": Answer.DECLINED,
    "prefer not to answer": Answer.DECLINED,
}
LANGUAGE_ALIASES = {
    "suomi": "fi",
    "finnish": "fi",
    "finska": "fi",
    "fin": "fi",
    "svenska": "sv",
    "ruotsi": "sv",
    "swedish": "sv",
    "swe": "sv",
    "english": "en",
    "englanti": "en",
    "engelska": "en",
    "eng": "en",
}


@dataclass
class Table:
    columns: list[str]  # known columns present, in the file's order
    ignored: list[str]  # headers that matched no column
    rows: list[tuple[int, dict[str, str]]]  # (row number in the file, values by column name)


@dataclass
class CheckedRow:
    row: int
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    registration: Registration | None = None

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "values": self.values, "errors": self.errors}


# Reading the file -------------------------------------------------------------------------------


def normalise_header(header: str) -> str:
    text = str(header or "").replace("\ufeff", "").strip().strip("*").strip().lower().replace("_", " ")
    return re.sub(r"\s+", " ", text)


HEADER_LOOKUP: dict[str, str] = {}
for _column in COLUMNS:
    HEADER_LOOKUP[normalise_header(_column.name)] = _column.name
    for _alias in _column.aliases:
        HEADER_LOOKUP[normalise_header(_alias)] = _column.name


def read_table(*, content: bytes, filename: str) -> Table:
    """The rows of a CSV (UTF-8, with or without BOM; comma or semicolon) or XLSX file."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        records = read_xlsx(content, max_records=MAX_ROWS + 1)
    elif name.endswith(".csv"):
        records = read_csv(content)
    else:
        raise ImportFileError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    return _table(records)


def _check_cells(records: list[list[str]]) -> None:
    """The sheet limits for a CSV list too (a workbook was checked before reading): cells per list and
    characters per cell."""
    limits = uploads.sheet_limits()
    if sum(len(record) for record in records) > limits.max_cells:
        refused = ArchiveRefused(Reason.TOO_MANY_CELLS, limit=limits.max_cells)
        raise ImportFileError(uploads.refusal_message(refused))
    for index, record in enumerate(records):
        longest = max((len(str(value)) for value in record), default=0)
        if longest > limits.max_cell_chars:
            raise ImportFileError(
                _(
                    "Row %(row)s has a cell of %(found)s characters; at most %(limit)s characters are "
                    "accepted in one cell."
                )
                % {
                    "row": index + 1,
                    "found": number_format(longest, force_grouping=True),
                    "limit": number_format(limits.max_cell_chars, force_grouping=True),
                }
            )


def _table(records: list[list[str]]) -> Table:
    records = list(records)
    _check_cells(records)
    header_index = next((i for i, record in enumerate(records) if any(str(v).strip() for v in record)), None)
    if header_index is None:
        raise ImportFileError(_("The file is empty."))
    headers = records[header_index]
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for position, header in enumerate(headers):
        key = normalise_header(header)
        if not key:
            continue
        name = HEADER_LOOKUP.get(key)
        if name is None:
            ignored.append(str(header).strip())
        elif name in positions:
            raise ImportFileError(
                _("The column %(column)s appears twice in the header row.") % {"column": name}
            )
        else:
            positions[name] = position
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        raise ImportFileError(
            _(
                "The header row lacks the required columns: %(columns)s. Download the template to see the expected headers."
            )
            % {"columns": ", ".join(missing)}
        )
    rows: list[tuple[int, dict[str, str]]] = []
    for index in range(header_index + 1, len(records)):
        record = records[index]
        values = {
            name: (str(record[pos]).strip() if pos < len(record) else "") for name, pos in positions.items()
        }
        if not any(values.values()):
            continue
        rows.append((index + 1, values))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it into smaller files.") % {"max": MAX_ROWS}
            )
    if not rows:
        raise ImportFileError(_("The file has a header row but no participants."))
    # A workbook repeats a shared string for free: the kept text is bounded like the file itself.
    if sum(len(value) for _n, values in rows for value in values.values()) > settings.POLKU_IMPORT_MAX_BYTES:
        raise ImportFileError(
            _("The list holds more text than %(size)s; split it into smaller files.")
            % {"size": filesizeformat(settings.POLKU_IMPORT_MAX_BYTES)}
        )
    columns = sorted(positions, key=positions.__getitem__)
    return Table(columns=columns, ignored=ignored, rows=rows)


# Checking rows ----------------------------------------------------------------------------------


def parse_languages(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Parse "fi:B1, English C1" into [("fi", "B1"), ("english", "C1")] (names are read by the languages
    form), with messages for parts not understood."""
    pairs: list[tuple[str, str]] = []
    errors: list[str] = []
    levels = {value.lower(): value for value in Cefr.values}
    for part in re.split(r"[,;\n]+", text):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\w[\w ]*?)\s*[:= ]\s*([A-Za-z0-9]+)", part)
        level = levels.get(match.group(2).lower()) if match else None
        if not match or level is None:
            errors.append(
                _("“%(part)s” is not a language with a level, such as Finnish B1 or fi:B1.") % {"part": part}
            )
            continue
        pairs.append((match.group(1).lower(), level))
    return pairs, errors


def _default_language(project: Project) -> str:
    return next((code for code in project.languages or [] if code in LANGUAGE_CODES), "en")


def check_row(*, project: Project, row: int, values: dict[str, str], today: dt.date) -> CheckedRow:
    """One row through the same forms and domain checks as the registration pages."""
    checked = CheckedRow(row=row, values=values)
    errors = checked.errors

    def add(name: str, message: object) -> None:
        errors.setdefault(name, []).append(str(message))

    data: dict[str, str] = {name: values.get(name, "") for name in COLUMN_NAMES}
    for name in DATE_COLUMNS:
        if data[name]:
            parsed = parse_date(data[name])
            if parsed is None:
                add(
                    name,
                    _("“%(value)s” is not a date; write 2025-03-01 or 1.3.2025.") % {"value": data[name]},
                )
            data[name] = parsed.isoformat() if parsed else ""
    for name in CHOICE_COLUMNS:
        text = data[name].lower()
        data[name] = ANSWER_ALIASES.get(text, text)
    language = data["preferred_language"].lower()
    data["preferred_language"] = LANGUAGE_ALIASES.get(language, language) or _default_language(project)
    if data["preferred_language"] not in LANGUAGE_CODES:
        add("preferred_language", _("Use fi, sv or en."))

    person_form = PersonForm(data)
    entry_form = EntryDataForm(data, project=project)
    for form in (person_form, entry_form):
        if not form.is_valid():
            for name, messages in form.errors.items():
                if name in COLUMNS_BY_NAME and errors.get(name):
                    continue  # the date message above already says it
                for message in messages:
                    add(name if name in COLUMNS_BY_NAME else ROW_ERROR, message)
    for name in ("disability", "minority"):
        if values.get(name) and name not in entry_form.fields:
            add(name, _("This project does not collect this item; leave the column empty."))

    pairs, language_errors = parse_languages(data["languages"])
    for message in language_errors:
        add("languages", message)
    languages_form = LanguagesForm(
        {
            key: value
            for i, (code, level) in enumerate(pairs)
            for key, value in ((f"language_{i}", code), (f"level_{i}", level))
        },
        initial_languages=pairs,
    )
    if not languages_form.is_valid():
        for language_messages in languages_form.errors.values():
            for message in language_messages:
                add("languages", message)

    entry_date = parse_date(data["entry_date"]) if data["entry_date"] else None
    if not values.get("entry_date"):
        add("entry_date", _("This field is required."))
    elif entry_date is not None:
        if entry_date > today:
            add("entry_date", _("The entry date cannot be in the future."))
        if entry_date < project.starts_on or entry_date > project.ends_on:
            add("entry_date", _("The entry date must be within the project's period."))

    if entry_date is not None:
        # The domain rules run on the items that passed the form, so one bad cell does not hide the others.
        cleaned = {name: value for name, value in entry_form.cleaned_data.items() if name not in errors}
        for name, domain_messages in entry_data_check(
            project=project, entry=cleaned, entry_date=entry_date
        ).items():
            for message in domain_messages:
                add(name if name in COLUMNS_BY_NAME else ROW_ERROR, message)

    if not errors:
        checked.registration = Registration(
            person={
                name: person_form.cleaned_data[name]
                for name in ("first_name", "last_name", "email", "phone", "preferred_language")
            },
            entry={
                name: entry_form.cleaned_data.get(name)
                for name in EntryData.ITEMS
                if name in entry_form.fields
            },
            languages=languages_form.languages(),
            consents=[],  # imported people give no consent here; the coordinator relies on another legal basis
            entry_date=entry_date,
        )
    return checked


def check_rows(
    *,
    project: Project,
    rows: Iterable[tuple[int, dict[str, str]]],
    emails_in_project: Collection[str],
    today: dt.date,
    on_progress: Callable[[int], None] | None = None,
) -> list[CheckedRow]:
    """Every row checked, plus e-mails already in the project or on more than one row of the file.
    `on_progress(rows checked)` is called every PROGRESS_EVERY rows (and may raise to stop)."""
    checked: list[CheckedRow] = []
    for row, values in rows:
        checked.append(check_row(project=project, row=row, values=values, today=today))
        if on_progress is not None and len(checked) % PROGRESS_EVERY == 0:
            on_progress(len(checked))
    emails = [(item, item.values.get("email", "").strip().lower()) for item in checked]
    counts = Counter(email for _item, email in emails if email)
    rows_by_email: dict[str, list[int]] = {}
    for item, email in emails:
        if email:
            rows_by_email.setdefault(email, []).append(item.row)
    for item, email in emails:
        if not email:
            continue
        if email in emails_in_project:
            item.errors.setdefault("email", []).append(
                _("This person is already a participant of the project.")
            )
        if counts[email] > 1:
            others = ", ".join(str(n) for n in rows_by_email[email] if n != item.row)
            item.errors.setdefault("email", []).append(
                _("The same e-mail address is also on row %(rows)s.") % {"rows": others}
            )
        if item.errors:
            item.registration = None
    return checked
