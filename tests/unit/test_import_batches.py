"""Checked file by file, written batch by batch (services/importing/importer.py): the database ends up exactly
as with one transaction per file, a file that depends on one still waiting is not misjudged, a batch
that fails is imported again one file at a time, a cancel or a storage error keeps what was
checked before it, and the checks give the same answers in worker processes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from answers_2b import complete_2b
from exchange_kit import NOW, body_of, forge, identity, open_secretary, response
from selfreview.exchange.response import TemplateRef, write_response
from selfreview.forms import canonical_json, registry, template_from_data, template_hash
from selfreview.messages import msg
from selfreview.services.importing import importer
from selfreview.services.importing import workers as check_workers
from selfreview.services.importing import write as writing
from selfreview.services.importing.files import expand
from selfreview.services.context import AppContext
from selfreview.services.importing.importer import Importer
from selfreview.services.safety import DiskFull
from pg_server import sqlite_only

# SQLite only: compares the SQLite file's rows before and after (the batches on PostgreSQL: test_concurrent_import.py, test_import_bad_files.py)
pytestmark = sqlite_only

# columns that hold the moment of the import (they differ between two imports of the same files)
VOLATILE = {"member": {"created_at"}, "review": {"submitted_at"}, "answer": {"updated_at"},
            "import_receipt": {"created_at"}, "audit_log": {"at"}, "stored_template": {"created_at"}}
TABLES = ("member", "review", "answer", "import_receipt", "audit_log", "stored_template")


def state(data_dir: Path) -> dict[str, list[tuple]]:
    """Every row of the tables an import writes, without the import's timestamps."""
    con = sqlite3.connect(data_dir / "selfreview.db")
    try:
        out = {}
        for t in TABLES:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in VOLATILE[t]]
            out[t] = con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall()
        return out
    finally:
        con.close()


def local_form():
    """A form that is not bundled (2B under another id), carried inside the files that use it."""
    body = json.loads(canonical_json(registry.find("hd43-2025-2b").template))
    body["id"], body["title"]["vi"] = "local-2b", "BẢN KIỂM ĐIỂM (mẫu của chi bộ)"
    template = template_from_data(body, "local-2b")
    return TemplateRef(template.id, template.version, template_hash(template)), body


@pytest.fixture
def inbox(tmp_path):
    """A secretary's data directory (closed) and a folder of files: new members, a second revision
    of one of them, a duplicate, bad files, files that share a form carried inside them."""
    sec = open_secretary(tmp_path / "secretary")
    files = tmp_path / "inbox"
    files.mkdir()

    def put(name: str, data: bytes) -> None:
        (files / f"{name}.selfreview").write_bytes(data)

    for n in range(10, 40):
        put(f"a{n:02d}", write_response(identity(n), response(sec, identity(n), name=f"Lê Văn Thành {n}"), NOW))
    # a member's second revision, and the same file twice, each right after the first (names sort after it)
    put("a12w2", write_response(identity(12), replace(response(sec, identity(12), name="Lê Văn Thành 12"),
                                                       revision=2, answers={**complete_2b(), "a1_pledge": "Mới."}),
                                 NOW))
    shutil.copy(files / "a13.selfreview", files / "a13w.selfreview")
    # refused: cut short; an answer the form cannot take; the same person with another key
    put("b-truncated", (files / "a20.selfreview").read_bytes()[:300])
    put("b-bad-answer", write_response(identity(41), response(sec, identity(41), name="Hồ Thị Lan",
                                                              answers={**complete_2b(), "b1_general": "nhiều"}), NOW))
    put("b-other-key", write_response(identity(42), response(sec, identity(42), name="Lê Văn Thành 15"), NOW))
    # a form carried inside the files (not bundled), used by two members: stored once
    ref, body = local_form()
    for n in (43, 44):
        doc = replace(response(sec, identity(n), name=f"Vũ Minh Khôi {n}", invited=False), template=ref,
                      template_body=body)
        put(f"c{n}", write_response(identity(n), doc, NOW))
    # a roster entry without a key gets it pinned by its file
    from selfreview.services.cells import MemberData
    sec.ctx.cells.add_member(sec.round.cell_id, MemberData(full_name="Lê Văn Thành 30", category="non_leader",
                                                            date_of_birth=date(1980, 5, 17)))
    round_id = sec.round.id
    sec.ctx.close()
    # the round offers the carried form too (a form the round does not offer is refused: issue 14)
    con = sqlite3.connect(sec.data_dir / "selfreview.db")
    (forms,) = con.execute("select forms from review_round where id = ?", (round_id,)).fetchone()
    forms = {**json.loads(forms), "local": {"id": ref.id, "version": ref.version, "hash": ref.hash}}
    con.execute("update review_round set forms = ? where id = ?", (json.dumps(forms), round_id))
    con.commit()
    con.close()
    return sec.data_dir, files, round_id


def copy_of(data_dir: Path, tmp_path: Path, name: str) -> Path:
    dest = tmp_path / name
    shutil.copytree(data_dir, dest)
    return dest


def import_one_by_one(data_dir: Path, files: Path, round_id: int) -> list:
    with AppContext.open(data_dir) as ctx:
        imp = Importer(ctx, round_id=round_id)
        return [imp.import_file(p) for p in expand([files])]


def import_batched(data_dir: Path, files: Path, round_id: int, **kw) -> list:
    with AppContext.open(data_dir) as ctx:
        return Importer(ctx, round_id=round_id, **kw).run([files])


def summary(receipts) -> list[tuple]:
    return [(Path(r.file_name).name, r.outcome, r.reason.code if r.reason else "", r.review_id) for r in receipts]


@pytest.mark.parametrize("batch_files", [1, 4, 200])
def test_batches_write_exactly_what_one_file_per_transaction_writes(inbox, tmp_path, batch_files):
    data_dir, files, round_id = inbox
    one = copy_of(data_dir, tmp_path, "one")
    many = copy_of(data_dir, tmp_path, "many")
    expected = import_one_by_one(one, files, round_id)
    got = import_batched(many, files, round_id, batch_files=batch_files, workers=0)
    assert summary(got) == summary(expected)
    outcomes = {name: (outcome, code) for name, outcome, code, _ in summary(got)}
    assert outcomes["a12w2.selfreview"] == ("updated", "")
    assert outcomes["a13w.selfreview"] == ("already_present", "")
    assert outcomes["b-truncated.selfreview"] == ("rejected", "import.truncated")
    assert outcomes["b-bad-answer.selfreview"] == ("rejected", "import.bad_answer")
    assert outcomes["b-other-key.selfreview"] == ("rejected", "import.key_changed")
    # new members: their first key is held unconfirmed, and the receipt says so
    assert outcomes["c43.selfreview"] == outcomes["c44.selfreview"] == ("imported", "import.key_unconfirmed")
    assert state(many) == state(one)
    # the round's three bundled forms, and the one carried inside two files, stored once
    assert [row[1] for row in state(many)["stored_template"]] == ["hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c",
                                                                   "local-2b"]
    assert [row[2] for row in state(many)["audit_log"]].count("member.key_pinned") == 1  # Lê Văn Thành 30


def test_a_rejected_file_in_a_batch_changes_nothing_but_its_receipt(inbox, tmp_path):
    data_dir, files, round_id = inbox
    good_only = tmp_path / "good-only"
    good_only.mkdir()
    for p in files.glob("a1*.selfreview"):
        shutil.copy(p, good_only / p.name)
    mixed = tmp_path / "mixed"
    shutil.copytree(good_only, mixed)
    shutil.copy(files / "b-bad-answer.selfreview", mixed / "a15-bad.selfreview")  # sorted among the good ones
    a, b = copy_of(data_dir, tmp_path, "a"), copy_of(data_dir, tmp_path, "b")
    import_batched(a, good_only, round_id)
    receipts = import_batched(b, mixed, round_id)
    assert [r.outcome for r in receipts].count("rejected") == 1
    without_receipts = lambda s: {k: v for k, v in s.items() if k != "import_receipt"}  # noqa: E731
    assert without_receipts(state(b)) == without_receipts(state(a))


def test_a_batch_that_fails_is_imported_again_one_file_at_a_time(inbox, tmp_path, monkeypatch):
    data_dir, files, round_id = inbox
    real = writing.review_row

    def broken(member_id, accepted, *a, **k):  # a bug that only this member's file meets
        if accepted.doc.member.full_name == "Lê Văn Thành 17":
            raise RuntimeError("boom")
        return real(member_id, accepted, *a, **k)

    monkeypatch.setattr(writing, "review_row", broken)  # the batch's path and the one-file path
    writes = []
    real_write = importer.write_batch
    monkeypatch.setattr(importer, "write_batch", lambda conn, items, actor: writes.append(len(items)) or
                        real_write(conn, items, actor))
    receipts = import_batched(copy_of(data_dir, tmp_path, "x"), files, round_id, batch_files=5)
    failed = [r for r in receipts if r.reason and r.reason.code == "import.failed"]
    assert [Path(r.file_name).name for r in failed] == ["a17.selfreview"]
    assert "RuntimeError: boom" in failed[0].reason.en
    assert len(receipts) == len(expand([files]))
    got = state(tmp_path / "x")
    assert not any("Lê Văn Thành 17" in str(row) for row in got["member"] + got["review"])
    assert len(got["import_receipt"]) == len(receipts)  # one receipt per file, the failed one too
    others = [r for r in receipts if r.outcome in ("imported", "updated")]
    assert len(got["review"]) == len(others)
    assert len(writes) > 1  # it really was written in batches


def test_cancel_writes_every_file_already_checked(inbox, tmp_path):
    data_dir, files, round_id = inbox
    target = copy_of(data_dir, tmp_path, "x")
    seen: list[tuple[int, int]] = []
    with AppContext.open(target) as ctx:
        receipts = Importer(ctx, round_id=round_id).run([files], progress=lambda d, t: seen.append((d, t)),
                                                        should_cancel=lambda: len(seen) > 6)
    assert [d for d, _ in seen] == list(range(7))
    # a10 a11 a12 a12w2 a13 a13w
    assert [r.outcome for r in receipts] == ["imported"] * 3 + ["updated", "imported", "already_present"]
    con = sqlite3.connect(target / "selfreview.db")  # another connection: they are committed
    assert con.execute("SELECT count(*) FROM review").fetchone()[0] == 5
    assert con.execute("SELECT count(*) FROM import_receipt").fetchone()[0] == 6
    con.close()
    rest = import_batched(target, files, round_id)
    assert [r.outcome for r in rest[:6]] == ["already_present"] * 2 + ["rejected"] + ["already_present"] * 3
    assert rest[6].outcome == "imported"  # a14: untouched by the cancelled import


def test_cancel_before_the_first_file_writes_nothing(inbox, tmp_path):
    data_dir, files, round_id = inbox
    target = copy_of(data_dir, tmp_path, "x")
    before = state(target)
    with AppContext.open(target) as ctx:
        assert Importer(ctx, round_id=round_id).run([files], should_cancel=lambda: True) == []
    assert state(target) == before


def test_a_storage_error_stops_the_import_and_keeps_the_batches_before_it(inbox, tmp_path, monkeypatch):
    data_dir, files, round_id = inbox
    target = copy_of(data_dir, tmp_path, "x")
    real_write = importer.write_batch
    calls = []

    def full_on_the_second_batch(conn, items, actor):
        calls.append(len(items))
        if len(calls) == 2:
            raise DiskFull(msg("storage.disk_full"))
        return real_write(conn, items, actor)

    monkeypatch.setattr(importer, "write_batch", full_on_the_second_batch)
    with AppContext.open(target) as ctx, pytest.raises(DiskFull):
        Importer(ctx, round_id=round_id, batch_files=4).run([files])
    con = sqlite3.connect(target / "selfreview.db")
    assert 0 < calls[0] <= 4  # the first batch (written early: a file depended on one of it)
    assert con.execute("SELECT count(*) FROM review").fetchone()[0] == calls[0]
    assert con.execute("SELECT count(*) FROM import_receipt").fetchone()[0] == calls[0]
    con.close()


def test_a_storage_error_while_checking_keeps_the_files_checked_before_it(inbox, tmp_path, monkeypatch):
    data_dir, files, round_id = inbox
    target = copy_of(data_dir, tmp_path, "x")
    from selfreview.services.importing.rounds import Rounds
    real_round = Rounds.round_for
    calls = []

    def full_at_the_fifth(self, doc):
        calls.append(1)
        if len(calls) == 5:
            raise DiskFull(msg("storage.disk_full"))
        return real_round(self, doc)

    monkeypatch.setattr(Rounds, "round_for", full_at_the_fifth)
    with AppContext.open(target) as ctx, pytest.raises(DiskFull):
        Importer(ctx, round_id=round_id).run([files])
    con = sqlite3.connect(target / "selfreview.db")
    assert con.execute("SELECT count(*) FROM review").fetchone()[0] == 4
    con.close()


def test_worker_processes_give_the_same_receipts_and_rows(inbox, tmp_path, monkeypatch):
    data_dir, files, round_id = inbox
    monkeypatch.setattr(check_workers, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(check_workers, "CHUNK", 4)
    real_ready = check_workers.CheckPool.ready

    def wait_until_ready(self):  # give every chunk after the first to the workers
        from concurrent.futures import FIRST_COMPLETED, wait
        self._starter.join()
        wait(self._pings, return_when=FIRST_COMPLETED)
        return real_ready(self)

    monkeypatch.setattr(check_workers.CheckPool, "ready", wait_until_ready)
    pools = []
    real_init = check_workers.CheckPool.__init__
    monkeypatch.setattr(check_workers.CheckPool, "__init__",
                        lambda self, *a, **k: pools.append(self) or real_init(self, *a, **k))
    here, there = copy_of(data_dir, tmp_path, "here"), copy_of(data_dir, tmp_path, "there")
    expected = import_batched(here, files, round_id, workers=0)
    got = import_batched(there, files, round_id, workers=2, batch_files=7)
    assert pools and pools[0].chunks_there > 0  # the workers did check files
    assert summary(got) == summary(expected)
    assert state(there) == state(here)


def test_if_the_workers_fail_the_rest_is_checked_here(inbox, tmp_path, monkeypatch):
    data_dir, files, round_id = inbox
    monkeypatch.setattr(check_workers, "PARALLEL_MIN_FILES", 1)

    class BrokenPool:
        files_there = 0

        def __init__(self, *a, **k):
            pass

        def checked(self, paths, local):
            for p in paths[:3]:
                yield local(p)
            raise RuntimeError("a worker process was killed")

        def close(self):
            pass

    monkeypatch.setattr(check_workers, "CheckPool", BrokenPool)
    here, there = copy_of(data_dir, tmp_path, "here"), copy_of(data_dir, tmp_path, "there")
    expected = import_batched(here, files, round_id, workers=0)
    assert summary(import_batched(there, files, round_id, workers=2)) == summary(expected)
    assert state(there) == state(here)


def test_a_signed_body_the_worker_cannot_read_is_refused_the_same_way(inbox, tmp_path, monkeypatch):
    """Refusals found in a worker process come back as the same messages."""
    data_dir, files, round_id = inbox
    monkeypatch.setattr(check_workers, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(check_workers.CheckPool, "ready", lambda self: True)  # (the workers may be late)
    with AppContext.open(data_dir) as ctx:
        sec_enc = ctx.profiles.public_keys(ctx.profiles.secretary().id)[1]
    odd = tmp_path / "odd"
    odd.mkdir()
    body = body_of(response(None, identity(50), name="Đinh Văn Tú", encrypted=False, invited=False))
    del body["review"]["finalized_at"]
    (odd / "x1.selfreview").write_bytes(forge(identity(50), body, sec_enc))
    (odd / "x2.selfreview").write_bytes(b"not a review")
    here, there = copy_of(data_dir, tmp_path, "here"), copy_of(data_dir, tmp_path, "there")
    expected = import_batched(here, odd, round_id, workers=0)
    got = import_batched(there, odd, round_id, workers=1)
    assert [r.reason.code for r in got] == [r.reason.code for r in expected] == ["import.bad_structure",
                                                                                 "import.not_format"]
    assert [r.reason for r in got] == [r.reason for r in expected]
