"""The architecture document and the code say the same thing.

`make test` runs import-linter on `.importlinter` (the order of the house); these tests keep
docs/architecture.md true to that contract and to the code: the order it draws, the apps its layout
lists, every import inside a function saying why it is there, and every environment variable the code
reads being in the settings table.
"""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

from config.env import SCHEMA

ROOT = Path(__file__).resolve().parents[3]
POLKU = ROOT / "polku"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
ORDER_MARK = "<!-- the order of the house: the same layers as .importlinter, top to bottom -->"


def _contract() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(comment_prefixes=(";",), inline_comment_prefixes=None)
    parser.read(ROOT / ".importlinter")
    return parser


def _short(line: str) -> str:
    parts = [part.strip().removeprefix("polku.") for part in re.split(r"\s*([|:])\s*", line.strip())]
    return " ".join(parts)


def contract_layers() -> list[str]:
    raw = _contract()["importlinter:contract:layers"]["layers"]
    return [_short(line) for line in raw.strip().splitlines() if line.strip()]


def document_layers() -> list[str]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert ORDER_MARK in text, f"docs/architecture.md has lost the marker {ORDER_MARK!r}"
    block = text.split(ORDER_MARK, 1)[1].split("```", 2)[1]
    lines = [line.strip() for line in block.splitlines()[1:]]  # the first line names the fence's language
    return [_short(line.split("  ")[0]) for line in lines if line and not line.startswith(("↓", "#"))]


def test_the_document_draws_the_order_of_the_import_contract():
    assert document_layers() == contract_layers()


def polku_packages() -> set[str]:
    return {p.parent.name for p in POLKU.glob("*/__init__.py")}


def test_every_app_and_engine_is_in_the_contract_or_named_outside_it():
    contract = _contract()
    in_layers = {name for line in contract_layers() for name in re.split(r" [|:] ", line)}
    engines = {
        line.strip().removeprefix("polku.")
        for line in contract["importlinter:contract:engines"]["source_modules"].splitlines()
        if line.strip()
    }
    outside = {"testing", "formats"}  # factories for tests; Django's locale format modules
    assert polku_packages() - in_layers - engines - outside == set()


def test_the_layout_lists_every_package():
    layout = ARCHITECTURE.read_text(encoding="utf-8").split("## Layout", 1)[1].split("## ", 1)[0]
    listed = set(re.findall(r"^  ([a-z_]+)/", layout, flags=re.M))
    assert polku_packages() - listed == set(), "docs/architecture.md's layout omits these packages"
    assert listed - polku_packages() - {"templates"} == set(), "the layout lists packages that do not exist"


def _source_files() -> list[Path]:
    return [
        path
        for path in POLKU.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts and "testing" not in path.parts
    ]


def _comment_above(lines: list[str], index: int) -> bool:
    """A comment on the line above the block of import lines that this one belongs to."""
    index -= 1
    while index >= 0 and lines[index].strip().startswith(("from ", "import ")):
        index -= 1
    return index >= 0 and lines[index].strip().startswith("#")


def imports_inside_functions() -> list[tuple[str, int, str, bool]]:
    """(file, line, module, has a reason) for every import of a Polku module inside a function."""
    found = []
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom):
                    module = inner.module or ""
                elif isinstance(inner, ast.Import):
                    module = inner.names[0].name
                else:
                    continue
                if not (module == "polku" or module.startswith("polku.")):
                    continue
                reason = "#" in lines[inner.lineno - 1] or _comment_above(lines, inner.lineno - 1)
                found.append((str(path.relative_to(ROOT)), inner.lineno, module, reason))
    return found


def test_every_import_inside_a_function_says_why():
    silent = [
        f"{file}:{line} {module}" for file, line, module, reason in imports_inside_functions() if not reason
    ]
    assert silent == [], (
        "an import inside a function needs a one-line comment saying why it is not at the top"
    )


ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|os\.environ\[|env)\(?\s*["'](POLKU_[A-Z_]+|[A-Z]+_URL)["']"""
)
# Read by the process before Django's settings exist, so not settings of Polku's.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


def test_every_environment_variable_the_code_reads_is_in_the_settings_table():
    files = [*_source_files(), *(ROOT / "config").glob("*.py")]
    read = {name for path in files for name in ENV_READ.findall(path.read_text(encoding="utf-8"))}
    read |= {
        name
        for path in files
        for name in re.findall(r"""_ENV\s*=\s*["'](POLKU_[A-Z_]+)["']""", path.read_text(encoding="utf-8"))
    }
    assert read - set(SCHEMA) - NOT_SETTINGS == set()
