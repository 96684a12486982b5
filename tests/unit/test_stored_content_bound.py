"""Issue 14: stored content stays bound to what was signed (a re-import and ``doctor`` see a
database edited outside the app); day 1 keeps a real backup once there is data, and
``doctor --restore`` says what it restores."""

from __future__ import annotations

import json
import sqlite3

import pytest

from exchange_kit import NOW, identity, open_secretary, response
from selfreview.cli import main
from selfreview.exchange.response import write_response


@pytest.fixture
def imported(tmp_path):
    sec = open_secretary(tmp_path / "secretary")
    path = tmp_path / "duc.selfreview"
    path.write_bytes(write_response(identity(2), response(sec, identity(2), name="Trần Văn Đức"), NOW))
    (r,) = sec.ctx.exchange.import_paths([path])
    assert r.outcome == "imported"
    yield sec, path, r
    sec.ctx.close()


def _reviews(db) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    try:
        return con.execute("select count(*) from review").fetchone()[0]
    except sqlite3.OperationalError:  # a copy taken before the first migration: no tables yet
        return 0
    finally:
        con.close()


def _edit_score(data_dir, review_id: int) -> None:
    con = sqlite3.connect(data_dir / "selfreview.db")
    con.execute("update answer set value = '70' where review_id = ? and question_id = 'b1_tasks'", (review_id,))
    con.commit()
    con.close()


def test_a_reimport_does_not_vouch_for_answers_edited_in_the_database(imported):
    sec, path, first = imported
    (again,) = sec.ctx.exchange.import_paths([path])
    assert again.outcome == "already_present"  # untouched: the same as signed
    _edit_score(sec.data_dir, first.review_id)
    (after,) = sec.ctx.exchange.import_paths([path])
    assert (after.outcome, after.reason.code) == ("rejected", "import.stored_altered")
    assert "Trần Văn Đức" in after.reason.vi and "doctor" in after.reason.en


def test_doctor_finds_answers_edited_in_the_database(imported, capsys):
    sec, _, first = imported
    data_dir = str(sec.data_dir)
    sec.ctx.close()
    assert main(["--lang", "en", "--data-dir", data_dir, "doctor"]) == 0
    assert "ALTERED" not in capsys.readouterr().out
    _edit_score(sec.data_dir, first.review_id)
    assert main(["--lang", "en", "--data-dir", data_dir, "doctor", "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [a["review_id"] for a in report["altered"]] == [first.review_id]
    assert main(["--lang", "en", "--data-dir", data_dir, "doctor"]) == 2
    assert f"ALTERED: Review {first.review_id} (Trần Văn Đức" in capsys.readouterr().out


@pytest.mark.real_start  # day one's start-up copies are the real ones
def test_day_one_keeps_a_copy_that_holds_the_first_import_and_restore_says_what_it_brings(imported, capsys):
    sec, _, _ = imported
    copies = sorted((sec.data_dir / "backups").glob("*.db"))
    assert copies and max(_reviews(c) for c in copies) == 1  # not only the empty start-up copies
    data_dir = str(sec.data_dir)
    sec.ctx.close()
    assert main(["--lang", "en", "--data-dir", data_dir, "doctor", "--restore"]) == 0
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("restored:")]
    assert "(taken 20" in line and "1 reviews)" in line  # what it brings: its date and its number of reviews
