"""The layers of docs/architecture.md: who may import whom.

The rules are import-linter contracts in pyproject.toml (``lint-imports`` checks them, and
``python3 dev.py test`` runs it first). These tests keep the contracts whole (every package and
top-level module has its rule), keep the table in docs/architecture.md what the contracts say, and run
the check under plain pytest too.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "selfreview"
sys.path.insert(0, str(ROOT / "tools"))

import layer_table  # noqa: E402  (tools/ is not a package)


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.rglob("*.py"))


def selfreview_parts() -> set[str]:
    """Every package and top-level module of selfreview, as import-linter names them."""
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    return {"selfreview." + name for name in packages | modules}


def by_id() -> dict[str, dict]:
    return {c["id"]: c for c in layer_table.contracts()}


def test_every_package_and_module_has_its_rule():
    parts = selfreview_parts()
    assert {"selfreview.ui", "selfreview.services", "selfreview.exchange", "selfreview.text"} <= parts
    contracts = by_id()
    where = "pyproject.toml [tool.importlinter], then python3 tools/layer_table.py"
    layered = {m.strip() for line in contracts["layers"]["layers"] for m in line.split("|")}
    assert layered == parts, f"each package and top-level module on one line of the layers: {where}"
    rows = [c for c in contracts.values()
            if c["type"] == "forbidden" and all(m.startswith("selfreview.") for m in c["forbidden_modules"])]
    sources = [m for c in rows for m in c["source_modules"]]
    assert sorted(sources) == sorted(parts), f"each in exactly one row of the table: {where}"
    assert set(contracts["qt"]["source_modules"]) == parts - {"selfreview.ui"}, f"Qt only in ui: {where}"


def test_every_folder_of_code_is_a_package():
    """A folder without __init__.py is a namespace package, which import-linter does not see."""
    folders = {f.parent for f in modules_under("")} - {PACKAGE}
    assert folders
    assert sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists()) == []


def test_the_table_is_what_the_contracts_say():
    doc = layer_table.DOC.read_text(encoding="utf-8")
    assert layer_table.BEGIN in doc
    assert layer_table.with_table(doc, layer_table.render(layer_table.contracts())) == doc, \
        "run python3 tools/layer_table.py"


def test_the_code_keeps_the_contracts():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is in the test extra"
    done = subprocess.run([lint, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.parametrize("probe,code,broken", [
    ("rating/probe.py", "import selfreview.db\n", "selfreview.rating is not allowed to import selfreview.db"),
    ("ui/probe.py", "from ..db import engine\n", "selfreview.ui is not allowed to import selfreview.db"),
    ("services/probe.py", "def later():\n    import PySide6\n", "is not allowed to import PySide6"),
])
def test_the_contracts_catch_a_forbidden_import(tmp_path, probe, code, broken):
    """The same contracts on a copy of the code with one forbidden import (relative, or inside a
    function, too) break."""
    shutil.copytree(PACKAGE, tmp_path / "selfreview", ignore=shutil.ignore_patterns("__pycache__", "resources"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "selfreview" / probe).write_text(code, encoding="utf-8")
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    done = subprocess.run([lint, "--no-cache", "--no-logo"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert broken in done.stdout


def test_nothing_outside_db_assumes_sqlite():
    hits = []
    for f in modules_under(""):
        rel = f.relative_to(PACKAGE)
        if rel.parts[0] == "db":
            continue
        text = f.read_text(encoding="utf-8")
        if "sqlite3" in text or "sqlite:///" in text or "PRAGMA" in text:
            hits.append(str(rel))
    assert hits == []
