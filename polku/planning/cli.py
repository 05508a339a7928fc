"""`polku plan gap [FILE]` and `polku plan recommend [FILE]`: one JSON document in (FILE or standard
input), JSON out. No Django is set up. Input that cannot be planned as given gets one line on standard
error and exit code 2, never a traceback.

The documents (docs/planning.md has examples):

    gap:        {"target": [{"uri", "essential", "label"?}], "have": [uri, …], "taxonomy": TAXONOMY?}
    recommend:  {"gap": <a gap document's output> | "target"+"have" as above,
                 "opportunities": [{"id", "skills", "hours", "cost"?, "languages"?, "mode"?, "starts"?,
                                    "ends"?}],
                 "learner": {"languages", "mode"?, "today"?, "max_cost"?},
                 "taxonomy": TAXONOMY?, "include_optional"?: true, "time_limit_s"?: 2.0,
                 "max_hours"?: null, "method"?: "exact" | "greedy"}
    TAXONOMY:   {"broader": {uri: [uri, …]}, "related"?: {uri: [uri, …]}, "groups"?: [uri, …]} or
                "esco" (the shipped ESCO v1.1.1 broader relations and skill groups, polku/skills/data/)
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from typing import Any, NoReturn

from polku.planning.errors import InvalidInput
from polku.planning.esco import esco_taxonomy
from polku.planning.gap import analyse_gap
from polku.planning.model import (
    Gap,
    GapItem,
    Learner,
    Opportunity,
    Recommendation,
    TargetSkill,
    Taxonomy,
)
from polku.planning.recommend import recommend

USAGE = "usage: polku plan {gap,recommend} [FILE]"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise InvalidInput(f"{message}\n{USAGE}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="polku plan", description="Planning engine: skill gap and least-effort learning plan."
    )
    parser.add_argument("engine", choices=("gap", "recommend"), help="gap: gap analysis; recommend: a plan")
    parser.add_argument("file", nargs="?", default="-", help="JSON input (default: standard input)")
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
    except (RecursionError, ValueError) as exc:
        raise InvalidInput(f"bad JSON: {exc}") from None


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(f"{what} must be a JSON object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidInput(f"{what} must be a JSON array")
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidInput(f"{what} must be a non-empty string")
    return value


def _uris(value: Any, what: str) -> tuple[str, ...]:
    return tuple(_str(v, f"each of {what}") for v in _list(value, what))


def _date(value: Any, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(_str(value, what))
    except ValueError:
        raise InvalidInput(f"{what} must be a date as YYYY-MM-DD") from None


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(f"{what} must be a number")
    return float(value)


def _levels(value: Any, what: str) -> dict[str, str]:
    return {str(k): _str(v, f"the level in {what}") for k, v in _obj(value, what).items()}


def parse_taxonomy(value: Any) -> Taxonomy | None:
    if value is None:
        return None
    if value == "esco":
        return esco_taxonomy()
    value = _obj(value, "taxonomy")
    maps = {}
    for key in ("broader", "related"):
        raw = _obj(value.get(key, {}), f"taxonomy.{key}")
        maps[key] = {
            _str(k, f"a key of taxonomy.{key}"): _uris(v, f"taxonomy.{key}[{k}]") for k, v in raw.items()
        }
    groups = frozenset(_uris(value.get("groups", []), "taxonomy.groups"))
    return Taxonomy(broader=maps["broader"], related=maps["related"], groups=groups)


def parse_target(value: Any) -> list[TargetSkill]:
    out = []
    for i, raw in enumerate(_list(value, "target")):
        raw = _obj(raw, f"target[{i}]")
        essential = raw.get("essential", True)
        if not isinstance(essential, bool):
            raise InvalidInput(f"target[{i}].essential must be true or false")
        label = raw.get("label", "")
        out.append(
            TargetSkill(uri=_str(raw.get("uri"), f"target[{i}].uri"), essential=essential, label=str(label))
        )
    return out


def parse_gap(value: Any) -> Gap:
    value = _obj(value, "gap")
    items = []
    for i, raw in enumerate(_list(value.get("items"), "gap.items")):
        raw = _obj(raw, f"gap.items[{i}]")
        status = raw.get("status")
        if status not in ("covered", "partial", "missing"):
            raise InvalidInput(f"gap.items[{i}].status must be covered, partial or missing")
        items.append(
            GapItem(
                uri=_str(raw.get("uri"), f"gap.items[{i}].uri"),
                label=str(raw.get("label", "")),
                essential=bool(raw.get("essential", True)),
                status=status,
                covered_by=_uris(raw.get("covered_by", []), f"gap.items[{i}].covered_by"),
                reason=str(raw.get("reason", "")),
                priority=_number(raw.get("priority", 0.0), f"gap.items[{i}].priority"),
            )
        )
    return Gap(
        items=tuple(items),
        essential_total=sum(1 for i in items if i.essential),
        essential_covered=sum(1 for i in items if i.essential and i.status == "covered"),
        optional_total=sum(1 for i in items if not i.essential),
        optional_covered=sum(1 for i in items if not i.essential and i.status == "covered"),
    )


def parse_opportunities(value: Any) -> list[Opportunity]:
    out = []
    for i, raw in enumerate(_list(value, "opportunities")):
        raw = _obj(raw, f"opportunities[{i}]")
        what = f"opportunities[{i}]"
        out.append(
            Opportunity(
                id=_str(raw.get("id"), f"{what}.id"),
                skills=frozenset(_uris(raw.get("skills", []), f"{what}.skills")),
                hours=_number(raw.get("hours"), f"{what}.hours"),
                cost=_number(raw.get("cost", 0.0), f"{what}.cost"),
                languages=_levels(raw.get("languages", {}), f"{what}.languages"),
                mode=_str(raw.get("mode", "online"), f"{what}.mode"),
                starts=_date(raw.get("starts"), f"{what}.starts"),
                ends=_date(raw.get("ends"), f"{what}.ends"),
            )
        )
    return out


def parse_learner(value: Any) -> Learner:
    value = _obj(value, "learner")
    mode = value.get("mode")
    max_cost = value.get("max_cost")
    return Learner(
        languages=_levels(value.get("languages", {}), "learner.languages"),
        mode=None if mode is None else _str(mode, "learner.mode"),
        today=_date(value.get("today"), "learner.today"),
        max_cost=None if max_cost is None else _number(max_cost, "learner.max_cost"),
    )


def gap_json(gap: Gap) -> dict[str, Any]:
    return {
        "items": [asdict(item) for item in gap.items],
        "essential_total": gap.essential_total,
        "essential_covered": gap.essential_covered,
        "optional_total": gap.optional_total,
        "optional_covered": gap.optional_covered,
    }


def recommendation_json(rec: Recommendation) -> dict[str, Any]:
    return asdict(rec)


def run_gap(data: Any) -> dict[str, Any]:
    data = _obj(data, "the input")
    taxonomy = parse_taxonomy(data.get("taxonomy")) or Taxonomy(broader={})
    gap = analyse_gap(
        target=parse_target(data.get("target")), have=_uris(data.get("have", []), "have"), taxonomy=taxonomy
    )
    return gap_json(gap)


def run_recommend(data: Any) -> dict[str, Any]:
    data = _obj(data, "the input")
    taxonomy = parse_taxonomy(data.get("taxonomy"))
    if "gap" in data:
        gap = parse_gap(data["gap"])
    else:
        gap = analyse_gap(
            target=parse_target(data.get("target")),
            have=_uris(data.get("have", []), "have"),
            taxonomy=taxonomy or Taxonomy(broader={}),
        )
    include_optional = data.get("include_optional", True)
    if not isinstance(include_optional, bool):
        raise InvalidInput("include_optional must be true or false")
    rec = recommend(
        gap=gap,
        opportunities=parse_opportunities(data.get("opportunities", [])),
        learner=parse_learner(data.get("learner", {})),
        taxonomy=taxonomy,
        include_optional=include_optional,
        time_limit_s=_number(data.get("time_limit_s", 2.0), "time_limit_s"),
        max_hours=None if data.get("max_hours") is None else _number(data["max_hours"], "max_hours"),
        method=_str(data.get("method", "exact"), "method"),
    )
    return recommendation_json(rec)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        data = _read(args.file)
        out = run_gap(data) if args.engine == "gap" else run_recommend(data)
    except InvalidInput as exc:
        lines = str(exc).splitlines() or ["bad input"]
        print(f"polku plan: {lines[0]}", file=sys.stderr)
        return 2
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0
