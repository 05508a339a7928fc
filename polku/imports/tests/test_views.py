import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from polku.consent.models import Consent
from polku.imports.models import ImportBatch
from polku.participants import services as participant_services
from polku.participants.models import EntryData, LanguageSkill, Participation, Person
from polku.testing import factories as f

HEADER = "first_name;last_name;email;phone;entry_date;date_of_birth;gender;labour_status;unemployed_since;languages"
GOOD_ROWS = [
    "Ada;Li;ada@example.org;+358401;1.3.2025;17.5.1990;woman;unemployed;1.1.2024;fi:B1, en:C1",
    "Omar;Said;omar@example.org;;2025-03-02;1985-02-03;man;employed;;ar:native",
    "Mia;Berg;mia@example.org;;2025-03-03;1999-12-31;declined;declined;;",
]


def _semicolon_csv(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def _upload(client, partner, content: bytes, name: str = "list.csv"):
    return client.post(
        reverse("imports:upload"), {"partner": partner.pk, "file": SimpleUploadedFile(name, content)}
    )


@pytest.fixture
def coord_client(client, world):
    client.force_login(world.coord_a)
    return client


def _batch_from(coord_client, world, *rows: str) -> ImportBatch:
    response = _upload(coord_client, world.a, _semicolon_csv(*rows))
    assert response.status_code == 302, response.context["form"].errors
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("imports:detail", args=[batch.pk])
    return batch


def test_upload_page_documents_columns_aliases_codes_and_consent(coord_client, world):
    response = coord_client.get(reverse("imports:upload"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "sähköposti" in html and "födelsedatum" in html
    assert "<code>non_binary</code>" in html and "<code>declined</code>" in html
    assert "legal basis" in html
    assert list(response.context["form"].fields["partner"].queryset) == [world.a]


def test_template_csv_has_the_expected_headers(coord_client):
    response = coord_client.get(reverse("imports:template"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.strip() == (
        "first_name,last_name,email,phone,preferred_language,entry_date,date_of_birth,gender,"
        "labour_status,unemployed_since,education,citizenship,foreign_background,homeless,rural,"
        "disability,minority,languages"
    )
    semicolon = coord_client.get(reverse("imports:template") + "?delimiter=semicolon").content.decode(
        "utf-8-sig"
    )
    assert semicolon.startswith("first_name;last_name;email;")


def test_semicolon_csv_with_bom_previews_then_imports_all(coord_client, world):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    assert batch.status == ImportBatch.Status.PREVIEW and batch.partner == world.a
    assert [row["row"] for row in batch.valid_rows] == [2, 3, 4]
    assert Participation.objects.filter(channel="import").count() == 0  # nothing saved before confirmation

    page = coord_client.get(reverse("imports:detail", args=[batch.pk]))
    html = page.content.decode()
    for n in (2, 3, 4):
        assert f'id="row-{n}" checked' in html
    response = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "3", "4"]})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED and batch.imported_count == 3 and batch.committed_at
    imported = Participation.objects.filter(channel=Participation.Channel.IMPORT, partner=world.a)
    assert imported.count() == 3
    ada = Person.objects.get(email="ada@example.org")
    entry = EntryData.objects.get(participation__person=ada)
    assert entry.date_of_birth == dt.date(1990, 5, 17) and entry.unemployed_since == dt.date(2024, 1, 1)
    assert entry.recorded_by == world.coord_a
    assert Participation.objects.get(person=ada).entry_date == dt.date(2025, 3, 1)
    assert sorted(LanguageSkill.objects.filter(person=ada).values_list("language", "level")) == [
        ("en", "C1"),
        ("fi", "B1"),
    ]
    assert not Consent.objects.filter(person__in=[p.person for p in imported]).exists()
    assert all(
        row["values"] == {} for row in batch.rows
    )  # the copy of personal data is dropped once imported
    # A second confirmation imports nothing more.
    again = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2"]})
    assert again.status_code == 200 and imported.count() == 3


def test_xlsx_upload(coord_client, world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Etunimi", "Sukunimi", "Sähköposti", "Aloituspäivä", "Syntymäaika", "Koulutus", "Kansalaisuus"]
    )
    sheet.append(
        ["Ada", "Li", "ada@example.org", dt.datetime(2025, 3, 1), dt.datetime(1990, 5, 17), 7, "non_eu"]
    )
    sheet.append(["Bo", "Ek", "bo@example.org", dt.date(2025, 3, 1), "not a date", 12, "mars"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _upload(coord_client, world.a, buffer.getvalue(), "people.xlsx")
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert [row["row"] for row in batch.valid_rows] == [2]
    assert set(batch.invalid_rows[0]["errors"]) == {"date_of_birth", "education", "citizenship"}
    coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2"]})
    entry = EntryData.objects.get(participation__person__email="ada@example.org")
    assert entry.education == "7" and entry.citizenship == "non_eu"


def test_per_row_errors_and_duplicates_are_shown_with_file_row_numbers(coord_client, world):
    batch = _batch_from(
        coord_client,
        world,
        GOOD_ROWS[0],
        "Bad;Row;not-an-email;;1.3.2025;;robot;;;",
        f"Old;Timer;{world.part_a.person.email};;1.3.2025;1.1.1980;;;;",
        "Twin;One;twin@example.org;;1.3.2025;1.1.1980;;;;",
        "Twin;Two;TWIN@example.org;;1.3.2025;1.1.1980;;;;",
    )
    errors = {row["row"]: row["errors"] for row in batch.invalid_rows}
    assert [row["row"] for row in batch.valid_rows] == [2]
    assert set(errors[3]) == {"email", "date_of_birth", "gender"}
    assert "already a participant" in errors[4]["email"][0]
    assert "row 6" in errors[5]["email"][0] and "row 5" in errors[6]["email"][0]
    page = coord_client.get(reverse("imports:detail", args=[batch.pk]))
    html = page.content.decode()
    assert "not-an-email" in html and "Rows with errors" in html
    assert 'name="rows" value="3"' not in html


def test_partial_selection_imports_exactly_the_chosen_rows_and_keeps_the_rest(coord_client, world):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "4"]})
    batch.refresh_from_db()
    assert batch.imported_count == 2
    emails = set(Participation.objects.filter(channel="import").values_list("person__email", flat=True))
    assert emails == {"ada@example.org", "mia@example.org"}
    assert {row["row"]: row["status"] for row in batch.rows} == {2: "imported", 3: "pending", 4: "imported"}
    # The list stays open for the row not chosen; imported rows no longer hold a copy of the data.
    assert batch.status == ImportBatch.Status.PREVIEW
    assert [row["values"] for row in batch.rows if row["status"] == "imported"] == [{}, {}]
    html = coord_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert 'name="rows" value="3"' in html and 'name="rows" value="2"' not in html
    coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["3"]})
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED and batch.imported_count == 3
    assert Participation.objects.filter(channel="import").count() == 3


def test_invalid_row_cannot_be_chosen(coord_client, world):
    batch = _batch_from(coord_client, world, GOOD_ROWS[0], "Bad;Row;bad;;;;;;;")
    response = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "3"]})
    assert response.status_code == 200 and response.context["summary"]
    assert not Participation.objects.filter(channel="import").exists()


def test_no_rows_chosen_is_an_error(coord_client, world):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    response = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {})
    assert response.status_code == 200 and response.context["summary"]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW


def test_row_registered_meanwhile_rolls_back_the_whole_import(coord_client, world):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    f.ParticipationFactory(partner=world.b, person__email="omar@example.org")  # someone else got there first
    response = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "3", "4"]})
    assert response.status_code == 200
    assert [item.anchor for item in response.context["summary"]][1:] == ["row-3"]
    assert "Nothing was imported" in response.content.decode()
    assert not Participation.objects.filter(channel="import").exists()
    assert not Person.objects.filter(email__in=["ada@example.org", "mia@example.org"]).exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW and "row 3" in batch.error
    # Leaving out the failing row then works.
    coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "4"]})
    assert Participation.objects.filter(channel="import").count() == 2


def test_failure_inside_registration_rolls_back_rows_already_written(coord_client, world, monkeypatch):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    real = participant_services.participant_register
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs["registration"].person["email"])
        if len(calls) == 3:
            raise participant_services.ApplicationError("Database said no.")
        return real(**kwargs)

    monkeypatch.setattr("polku.imports.services.participant_register", flaky)
    response = coord_client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2", "3", "4"]})
    assert response.status_code == 200 and len(calls) == 3
    assert "Database said no." in response.content.decode()
    assert not Participation.objects.filter(channel="import").exists()
    assert not Person.objects.filter(email__in=["ada@example.org", "omar@example.org"]).exists()


def test_coordinator_of_another_partner_cannot_see_or_confirm(client, world):
    client.force_login(world.coord_a)
    batch = _batch_from(client, world, *GOOD_ROWS)
    client.force_login(world.coord_b)
    assert client.get(reverse("imports:detail", args=[batch.pk])).status_code == 404
    assert client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2"]}).status_code == 404
    assert client.post(reverse("imports:discard", args=[batch.pk])).status_code == 404
    assert batch.filename not in client.get(reverse("imports:upload")).content.decode()
    assert not Participation.objects.filter(channel="import").exists()
    # Nor upload for partner a.
    response = _upload(client, world.a, _semicolon_csv(*GOOD_ROWS))
    assert response.status_code == 200 and "partner" in response.context["form"].errors
    assert ImportBatch.objects.count() == 1


@pytest.mark.parametrize("who", ["lead", "evaluator", "user_a", "stranger"])
def test_non_coordinators_are_denied(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("imports:upload")).status_code == 403
    assert client.get(reverse("imports:template")).status_code == 403
    assert _upload(client, world.a, _semicolon_csv(*GOOD_ROWS)).status_code == 403
    assert not ImportBatch.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("imports:upload"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_admin_may_import_for_any_partner(client, world):
    client.force_login(world.admin)
    response = _upload(client, world.b, _semicolon_csv(*GOOD_ROWS))
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    client.post(reverse("imports:confirm", args=[batch.pk]), {"rows": ["2"]})
    assert Participation.objects.filter(channel="import", partner=world.b).count() == 1


def test_oversized_file_is_refused_and_nothing_written(coord_client, world, settings):
    settings.POLKU_IMPORT_MAX_BYTES = 100
    response = _upload(coord_client, world.a, _semicolon_csv(*GOOD_ROWS))
    assert response.status_code == 200
    assert "too large" in " ".join(response.context["form"].errors["file"])
    assert 'href="#id_file"' in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("list.pdf", b"%PDF-1.4"),
        ("list.xlsx", b"this is not a workbook"),
        ("list.csv", "ä;ö".encode("latin-1")),
    ],
)
def test_wrong_type_or_corrupt_file_is_refused_and_nothing_written(coord_client, world, name, content):
    response = _upload(coord_client, world.a, content, name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()


def test_discard_deletes_the_preview(coord_client, world):
    batch = _batch_from(coord_client, world, *GOOD_ROWS)
    response = coord_client.post(reverse("imports:discard", args=[batch.pk]))
    assert response.status_code == 302
    assert not ImportBatch.objects.exists()
