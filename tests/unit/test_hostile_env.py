"""A hostile machine: the disk is full, the data is read-only, another program holds the database
lock. Each time the save fails with a clear bilingual message and what was saved before is intact.

Real conditions: a 1 MiB tmpfs for a full disk and a read-only bind mount for a read-only folder.
Mounting needs root, which this project's machines and CI have; elsewhere those two tests fail with
that reason (they are not skipped). Two more run anywhere: the full disk as SQLite's own page limit
(the same SQLITE_FULL path) and a read-only database file (a mount as root, chmod otherwise).
"""

import os
import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from selfreview.db import engine as db_engine
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.safety import DatabaseBusy, DiskFull, ReadOnlyData

ROOT = os.geteuid() == 0
BIG = "Nội dung rất dài của bản kiểm điểm. " * 500  # ~18 KB: needs new pages


def fill(data_dir):
    with AppContext.open(data_dir) as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Phạm Văn Ổ Đĩa"))
        rid = ctx.reviews.create(p.id, "2026").summary.id
        ctx.reviews.save_answer(rid, "a1_political", "Đã lưu trước đó.")
        ctx.reviews.save_answer(rid, "b1_general", 25)
    return rid


def assert_intact(data_dir, rid, score=25):
    with AppContext.open(data_dir) as ctx:
        got = ctx.reviews.answers(rid)
    assert got["a1_political"] == "Đã lưu trước đó." and got["b1_general"] == score
    return got


def need_root():
    if not ROOT:
        pytest.fail("this test mounts a file system and needs root (as on the project's machines and CI)")


def run(*cmd):
    subprocess.run(cmd, check=True, capture_output=True)


@contextmanager
def mounted_tmpfs(path, size):
    path.mkdir(parents=True, exist_ok=True)
    run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path))
    try:
        yield path
    finally:
        run("umount", "-l", str(path))


@contextmanager
def read_only_bind(path):
    """``path`` (a folder or a file) read-only through a bind mount over itself."""
    run("mount", "--bind", str(path), str(path))
    try:
        run("mount", "-o", "remount,bind,ro", str(path))
        yield
    finally:
        run("umount", str(path))


# -- disk full ------------------------------------------------------------------------------------
def test_disk_full_at_the_database_limit(data_dir):
    rid = fill(data_dir)
    ctx = AppContext.open(data_dir)
    try:
        @event.listens_for(ctx.db.engine, "connect")
        def _no_more_pages(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count={pages}")
            cur.close()
        ctx.db.engine.dispose()  # new connections get the limit
        with pytest.raises(DiskFull) as caught:
            ctx.reviews.save_answer(rid, "a1_duties", BIG)
        assert caught.value.message.vi.startswith("Ổ đĩa đã đầy")
        assert caught.value.message.en.startswith("The disk is full")
        assert ctx.reviews.answers(rid)["a1_political"] == "Đã lưu trước đó."  # still readable
        ctx.reviews.save_answer(rid, "b1_general", 26)  # a change that fits in place still saves
    finally:
        ctx.close()
    assert "a1_duties" not in assert_intact(data_dir, rid, score=26)


def test_disk_full_on_a_real_full_file_system(tmp_path):
    need_root()
    with mounted_tmpfs(tmp_path / "small", "1m") as disk:
        data_dir = disk / "data"
        rid = fill(data_dir)
        ctx = AppContext.open(data_dir)
        try:
            fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
            try:  # take every free byte
                while os.write(fd, b"\0" * 4096):
                    pass
            except OSError as e:
                assert e.errno == 28  # ENOSPC: the disk is really full now
            finally:
                os.close(fd)
            with pytest.raises(DiskFull):
                ctx.reviews.save_answer(rid, "a1_duties", BIG)
            assert ctx.reviews.answers(rid)["a1_political"] == "Đã lưu trước đó."
        finally:
            ctx.close()
        (disk / "filler").unlink()
        got = assert_intact(data_dir, rid)
        assert "a1_duties" not in got
        with AppContext.open(data_dir) as ctx:  # room again: saving works
            ctx.reviews.save_answer(rid, "a1_duties", BIG)


# -- read-only ------------------------------------------------------------------------------------
@contextmanager
def read_only_file(path):
    if ROOT:  # root ignores permission bits: make the file read-only with a mount
        with read_only_bind(path):
            yield
    else:
        os.chmod(path, 0o444)
        try:
            yield
        finally:
            os.chmod(path, 0o600)


def test_read_only_database_file(data_dir):
    """A file copied from a CD or a zip with the read-only attribute: it opens, saving says why not."""
    rid = fill(data_dir)
    db = data_dir / "selfreview.db"
    with read_only_file(db):
        ctx = AppContext.open(data_dir)
        try:
            assert ctx.reviews.answers(rid)["a1_political"] == "Đã lưu trước đó."
            with pytest.raises(ReadOnlyData) as caught:
                ctx.reviews.save_answer(rid, "a1_political", "Không được ghi.")
            assert caught.value.message.vi.startswith("Thư mục dữ liệu chỉ đọc")
            assert "read-only" in caught.value.message.en
        finally:
            ctx.close()
    assert_intact(data_dir, rid)


@pytest.mark.parametrize("left_by", ["clean exit", "killed writer"])
def test_read_only_data_folder(data_dir, left_by):
    """Read-only media or a folder remounted read-only: the app refuses to start and says why.
    (chmod 0500 is no test: the app makes its own folder 0700 again at start-up.)"""
    need_root()
    rid = fill(data_dir)
    if left_by == "killed writer":  # -wal and -shm are left behind
        pid = os.fork()
        if pid == 0:
            try:
                AppContext.open(data_dir).reviews.save_answer(rid, "a1_pledge", "Chưa kịp đóng.")
                os.kill(os.getpid(), 9)
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        assert (data_dir / "selfreview.db-wal").exists()
    with read_only_bind(data_dir):
        with pytest.raises(ReadOnlyData) as caught:
            AppContext.open(data_dir)
        assert str(data_dir) in caught.value.message.vi
    got = assert_intact(data_dir, rid)
    assert left_by == "clean exit" or got["a1_pledge"] == "Chưa kịp đóng."


# -- locked by another program --------------------------------------------------------------------
LOCKER = textwrap.dedent("""
    import sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    print("LOCKED", flush=True)
    sys.stdin.read()   # hold the lock until the test closes our stdin
    con.execute("ROLLBACK")
""")


def test_database_locked_by_another_program(data_dir, monkeypatch):
    rid = fill(data_dir)
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 200)  # wait 0.2 s, not 5 s, before giving up
    ctx = AppContext.open(data_dir)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(data_dir / "selfreview.db")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "LOCKED"
        with pytest.raises(DatabaseBusy) as caught:
            ctx.reviews.save_answer(rid, "a1_political", "Bị chặn.")
        assert caught.value.message.vi.startswith("Cơ sở dữ liệu đang bị một chương trình khác khóa")
        assert ctx.reviews.answers(rid)["a1_political"] == "Đã lưu trước đó."  # reading still works
    finally:
        locker.stdin.close()
        locker.wait(timeout=10)
    ctx.reviews.save_answer(rid, "a1_political", "Đã lưu sau khi mở khóa.")  # the lock is gone: saves again
    ctx.close()
    with AppContext.open(data_dir) as again:
        assert again.reviews.answers(rid)["a1_political"] == "Đã lưu sau khi mở khóa."
