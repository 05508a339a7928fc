"""`polku match assign|groups|schedule|rounds|talent [FILE]`: JSON in (FILE or standard input), JSON out.

assign: mentor–mentee pairs with capacities; groups: diverse peer groups; schedule: meetings of an
event into slots and tables; rounds: networking rounds of breakout groups without repeated pairs;
succession: business-transfer listings and successors, both ways, with reasons.
contacts: suggested contacts of the community network, with reasons.
talent: employers' talent needs against candidates, both ways, with reasons (and placements).

Input that cannot be solved as given gets one clear line on standard error and exit code 2, never a
traceback. No Django is set up.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any, NoReturn

from polku.matching.errors import InvalidInput

ENGINES = {
    "assign": "polku.matching.assignment",
    "groups": "polku.matching.groups",
    "schedule": "polku.matching.schedule",
    "rounds": "polku.matching.rounds",
    "succession": "polku.matching.succession",
    "contacts": "polku.matching.contacts",
    "talent": "polku.matching.talent",
}

USAGE = "usage: polku match {assign,contacts,groups,rounds,schedule,succession,talent} [FILE] [--time-limit SECONDS]"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise InvalidInput(f"{message}\n{USAGE}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="polku match",
        description=(
            "Matching engine: mentor–mentee assignment with capacities, peer groups, an event's "
            "meeting schedule, networking rounds, or business-transfer listings against successors."
        ),
    )
    parser.add_argument(
        "engine",
        choices=sorted(ENGINES),
        help=(
            "assign: pairs with capacities; groups: peer groups; schedule: meetings into slots and "
            "tables; rounds: breakout groups round after round; succession: listings and successors; "
            "contacts: suggested contacts with reasons; "
            "talent: talent needs and candidates"
        ),
    )
    parser.add_argument("file", nargs="?", default="-", help="JSON input (default: standard input)")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="seconds for the search: the maxmin threshold search (assign), the schedule search "
        "(schedule, default 4) or the rounds search (rounds, default 5); groups takes time_limit in its input",
    )
    return parser


def _read(path: str) -> Any:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"bad JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InvalidInput("bad JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise InvalidInput(f"bad JSON: {exc}") from None


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.time_limit is not None and not args.time_limit > 0:
            raise InvalidInput("--time-limit must be a positive number of seconds")
        data = _read(args.file)
        try:
            engine = importlib.import_module(ENGINES[args.engine])
        except ModuleNotFoundError as exc:
            if exc.name != ENGINES[args.engine]:
                raise
            raise InvalidInput(f"the {args.engine} engine is not installed in this version") from None
        if args.engine == "assign":
            problem = engine.parse(data)
            for note in engine.notes(problem):
                print(f"note: {note}", file=sys.stderr)
            out = engine.result_json(engine.solve(problem, time_limit=args.time_limit))
        elif args.engine in ("schedule", "rounds"):
            out = engine.run_json(data, time_limit=args.time_limit)
        else:
            out = engine.run_json(data)
    except InvalidInput as exc:
        print(f"polku match: {exc}", file=sys.stderr)
        return 2
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
