"""What imports show on the pages of the apps below them (registered in ImportsConfig.ready()): on the staff
home ("Needs attention"), the uploaded participant lists that wait for the coordinator to confirm them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections
from polku.imports.models import ImportBatch
from polku.imports.selectors import import_batch_list

HOME_ITEMS = 5


def home_imports_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    batches = list(
        import_batch_list(access=access)
        .filter(status=ImportBatch.Status.PREVIEW)
        .select_related("partner__organisation")
        .order_by("created_at")[: HOME_ITEMS + 1]
    )
    if not batches:
        return None
    return {
        "title": _("Imports waiting"),
        "count": len(batches),
        "help": _("Participant lists that have been checked and wait for you to confirm the import."),
        "items": [
            {
                "text": batch.filename,
                "href": reverse("imports:detail", args=[batch.pk]),
                "note": ngettext("%(n)d row", "%(n)d rows", len(batch.rows)) % {"n": len(batch.rows)}
                + ", "
                + date_format(timezone.localtime(batch.created_at), "SHORT_DATE_FORMAT"),
            }
            for batch in batches[:HOME_ITEMS]
        ],
        "more_href": reverse("imports:upload"),
        "more_label": _("Import participants"),
    }


def register() -> None:
    home_sections.register(
        "imports", template="components/attention.html", context=home_imports_section, order=50
    )
