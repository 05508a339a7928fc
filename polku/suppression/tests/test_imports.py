"""The engine stays below everything: importing it loads neither Django nor any Polku app."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_engine_imports_nothing_of_django_or_polku_apps():
    code = (
        "import sys, polku.suppression, polku.suppression.rules, polku.suppression.tables, "
        "polku.suppression.figures\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('polku.') and not m.startswith('polku.suppression'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code
