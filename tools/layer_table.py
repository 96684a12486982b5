#!/usr/bin/env python3
"""docs/architecture.md's "Who may import whom", generated from the import-linter contracts.

The contracts in pyproject.toml (``[tool.importlinter]``) are the rules' one source: ``lint-imports``
checks the code against them, and this tool writes them as the table between the markers in
docs/architecture.md. tests/unit/test_architecture.py fails when the table and the contracts differ.

    python3 tools/layer_table.py           # rewrite the table
    python3 tools/layer_table.py --check   # exit 1 if the table is not what the contracts say
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
DOC = ROOT / "docs" / "architecture.md"
BEGIN = "<!-- layer table: generated from pyproject.toml [tool.importlinter] by tools/layer_table.py -->"
END = "<!-- layer table: end -->"
ROOT_PACKAGE = "selfreview."


def contracts(pyproject: Path = PYPROJECT) -> list[dict]:
    with pyproject.open("rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def _short(module: str) -> str:
    return module.removeprefix(ROOT_PACKAGE)


def _internal(module: str) -> bool:
    return module.startswith(ROOT_PACKAGE)


def _why(contract: dict) -> str:
    """A contract's name is "<id>: <why>"."""
    return contract["name"].split(": ", 1)[-1]


def _code(names) -> str:
    return ", ".join(f"`{n}`" for n in names)


def render(all_contracts: list[dict]) -> str:
    layers = next(c for c in all_contracts if c["type"] == "layers")
    forbidden = [c for c in all_contracts if c["type"] == "forbidden"]
    rows = [c for c in forbidden if all(_internal(m) for m in c["forbidden_modules"])]
    external = [c for c in forbidden if not any(_internal(m) for m in c["forbidden_modules"])]
    base = next(c for c in rows if c["id"] == "base")
    base_modules = [_short(m) for m in base["source_modules"]]
    packages = [_short(m) for c in rows if c is not base for m in c["source_modules"]]

    out = [BEGIN, "",
           "Layers, top to bottom (" + _why(layers) + "):", ""]
    for line in layers["layers"]:
        out.append("1. " + " · ".join(f"`{_short(m.strip())}`" for m in line.split("|")))
    out += ["", "Each row names what its package imports directly (`ui` reaches `db` through `services`):",
            "", "| layer | may import | must not import | why |", "|---|---|---|---|"]
    for c in rows:
        sources = [_short(m) for m in c["source_modules"]]
        banned = [_short(m) for m in c["forbidden_modules"]]
        if c is base:
            label = "top level: " + _code(sources)
            may = ["one another"]
        else:
            label = _code(sources)
            may = [f"`{p}`" for p in packages if p not in banned and p not in sources]
            if not any(b in base_modules for b in banned):
                may.append("the top level")
            else:
                may += [f"`{m}`" for m in base_modules if m not in banned]
        not_may = [f"`{b}`" for b in banned]
        for e in external:
            names = [_short(m) for m in e["forbidden_modules"]]
            if not any(m in c["source_modules"] for m in e["source_modules"]):
                may += names  # the packages it must not import are in the lines under the table
        exceptions = [i.replace(ROOT_PACKAGE, "").replace(" -> ", " → ").replace(".**", "")
                      for i in c.get("ignore_imports", [])]
        if exceptions:
            not_may.append("except " + _code(exceptions))
        out.append(f"| {label} | {', '.join(may) or 'the standard library only'} | {', '.join(not_may)} | "
                   f"{_why(c)} |")
    out.append("")
    for e in external:
        allowed = [p for p in packages + base_modules
                   if ROOT_PACKAGE + p not in e["source_modules"]]
        out.append(f"- {_code(_short(m) for m in e['forbidden_modules'])}: only in {_code(allowed)} "
                   f"({_why(e)}).")
    out += ["", END]
    return "\n".join(out)


def with_table(doc: str, table: str) -> str:
    start, end = doc.index(BEGIN), doc.index(END) + len(END)
    return doc[:start] + table + doc[end:]


def main(argv: list[str]) -> int:
    doc = DOC.read_text(encoding="utf-8")
    wanted = with_table(doc, render(contracts()))
    if "--check" in argv:
        if wanted != doc:
            print("docs/architecture.md: the layer table differs from the contracts; "
                  "run python3 tools/layer_table.py", file=sys.stderr)
            return 1
        return 0
    if wanted != doc:
        DOC.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
