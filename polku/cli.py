"""The `polku` command: a thin wrapper over Django's management commands.

`polku demo`, `polku serve`, `polku worker`, `polku schedule` are Polku's own; every other Django command
works too (`polku migrate`, `polku createsuperuser`, …). `polku match …` runs the matching engine
(polku.matching.cli) without Django;
`polku skills rank` and `polku occupations rank` run the ESCO skill ranker (polku.skills.cli), also without Django.
"""

from __future__ import annotations

import os
import sys

# Engines with no Django import answer their own subcommands, without Django being set up.
ENGINE_COMMANDS = {
    "match": "polku.matching.cli",
    "skills": "polku.skills.cli",
    "occupations": "polku.skills.cli_occupations",
    "plan": "polku.planning.cli",
}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    args[0] = "polku"
    if len(args) > 1 and args[1] in ENGINE_COMMANDS:
        import importlib

        engine = importlib.import_module(ENGINE_COMMANDS[args[1]])
        sys.exit(engine.main(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
