"""Automatic backups: one a day at start-up, seven kept, and a damaged database brought back from
one (move aside, restore, open)."""

import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from selfreview.db import backup as db_backup
from selfreview.services import recovery
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError
from selfreview.services.safety import DatabaseDamaged
from pg_server import sqlite_only

# SQLite only: copies of the SQLite file (the PostgreSQL dumps: test_server_database.py)
# real first starts, not copies of the run's migrated template (tests/migrated_template.py)
pytestmark = [*sqlite_only, pytest.mark.real_start]


def new_review(data_dir, text):
    with AppContext.open(data_dir) as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Lê Văn Sao Lưu"))
        rid = ctx.reviews.create(p.id, "2026").summary.id
        ctx.reviews.save_answer(rid, "a1_political", text)
    return rid


def answers(data_dir, rid):
    with AppContext.open(data_dir) as ctx:
        return ctx.reviews.answers(rid)


def age_backups(data_dir, days=1):
    """Pretend every existing backup was taken ``days`` earlier (renames keep the name format)."""
    for b in db_backup.list_backups(data_dir / "backups"):
        stamp = (b.taken_at - timedelta(days=days)).strftime("%Y%m%d-%H%M%S-%f")
        b.path.rename(b.path.with_name(f"selfreview-{stamp}-{b.label}.db"))


def test_one_daily_copy_per_day_at_start_up(data_dir):
    rid = new_review(data_dir, "Bản đầu tiên.")
    kinds = [b.kind for b in recovery.list_backups(data_dir)]
    assert kinds == ["pre-migration"]  # made today by the first start: it counts as today's copy
    age_backups(data_dir)
    with AppContext.open(data_dir) as ctx:
        assert ctx.startup.daily_backup is not None and ctx.startup.backup_error is None
        made = ctx.startup.daily_backup
    with AppContext.open(data_dir) as ctx:
        assert ctx.startup.daily_backup is None  # the same day: no second copy
    assert sorted(b.kind for b in recovery.list_backups(data_dir)) == ["daily", "pre-migration"]
    # the copy is a sound database holding the answer, owner-only
    con = sqlite3.connect(made)
    assert "Bản đầu tiên." in con.execute("SELECT value FROM answer WHERE review_id=?", (rid,)).fetchone()[0]
    con.close()
    assert oct(made.stat().st_mode & 0o777) == "0o600"
    assert oct(made.parent.stat().st_mode & 0o777) == "0o700"


def test_rotation_keeps_the_newest_seven_daily_copies_and_the_migration_copies(data_dir):
    new_review(data_dir, "x")
    db = data_dir / "selfreview.db"
    backups = data_dir / "backups"
    start = datetime(2026, 1, 1, 8, 0)
    for day in range(12):
        assert db_backup.take_daily(db, backups, now=start + timedelta(days=day)) is not None
        assert db_backup.take_daily(db, backups, now=start + timedelta(days=day, hours=5)) is None
    found = db_backup.list_backups(backups)
    daily = [b.taken_at.date() for b in found if b.kind == "daily"]
    assert daily == [(start + timedelta(days=d)).date() for d in range(11, 4, -1)]  # newest 7
    assert [b.kind for b in found].count("pre-migration") == 1  # kept by its own quota


def test_an_interrupted_copy_is_never_taken_for_a_backup(data_dir):
    new_review(data_dir, "x")
    backups = data_dir / "backups"
    partial = backups / "selfreview-20260101-080000-000000-daily.db.partial"
    partial.write_bytes(b"SQLite format 3\x00 half written")
    assert all(b.path != partial for b in recovery.list_backups(data_dir))
    db_backup.take_daily(data_dir / "selfreview.db", backups, now=datetime(2030, 1, 1))
    assert not partial.exists()


def test_damaged_database_moved_aside_and_restored_from_the_latest_backup(data_dir):
    rid = new_review(data_dir, "Trước khi hỏng.")
    age_backups(data_dir)
    with AppContext.open(data_dir) as ctx:  # today's start makes the daily copy
        assert ctx.startup.daily_backup is not None
        ctx.reviews.save_answer(rid, "a1_political", "Sau bản sao lưu.")
    db = data_dir / "selfreview.db"
    with open(db, "r+b") as f:
        f.write(b"\x00" * 100)  # the header wiped
    with pytest.raises(DatabaseDamaged):
        AppContext.open(data_dir)

    moved = recovery.move_damaged_aside(data_dir)
    assert moved.parent == data_dir / "damaged" and (moved / "selfreview.db").exists()
    assert not db.exists()
    restored = recovery.restore_backup(data_dir)
    assert restored.kind == "daily"
    # the newest copy's data is back (what was saved after it is in the damaged file only)
    assert answers(data_dir, rid)["a1_political"] == "Trước khi hỏng."


def test_restore_skips_a_damaged_backup_and_keeps_the_current_database(data_dir):
    rid = new_review(data_dir, "Bản tốt.")
    db = data_dir / "selfreview.db"
    newer = db_backup.backup_sqlite(db, data_dir / "backups", "daily", now=datetime.now() + timedelta(days=1))
    with open(newer, "r+b") as f:
        f.write(b"garbage!" * 20)
    with AppContext.open(data_dir) as ctx:
        ctx.reviews.save_answer(rid, "a1_political", "Bản hiện tại.")
    # the newest sound copy: day 1's copy once there was data (issue 14), not the damaged newer one
    older = next(b for b in recovery.list_backups(data_dir) if b.path != newer)
    assert db_backup.reviews_in(older.path) == 1
    chosen = recovery.restore_backup(data_dir)  # newest sound copy: the older one
    assert chosen.path == older.path
    kinds = [b.kind for b in recovery.list_backups(data_dir)]
    assert "pre-restore" in kinds  # the sound current database was kept first
    pre = next(b for b in recovery.list_backups(data_dir) if b.kind == "pre-restore")
    with pytest.raises(ServiceError) as caught:
        recovery.restore_backup(data_dir, newer.name)
    assert caught.value.message.code == "backup.damaged"
    recovery.restore_backup(data_dir, pre.name)  # undo: the pre-restore copy has "Bản hiện tại."
    assert answers(data_dir, rid)["a1_political"] == "Bản hiện tại."


def test_the_sound_copies_are_offered_newest_first_and_an_older_one_can_be_restored(data_dir):
    rid = new_review(data_dir, "Bản cũ.")
    db, backups = data_dir / "selfreview.db", data_dir / "backups"
    first = recovery.list_backups(data_dir)[0]  # before the first migration: an empty database

    def copy(days: int, text: str):
        with AppContext.open(data_dir) as ctx:
            ctx.reviews.save_answer(rid, "a1_political", text)
        return db_backup.backup_sqlite(db, backups, "daily", now=datetime.now() + timedelta(days=days))

    older, newer, damaged = copy(1, "Bản cũ."), copy(2, "Bản mới."), copy(3, "Bản hỏng.")
    with open(damaged, "r+b") as f:
        f.write(b"garbage!" * 20)
    sound = recovery.sound_backups(data_dir)
    day_one = [b.path for b in sound if b.path not in (newer, older, first.path)]  # once there was data
    assert [b.path for b in sound] == [newer, older, *day_one, first.path]  # newest first, the damaged one left out
    assert len(day_one) == 1 and len(recovery.list_backups(data_dir)) == 5
    restored = recovery.restore_backup(data_dir, sound[1].path)  # not the newest: the one chosen
    assert restored.path == older
    assert answers(data_dir, rid)["a1_political"] == "Bản cũ."


def test_restore_refuses_what_does_not_exist(data_dir):
    with pytest.raises(ServiceError) as caught:
        recovery.restore_backup(data_dir)
    assert caught.value.message.code == "backup.none"
    with pytest.raises(ServiceError) as caught:
        recovery.restore_backup(data_dir, "selfreview-nope.db")
    assert caught.value.message.code == "backup.not_found"


def test_restore_removes_a_stale_write_ahead_log(data_dir):
    """A -wal left by the old file must not be replayed into the restored one."""
    rid = new_review(data_dir, "Đã sao lưu.")
    db = data_dir / "selfreview.db"
    copy = db_backup.backup_sqlite(db, data_dir / "backups", "daily")
    stale = db.with_name("selfreview.db-wal")
    stale.write_bytes(os.urandom(5000))
    db_backup.restore_file(copy, db)
    assert not stale.exists()
    assert answers(data_dir, rid)["a1_political"] == "Đã sao lưu."


def test_a_failed_daily_copy_does_not_stop_the_app(data_dir):
    rid = new_review(data_dir, "Vẫn mở được.")
    backups = data_dir / "backups"
    for p in backups.iterdir():
        p.unlink()
    backups.rmdir()
    backups.write_bytes(b"a file where the folder should be")
    with AppContext.open(data_dir) as ctx:
        assert ctx.startup.daily_backup is None
        assert ctx.startup.backup_error is not None
        assert ctx.reviews.answers(rid)["a1_political"] == "Vẫn mở được."


def test_doctor_command_checks_and_restores(data_dir, capsys):
    from selfreview.cli import main
    rid = new_review(data_dir, "Cứu bằng doctor.")
    age_backups(data_dir)
    AppContext.open(data_dir).close()  # today's daily copy
    assert main(["--data-dir", str(data_dir), "doctor"]) == 0
    assert "kiểm tra: tốt" in capsys.readouterr().out  # the command line speaks Vietnamese by default
    assert main(["--data-dir", str(data_dir), "doctor", "--lang", "en"]) == 0
    assert "check: ok" in capsys.readouterr().out
    with open(data_dir / "selfreview.db", "r+b") as f:
        f.write(b"\x00" * 100)
    assert main(["--data-dir", str(data_dir), "doctor"]) == 2
    assert "HỎNG" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "doctor", "--restore", "--json"]) == 0
    import json
    report = json.loads(capsys.readouterr().out)
    assert report["sound"] and report["moved_aside"] and report["restored"].endswith("-daily.db")
    assert answers(data_dir, rid)["a1_political"] == "Cứu bằng doctor."


def test_doctor_will_not_restore_under_a_running_app(data_dir, capsys):
    from selfreview.cli import main
    from selfreview.services.instance import acquire_instance_lock
    new_review(data_dir, "x")
    with acquire_instance_lock(data_dir):
        assert main(["--data-dir", str(data_dir), "doctor", "--restore"]) == 1
    assert "đang chạy" in capsys.readouterr().err
