"""An optional check of a Finnish business ID against the business register's open data (PRH, the
YTJ open-data API v3), behind the setting POLKU_PRH_CHECK (off by default: Polku works with no network).

`lookup(business_id)` gives `Found` (the registered name), `NOT_FOUND` (the register answered that it has
no such company), or None (the check is off, or the register did not answer within POLKU_HTTP_TIMEOUT
seconds: the company is recorded anyway, unchecked).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Final

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    business_id: str
    name: str
    checked_at: dt.datetime


class _NotFound:
    def __repr__(self) -> str:
        return "NOT_FOUND"


NOT_FOUND: Final = _NotFound()


def fetch(url: str, timeout: float) -> Any:
    """The JSON at `url` (replaced in tests by recorded responses)."""
    if not url.startswith("https://"):
        raise ValueError("the PRH address must be an https URL")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 (https only)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return json.load(response)


def parse(data: Any, business_id: str) -> Found | _NotFound:
    """The register's answer: the company's current name (the name row without an end date)."""
    for company in (data or {}).get("companies") or []:
        if (company.get("businessId") or {}).get("value") != business_id:
            continue
        names = [n for n in company.get("names") or [] if not n.get("endDate")]
        names.sort(key=lambda n: (str(n.get("type")) != "1", n.get("version", 0)))
        name = names[0]["name"] if names else ""
        return Found(business_id=business_id, name=name, checked_at=timezone.now())
    return NOT_FOUND


def lookup(business_id: str) -> Found | _NotFound | None:
    if not settings.POLKU_PRH_CHECK:
        return None
    url = f"{settings.POLKU_PRH_URL}?{urllib.parse.urlencode({'businessId': business_id})}"
    try:
        data = fetch(url, settings.POLKU_HTTP_TIMEOUT)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return NOT_FOUND
        logger.warning("PRH check of %s failed: HTTP %s", business_id, error.code)
        return None
    except (OSError, ValueError) as error:  # no network, a timeout, or not JSON
        logger.warning("PRH check of %s failed: %s", business_id, error)
        return None
    return parse(data, business_id)
