"""Fixtures for sign-in tests: allauth keeps rate limits and used TOTP codes in the cache."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters and used TOTP codes live in the cache; no test may see another's."""
    cache.clear()
    yield
    cache.clear()
