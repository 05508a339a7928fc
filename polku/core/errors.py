"""The one error type of business rules, shown the same way in pages, the API and the CLI."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError


class ApplicationError(Exception):
    """A rule of the domain was broken; `message` is already translated for the user.

    `field_errors` maps form/API field names to lists of messages, when the error belongs to fields.
    """

    def __init__(self, message: str, *, field_errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field_errors = field_errors or {}


class AccessDenied(PermissionDenied):
    """The actor may not see or change this object. Rendered as 403 (or 404 where existence is private)."""


def field_errors_from(error: ValidationError) -> dict[str, list[str]]:
    """A model's ValidationError (from full_clean) as ApplicationError field errors.

    Errors that belong to no field go under "non_field_errors", the name forms and DRF use.
    """
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": list(error.messages)}
    return {
        ("non_field_errors" if name == NON_FIELD_ERRORS else name): list(messages)
        for name, messages in error.message_dict.items()
    }
