"""Page role rows of registrations (merged in page_roles.py)."""

from typing import Any

PAGES: dict[str, Any] = {}
POSTS: dict[str, Any] = {}
