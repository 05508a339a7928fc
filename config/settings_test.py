"""Settings for the test suite: the real settings with test-friendly environment defaults."""

import os

os.environ.setdefault("POLKU_DEBUG", "true")
os.environ.setdefault("POLKU_TASK_BACKEND", "immediate")
os.environ.setdefault("POLKU_SECURE_SSL", "false")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests
