"""The layers of docs/architecture.md, checked on the source: who may import whom."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "selfreview"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.rglob("*.py"))


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for f in files:
        for name in imports_of(f):
            if any(name == fb or name.startswith(fb + ".") for fb in forbidden):
                out.append(f"{f.relative_to(PACKAGE.parent)} imports {name}")
    return out


def test_no_qt_outside_ui():
    files = [f for f in modules_under("") if "ui" not in f.relative_to(PACKAGE).parts[:1]]
    assert len(files) > 20
    assert violations(files, ("PySide6", "shiboken6", "PyQt5", "PyQt6")) == []


@pytest.mark.parametrize("layer,forbidden", [
    ("db", ("selfreview.services", "selfreview.ui", "selfreview.cli", "selfreview.reports", "selfreview.exchange")),
    ("forms", ("selfreview.db", "selfreview.services", "selfreview.ui", "selfreview.cli")),
    ("rating", ("selfreview.db", "selfreview.services", "selfreview.ui", "selfreview.cli", "selfreview.forms")),
    ("reports", ("selfreview.db", "selfreview.ui", "selfreview.cli", "sqlalchemy")),
    ("services", ("selfreview.ui", "selfreview.cli")),
])
def test_layer_imports(layer, forbidden):
    files = modules_under(layer)
    assert files, f"no modules in {layer}"
    assert violations(files, forbidden) == []


def test_ui_reaches_data_only_through_services():
    files = modules_under("ui")
    if not files:  # the ui package always exists; an empty one would make this test vacuous
        pytest.fail("selfreview/ui has no modules")
    assert violations(files, ("selfreview.db", "sqlalchemy")) == []


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
