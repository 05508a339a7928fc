"""What the learning API's modules share: the OpenAPI tag, the language of texts in answers, and the
input of a CSV upload (a multipart file or the CSV text in JSON)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from polku.core.errors import ApplicationError

TAGS = ["learning"]


def response_language() -> str:
    """The two-letter code of the language of texts in the answer."""
    return (get_language() or "en")[:2]


class CsvImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text=_("The CSV file (multipart)"))
    csv = serializers.CharField(required=False, help_text=_("Or the CSV text itself (JSON)"))
    dry_run = serializers.BooleanField(default=True, help_text=_("Only check the rows"))


def csv_bytes(data: dict[str, Any]) -> bytes:
    """The uploaded file's bytes, or the CSV text as UTF-8."""
    if data.get("file") is not None:
        return data["file"].read()
    if data.get("csv"):
        return str(data["csv"]).encode("utf-8")
    raise ApplicationError(gettext("Send a CSV file."), field_errors={"file": [gettext("Send a CSV file.")]})
