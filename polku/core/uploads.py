"""The limits of uploaded archives from the settings, and their refusals worded for the user.

`polku.core.archives` does the checking without Django; every upload that unpacks a ZIP (spreadsheets
through `polku.core.tabular`, CVs in `polku.competences`, ESCO downloads in `polku.esco`) takes its limits
from here, so one set of settings governs them (docs/decisions/0058-upload-limits-and-request-ids.md).
"""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from polku.core.archives import ArchiveRefused, Reason, SheetLimits, ZipLimits


def zip_limits() -> ZipLimits:
    """Limits of an uploaded document (XLSX, DOCX)."""
    return ZipLimits(
        max_total=settings.POLKU_UPLOAD_MAX_UNPACKED,
        max_part=settings.POLKU_UPLOAD_MAX_PART,
        max_ratio=settings.POLKU_UPLOAD_MAX_RATIO,
        max_parts=settings.POLKU_UPLOAD_MAX_PARTS,
    )


def esco_zip_limits() -> ZipLimits:
    """Limits of an ESCO download: its CSV files are large, so only the sizes differ."""
    return ZipLimits(
        max_total=settings.POLKU_ESCO_MAX_UNPACKED,
        max_part=settings.POLKU_ESCO_MAX_UNPACKED,
        max_ratio=settings.POLKU_UPLOAD_MAX_RATIO,
        max_parts=settings.POLKU_UPLOAD_MAX_PARTS,
    )


def sheet_limits() -> SheetLimits:
    return SheetLimits(
        max_cells=settings.POLKU_SHEET_MAX_CELLS, max_cell_chars=settings.POLKU_SHEET_MAX_CELL_CHARS
    )


def refusal_message(error: ArchiveRefused) -> str:
    """The refusal in the user's language, naming the limit that was passed."""
    limit, found = error.limit, error.found
    if error.reason == Reason.TOO_MANY_PARTS:
        return _("The file holds %(found)s parts; at most %(limit)s are accepted.") % {
            "found": number_format(found, force_grouping=True),
            "limit": number_format(limit, force_grouping=True),
        }
    if error.reason == Reason.TOO_LARGE:
        return _(
            "The file is too large when unpacked: its contents come to %(found)s, and at most %(limit)s is accepted."
        ) % {"found": filesizeformat(found), "limit": filesizeformat(limit)}
    if error.reason == Reason.PART_TOO_LARGE:
        return _("A part of the file unpacks to %(found)s; at most %(limit)s is accepted for one part.") % {
            "found": filesizeformat(found),
            "limit": filesizeformat(limit),
        }
    if error.reason == Reason.RATIO:
        return _(
            "A part of the file unpacks to %(found)s times its packed size; at most %(limit)s times is "
            "accepted. Ordinary documents are not packed this tightly."
        ) % {
            "found": number_format(found, force_grouping=True),
            "limit": number_format(limit, force_grouping=True),
        }
    if error.reason == Reason.TOO_MANY_CELLS:
        return _(
            "The sheet has more than %(limit)s cells. Delete empty or unneeded rows and columns, or split "
            "the list into smaller files."
        ) % {"limit": number_format(limit, force_grouping=True)}
    if error.reason == Reason.CELL_TOO_LONG:
        return _(
            "A cell holds %(found)s characters; at most %(limit)s characters are accepted in one cell."
        ) % {
            "found": number_format(found, force_grouping=True),
            "limit": number_format(limit, force_grouping=True),
        }
    return _("The file could not be read. It may be damaged, or not the kind of file its name says.")
