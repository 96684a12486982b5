"""The bad-file tests' inbox: a secretary's folder that has already imported one member's file
(revision 2 of Nguyễn Thị Hằng), and the writing of one case of the corpus (``inbox`` fixture:
tests/unit/conftest.py; test_import_bad_files.py, test_import_validity.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exchange_kit import NOW, Secretary, identity, open_secretary, response
from selfreview.exchange.envelope import MAX_FILE_BYTES
from selfreview.exchange.response import write_response


@dataclass
class Inbox:
    sec: Secretary
    tmp: Path
    known_doc: object  # Nguyễn Thị Hằng's revision 2, already imported
    known_file: Path

    def good(self, **kw):
        """A valid file from a member not yet seen (Trần Văn Đức), and its document."""
        doc = response(self.sec, identity(2), name="Trần Văn Đức", **kw)
        return write_response(identity(2), doc, NOW), doc


def open_inbox(tmp_path: Path) -> Inbox:
    sec = open_secretary(tmp_path / "secretary")
    known = response(sec, identity(1), revision=2)
    path = tmp_path / "known-v2.selfreview"
    path.write_bytes(write_response(identity(1), known, NOW))
    (first,) = sec.ctx.exchange.import_paths([path])
    assert first.outcome == "imported"
    return Inbox(sec, tmp_path, known, path)


def write_case(ib, make) -> Path:
    path = ib.tmp / f"{make.__name__}.selfreview"
    data = make(ib)
    if data is None:
        with path.open("wb") as f:
            f.truncate(MAX_FILE_BYTES + 1)
    else:
        path.write_bytes(data)
    return path
