"""Page role rows of meetings (merged in page_roles.py)."""

from typing import Any

PAGES: dict[str, Any] = {}
POSTS: dict[str, Any] = {}
