"""The suite's own layout (docs/testing.md): every module under tests/ is imported by its bare name
(pyproject's ``pythonpath``), so file names are unique and there are no ``__init__.py`` files; no
test module imports another (what tests share lives in helper modules and conftest.py), so each
test file runs alone, under ``pytest`` as under ``python -m pytest``, on any xdist worker."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
MODULES = sorted(p for p in TESTS.rglob("*.py") if p.relative_to(TESTS).parts[0] not in ("fuzz_corpus", "data"))


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_test_module_imports_another_or_the_tests_package():
    found = {f"{p.relative_to(TESTS)} imports {name}" for p in MODULES for name in _imported(p)
             if name.split(".")[0].startswith("test_") or name.split(".")[0] in ("tests", "conftest")}
    assert found == set()


def test_module_names_are_unique_and_there_is_no_package():
    names = Counter(p.name for p in MODULES if p.name != "conftest.py")
    assert [name for name, n in names.items() if n > 1] == []
    assert [str(p.relative_to(TESTS)) for p in MODULES if p.name == "__init__.py"] == []
