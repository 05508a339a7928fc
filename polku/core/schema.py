"""The error answers every API operation can give, documented once for the whole schema.

Every route may answer 400 (bad input, or a request Polku refuses outright, such as a NUL byte in it),
403 (not signed in, or not allowed) and 404 (nothing the reader may see there). The views raise these
through DRF and `polku.core.api.exception_handler`, whose bodies are `{"detail": "…"}`, and for bad input
also one list of messages per field. A drf-spectacular post-processing hook adds them to each operation
that does not document them itself, so that the schema describes every answer the API gives.
The schema class below keeps the answers of a POST, PATCH or DELETE unpaginated, and lets a read-only
choice that may be blank be "".
"""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


class AutoSchema(SpectacularAutoSchema):
    """Only a GET is paginated: a view with `pagination_class` pages its list, and a POST of the same view
    that answers with the rows it created returns them as a plain list (drf-spectacular would describe
    every list answer of such a view as a page)."""

    def _get_paginator(self):
        return super()._get_paginator() if self.method == "GET" else None

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """A read-only choice of a model field that may be blank can be "" (DRF drops `allow_blank` from
        read-only fields, so the schema would allow only the choices)."""
        choice = isinstance(field, serializers.ChoiceField) and field.read_only and not field.allow_blank
        if choice and _model_field_may_be_blank(field):
            field = copy.copy(field)
            field.allow_blank = True
        return super()._map_serializer_field(field, direction, bypass_extensions)


def _model_field_may_be_blank(field: serializers.Field) -> bool:
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source:
        return False
    try:
        return bool(model._meta.get_field(field.source).blank)
    except FieldDoesNotExist:
        return False


ERROR = "Error"
VALIDATION_ERROR = "ValidationError"

COMPONENTS: dict[str, dict[str, Any]] = {
    ERROR: {
        "type": "object",
        "properties": {
            "detail": {"type": "string", "description": "What went wrong, in the reader's language"}
        },
        "required": ["detail"],
    },
    VALIDATION_ERROR: {
        "type": "object",
        "description": "`detail` for the request as a whole, and a list of messages per field that was wrong",
        "properties": {"detail": {"type": "string"}},
        "additionalProperties": {},
    },
}

ANSWERS = {
    "400": (VALIDATION_ERROR, _("Bad input: the fields and what is wrong with each")),
    "403": (ERROR, _("Not signed in, or not allowed to do this")),
    "404": (ERROR, _("Nothing here that the reader may see")),
}


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in COMPONENTS.items():
        schemas.setdefault(name, schema)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, (component, description) in ANSWERS.items():
                responses.setdefault(
                    status,
                    {
                        "description": str(description),
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}
                        },
                    },
                )
    return result
