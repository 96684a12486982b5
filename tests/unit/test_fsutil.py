"""The one atomic writer (selfreview/fsutil.py): a target holds its old content or the whole new one,
with the permissions its kind of file needs, and no temporary file is left behind."""

import os
import stat

import pytest

from selfreview import fsutil
from selfreview.cancel import Cancelled
from selfreview.fsutil import PRIVATE, atomic_write, write_atomic

POSIX = os.name == "posix"


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_round_trip_private_by_default(tmp_path):
    target = tmp_path / "sign.pem"
    assert write_atomic(target, b"secret") == target
    assert target.read_bytes() == b"secret"
    assert names(tmp_path) == ["sign.pem"]
    if POSIX:
        assert mode(target) == PRIVATE
    write_atomic(target, b"newer secret")  # replacing keeps it owner-only
    assert target.read_bytes() == b"newer secret"
    if POSIX:
        assert mode(target) == PRIVATE


@pytest.mark.skipif(not POSIX, reason="permission bits are POSIX")
def test_a_shared_document_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "report.pdf"
    write_atomic(target, b"%PDF new", mode=None)
    assert mode(target) == 0o666 & ~fsutil._umask()  # as a new file would get
    os.chmod(target, 0o640)
    with atomic_write(target, mode=None, suffix=".part") as tmp:
        tmp.write_bytes(b"%PDF again")
    assert target.read_bytes() == b"%PDF again" and mode(target) == 0o640
    write_atomic(target, b"exact", mode=0o644)
    assert mode(target) == 0o644
    os.chmod(target, 0o444)  # a read-only file is replaced by a read-only file
    write_atomic(target, b"read-only", mode=None)
    assert target.read_bytes() == b"read-only" and mode(target) == 0o444


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), Cancelled()])
def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, error):
    target = tmp_path / "backup.db"
    write_atomic(target, b"old")
    with pytest.raises(type(error)):
        with atomic_write(target, suffix=".partial") as tmp:
            tmp.write_bytes(b"half of the new")
            raise error
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["backup.db"]


def test_a_failed_rename_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "new.selfreview"

    def fail(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, b"whole")
    assert names(tmp_path) == []  # neither the target nor a temporary


def test_the_folder_must_exist(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "x.bin", b"x")


def test_without_fsync_the_write_is_still_whole(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd))
    write_atomic(tmp_path / "a.selfreview", b"demo", durable=False)
    assert calls == [] and (tmp_path / "a.selfreview").read_bytes() == b"demo"
    write_atomic(tmp_path / "b.selfreview", b"real")
    assert len(calls) == (2 if POSIX else 1)  # the file, then (POSIX) its folder


def test_clean_leftovers_removes_a_dead_writers_temporary_only(tmp_path):
    target = tmp_path / "marker"
    dead = tmp_path / ".marker.abcd1234.tmp"  # nobody holds it locked: its writer is gone
    other = tmp_path / ".other.abcd1234.tmp"
    dead.write_bytes(b"x")
    other.write_bytes(b"y")
    if not POSIX:
        os.utime(dead, (0, 0))
    with atomic_write(target, clean_leftovers=True) as tmp:
        tmp.write_bytes(b"z")
    assert names(tmp_path) == [".other.abcd1234.tmp", "marker"]
