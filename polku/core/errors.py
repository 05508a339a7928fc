"""The one error type of business rules, shown the same way in pages, the API and the CLI."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


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
