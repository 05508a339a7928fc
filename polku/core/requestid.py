"""The id of the request being served, for log lines, the error page and error reports.

`RequestIdMiddleware` (polku.core.middleware) sets it for each request; `RequestIdFilter` puts it on
every log record (as `request_id`, "-" outside a request); `init_sentry` turns on Sentry-compatible error
reporting with the id as a tag. Imported by the settings, so nothing here imports Django's models.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar
from typing import Any

import sentry_sdk

current_request_id: ContextVar[str] = ContextVar("polku_request_id", default="")

# An id a proxy in front of Polku may hand over: letters, digits, dot, dash, underscore; 8 to 64 long.
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id_for(incoming: str) -> str:
    """The incoming X-Request-ID when it is well-formed, otherwise a new id."""
    return incoming if WELL_FORMED.fullmatch(incoming) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get() or "-"
        return True


def _tag_request_id(event: Any, _hint: Any) -> Any:
    request_id = current_request_id.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_sentry(*, dsn: str, environment: str) -> None:
    """Send unhandled errors to a Sentry-compatible service. No personal data: no user, cookies or IP
    address (send_default_pii off), no request bodies and no local variables of the failing frames (they
    hold participants' data); the request id ties a report to the log line and the error page."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=0.0,
        before_send=_tag_request_id,
    )
