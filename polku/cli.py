"""The `polku` command: a thin wrapper over Django's management commands.

`polku demo`, `polku serve`, `polku worker` are Polku's own; every other Django command works too
(`polku migrate`, `polku createsuperuser`, …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "polku"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
