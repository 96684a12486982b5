"""Issue 14, the secretary's tools: a name cannot become a formula in her spreadsheet or an ESC
sequence in her terminal; odd files (a name that is not UTF-8, a FIFO, a 1,100-deep folder) each
get a receipt or are skipped, and never stop an import; ``--out`` mistakes are one line, and an
existing file is replaced only with ``--force``."""

from __future__ import annotations

import csv
import os
import sqlite3
import threading
from datetime import datetime

import pytest
from openpyxl import load_workbook
from roster_helpers import hand_in, setup_cell

from exchange_kit import NOW, identity, open_secretary, response
from selfreview.cli import main
from selfreview.exchange.response import write_response
from selfreview.services.cells import MemberData
from selfreview.services.importing.files import expand
from selfreview.services.rollcall_table import write_table

HOSTILE = ['=HYPERLINK("http://example.invalid/x","Bấm vào đây")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture
def hostile_rollcall(ctx, data_dir):
    cell, rnd, m = setup_cell(ctx)
    for n, name in enumerate(HOSTILE):
        ctx.cells.add_member(cell.id, MemberData(name, "non_leader", party_post=HOSTILE[-1 - n]))
    hand_in(ctx, rnd, m["Nguyễn Văn An"], datetime(2025, 12, 1, 2, 0))
    # a name with control characters, as a database of an earlier version may hold (entry refuses them now)
    con = sqlite3.connect(data_dir / "selfreview.db")
    con.execute("update member set full_name = ? where full_name = ?", ("Lê Văn\x1b[31m\x07 Cường\x00", "Lê Văn Cường"))
    con.commit()
    con.close()
    return cell, rnd


def test_xlsx_holds_formula_like_names_as_text_and_survives_control_characters(ctx, hostile_rollcall, tmp_path):
    _, rnd = hostile_rollcall
    out = write_table(ctx.rollcall.roll_call(rnd.id), tmp_path / "diem-danh.xlsx")
    ws = load_workbook(out).active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row[1:3] if c.value]
    texts = {c.value: c for c in cells}
    for hostile in HOSTILE:
        assert texts[hostile].data_type == "s" and texts[hostile].quotePrefix  # text, shown as typed
    assert not any(c.data_type == "f" for c in cells)
    assert "Lê Văn\ufffd[31m\ufffd Cường\ufffd" in texts


def test_csv_fields_that_a_spreadsheet_would_run_start_with_an_apostrophe(ctx, hostile_rollcall, tmp_path):
    _, rnd = hostile_rollcall
    out = write_table(ctx.rollcall.roll_call(rnd.id), tmp_path / "diem-danh.csv")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    fields = [v for row in rows[1:] for v in row[1:3]]
    for hostile in HOSTILE:
        assert "'" + hostile in fields and hostile not in fields
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in fields)
    assert "\x1b" not in out.read_text(encoding="utf-8-sig")


def test_the_roster_command_never_sends_escape_sequences_to_the_terminal(ctx, hostile_rollcall, data_dir, capsys):
    cell, _ = hostile_rollcall
    ctx.close()
    assert main(["--data-dir", str(data_dir), "roster", "--cell", str(cell.id), "--period", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Lê Văn\ufffd[31m\ufffd Cường" in out and "\x1b" not in out and "\x07" not in out


@pytest.fixture
def sec(tmp_path):
    s = open_secretary(tmp_path / "secretary")
    yield s
    s.ctx.close()


def _good(sec, n: int, name: str) -> bytes:
    return write_response(identity(n), response(sec, identity(n), name=name), NOW)


def test_a_file_name_that_is_not_utf8_gets_its_own_receipt_and_the_others_theirs(sec, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad_name = os.fsdecode(os.path.join(os.fsencode(inbox), b"b\xe1\xba-\xff.selfreview"))
    with open(bad_name, "wb") as f:
        f.write(_good(sec, 2, "Trần Văn Đức"))
    (inbox / "c.selfreview").write_bytes(_good(sec, 3, "Lê Thị Mai"))
    (inbox / "a.selfreview").write_bytes(b"not ours")
    rows = sec.ctx.exchange.import_paths([inbox])
    assert [(r.file_name.rsplit("/", 1)[-1], r.outcome) for r in rows] == [
        ("a.selfreview", "rejected"), ("b\ufffd-\ufffd.selfreview", "imported"), ("c.selfreview", "imported")]


def test_a_fifo_named_on_the_command_line_is_refused_at_once(sec, tmp_path):
    fifo = tmp_path / "pipe.selfreview"
    os.mkfifo(fifo)
    good = tmp_path / "good.selfreview"
    good.write_bytes(_good(sec, 2, "Trần Văn Đức"))
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(sec.ctx.exchange.import_paths([fifo, good])), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # the old code blocks for ever opening the FIFO: unblock it and fail
        with open(fifo, "wb"):
            pass
        worker.join(20)
        pytest.fail("the import waited on a FIFO")
    assert [(r.outcome, r.reason.code if r.reason else "") for r in result] == [
        ("rejected", "import.not_regular"), ("imported", "import.key_unconfirmed")]


def test_a_very_deep_folder_is_walked_without_recursion(tmp_path):
    top = tmp_path / "deep"
    near = top / "d" / "d" / "d"
    near.mkdir(parents=True)
    (near / "near.selfreview").write_bytes(b"x")
    # a 1,100-level chain under it, made with relative steps (absolute paths would pass PATH_MAX)
    cwd = os.getcwd()
    try:
        os.chdir(near)
        for _ in range(1100):
            os.mkdir("e")
            os.chdir("e")
        with open("far.selfreview", "wb") as f:
            f.write(b"x")
    finally:
        os.chdir(cwd)
    try:
        assert [p.name for p in expand([top])] == ["near.selfreview"]  # no RecursionError; the far one is past the bound
    finally:  # removed here, level by level: pytest's own clean-up of old tmp folders recurses
        os.chdir(near)
        try:
            for _ in range(1100):
                os.chdir("e")
            os.remove("far.selfreview")
            for _ in range(1100):
                os.chdir("..")
                os.rmdir("e")
        finally:
            os.chdir(cwd)


def test_out_mistakes_are_one_clear_line_and_files_are_replaced_only_with_force(sec, tmp_path, capsys):
    data_dir = str(sec.data_dir)
    sec.ctx.close()
    invite = ["--data-dir", data_dir, "invite", "--round", str(sec.round.id), "--out"]
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(invite + [str(folder)]) == 1
    err = capsys.readouterr().err
    assert "là một thư mục" in err and "is a folder" not in err and "Traceback" not in err  # one language
    assert main(invite + [str(folder), "--lang", "en"]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(invite + [str(tmp_path / "missing" / "x.selfreview-invite")]) == 1
    assert "không tồn tại" in capsys.readouterr().err
    target = tmp_path / "loi-moi.selfreview-invite"
    target.write_bytes(b"keep me")
    assert main(invite + [str(target)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and target.read_bytes() == b"keep me"
    assert main(invite + [str(target), "--force"]) == 0
    assert target.read_bytes() != b"keep me"
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        if os.access(readonly, os.W_OK):  # root writes anywhere: a read-only place is a file's parent
            blocker = tmp_path / "plain-file"
            blocker.write_text("x")
            place = blocker / "x.selfreview-invite"
        else:
            place = readonly / "x.selfreview-invite"
        assert main(invite + [str(place)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err  # one line, in one language
    finally:
        readonly.chmod(0o700)
