"""Settings for the test suite: the real settings with test-friendly environment defaults."""

import os

os.environ.setdefault("POLKU_DEBUG", "true")
os.environ.setdefault("POLKU_TASK_BACKEND", "immediate")
os.environ.setdefault("POLKU_SECURE_SSL", "false")
# One process: the quick in-memory cache. Tests of throttling across processes switch to
# POLKU_DATABASE_CACHE themselves (polku/accounts/tests/test_throttling.py).
os.environ.setdefault("POLKU_CACHE", "locmem")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests

# The audit log refuses TRUNCATE on PostgreSQL unless the session allows it (audit migration 0004); the
# test suite empties its test database with TRUNCATE after each transactional test.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c polku.audit_truncate=allowed"  # noqa: F405
