"""Two imports of the same files at the same time (two PCs on one PostgreSQL server, two command-line
runs on one SQLite file) give one copy of each member and review, and receipts that say so: for
each file one ``imported`` and one ``already_present``. On SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from exchange_kit import NOW, identity, open_secretary, response
from selfreview.db.models import Member, Review
from selfreview.exchange.response import write_response
from selfreview.services.cells import MemberData
from selfreview.services.context import AppContext
from selfreview.services.importing.importer import Importer

pytestmark = pytest.mark.usefixtures("database")

NEW, LISTED = 24, 6  # members new to the roster; members on it without a key yet (their key is pinned)


@pytest.fixture
def inbox(tmp_path):
    sec = open_secretary(tmp_path / "d")
    files = tmp_path / "inbox"
    files.mkdir()
    for n in range(10, 10 + NEW + LISTED):
        name = f"Lê Văn Thành {n}"
        (files / f"a{n}.selfreview").write_bytes(write_response(identity(n), response(sec, identity(n), name=name),
                                                                NOW))
        if n >= 10 + NEW:
            sec.ctx.cells.add_member(sec.round.cell_id, MemberData(full_name=name, category="non_leader",
                                                                    date_of_birth=date(1980, 5, 17)))
    sec.ctx.close()
    return sec.data_dir, files


def _both_at_once(data_dir, files, monkeypatch, **kw) -> list[list]:
    """Two importers, each with its own engine, in two threads; neither writes its first batch
    before both have planned it (so both plan against the same roster: the race, every time)."""
    planned = threading.Barrier(2, timeout=30)
    real_flush = Importer._flush
    first = threading.local()

    def write_after_both_planned(self, batch, out):  # planned, not yet in a transaction
        if batch.items and not getattr(first, "done", False):
            first.done = True
            planned.wait()
        return real_flush(self, batch, out)

    monkeypatch.setattr(Importer, "_flush", write_after_both_planned)
    results: list[list] = [[], []]
    errors: list[BaseException] = []

    def run(slot: int) -> None:
        try:
            with AppContext.open(data_dir, daily_backup=False) as ctx:
                results[slot] = Importer(ctx, workers=0, **kw).run([files])
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)
            planned.abort()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


@pytest.mark.parametrize("batch_files", [200, 4])
def test_two_imports_at_once_keep_one_copy_with_honest_receipts(inbox, monkeypatch, batch_files):
    data_dir, files = inbox
    a, b = _both_at_once(data_dir, files, monkeypatch, batch_files=batch_files)
    assert len(a) == len(b) == NEW + LISTED
    for ra, rb in zip(a, b):
        assert ra.file_name == rb.file_name
        assert sorted((ra.outcome, rb.outcome)) == ["already_present", "imported"], (ra, rb)
        assert ra.review_id == rb.review_id is not None
    with AppContext.open(data_dir) as ctx:
        with ctx.read() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == NEW + LISTED
            assert s.scalar(select(func.count()).select_from(Review).where(Review.member_id.is_not(None))) \
                == NEW + LISTED
            current = s.execute(select(Review.member_id).where(Review.is_current, Review.member_id.is_not(None))).all()
            assert len(current) == len(set(current)) == NEW + LISTED
        (cell,) = ctx.cells.list_cells()
        members = ctx.cells.members(cell.id)
        assert len({m.full_name for m in members}) == len(members) == NEW + LISTED  # nobody twice on the roster
        receipts = ctx.exchange.receipts(None)
        assert sorted(r.outcome for r in receipts) == ["already_present"] * (NEW + LISTED) + ["imported"] * (NEW + LISTED)


def test_importing_again_after_the_race_finds_everything_present(inbox, monkeypatch):
    data_dir, files = inbox
    real_flush = Importer._flush
    _both_at_once(data_dir, files, monkeypatch)
    monkeypatch.setattr(Importer, "_flush", real_flush)
    with AppContext.open(data_dir) as ctx:
        again = Importer(ctx, workers=0).run([files])
    assert {r.outcome for r in again} == {"already_present"}, [(r.outcome, r.reason) for r in again][:2]


def test_a_lost_race_is_planned_again_not_refused(inbox, monkeypatch):
    """A single file whose write meets the other import's row is planned again (not refused as
    ``import.failed``): the one-file path after a batch conflict."""
    data_dir, files = inbox
    path = sorted(files.iterdir())[0]
    with AppContext.open(data_dir) as first, AppContext.open(data_dir) as second:
        late = Importer(second, workers=0)
        late.rounds.round_for(late_doc(late, path))  # loads the roster while it is still empty
        (done,) = Importer(first, workers=0).run([path])
        r = late.import_file(path)
    assert (done.outcome, r.outcome, r.review_id) == ("imported", "already_present", done.review_id)


def late_doc(importer, path):
    from selfreview.exchange.response import read_response
    return read_response(path.read_bytes(), importer.secretary, importer.secretary_enc)
