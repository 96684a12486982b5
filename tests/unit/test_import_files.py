"""The files an import takes from a folder: which, and in what order (the receipts' order)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfreview.services.importing.files import expand

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


def _tree(root: Path) -> None:
    for rel in ("b.selfreview", "A.selfreview", "a.SELFREVIEW", "notes.txt", "x.selfreview.bak", ".hidden.selfreview",
                ".selfreview", "..selfreview", "Chi bộ 2/Nguyễn Văn Á.selfreview", "Chi bộ 2/đ.selfreview",
                "Chi bộ 10/z.selfreview", "sub/deeper/y.selfreview", "sub/a b.selfreview",
                "c/z.selfreview", "c d/z.selfreview"):  # "c d/…" sorts before "c/…" as text, after as a path
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (root / "folder.selfreview").mkdir()  # a folder, not a file


def test_a_folder_gives_its_response_files_sorted_as_paths_sort(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = expand([tmp_path])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == [p.relative_to(tmp_path).as_posix() for p in sorted(found)]  # pathlib's order
    assert set(names) == {"..selfreview", ".hidden.selfreview", "A.selfreview", "Chi bộ 10/z.selfreview",
                          "Chi bộ 2/Nguyễn Văn Á.selfreview", "Chi bộ 2/đ.selfreview", "a.SELFREVIEW", "b.selfreview",
                          "sub/a b.selfreview", "sub/deeper/y.selfreview",
                          "c/z.selfreview", "c d/z.selfreview"}
    assert names.index("c/z.selfreview") < names.index("c d/z.selfreview")
    assert all(isinstance(p, Path) and p.is_absolute() for p in found)


def test_named_files_are_taken_as_they_are_in_the_order_given(tmp_path: Path) -> None:
    _tree(tmp_path)
    given = [tmp_path / "notes.txt", tmp_path / "b.selfreview"]
    assert expand(given + [tmp_path / "sub"]) == given + [tmp_path / "sub/a b.selfreview",
                                                          tmp_path / "sub/deeper/y.selfreview"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_linked_files_are_taken_linked_folders_and_dangling_links_are_not(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "link.selfreview").symlink_to(tmp_path / "b.selfreview")
    (tmp_path / "dangling.selfreview").symlink_to(tmp_path / "missing")
    (tmp_path / "linked-folder").symlink_to(tmp_path / "sub", target_is_directory=True)
    names = {p.relative_to(tmp_path).as_posix() for p in expand([tmp_path])}
    assert "link.selfreview" in names
    assert "dangling.selfreview" not in names
    assert not any(n.startswith("linked-folder/") for n in names)
