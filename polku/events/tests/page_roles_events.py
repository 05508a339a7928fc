"""Page role rows of events (merged in page_roles.py)."""

from typing import Any

PAGES: dict[str, Any] = {}
POSTS: dict[str, Any] = {}
