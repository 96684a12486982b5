"""A killed PDF export leaves a ``.part`` file; the next export to the same target removes it, and
never the temporary of a writer that is still alive, nor anything of another target."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from selfreview import fsutil
from selfreview.reports.atomic import atomic_path, remove_leftovers

WRITER = textwrap.dedent("""
    import sys, time
    from selfreview.reports.atomic import atomic_path
    with atomic_path(sys.argv[1]) as tmp:
        tmp.write_bytes(b"%PDF-1.4 half a report")
        print(tmp, flush=True)
        time.sleep(60)
""")


def start_writer(target):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    tmp = proc.stdout.readline().strip()
    assert tmp, "the writer did not start"
    return proc, tmp


def stop(proc):
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()


def parts(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_killed_writers_temporary_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "bao-cao-chi-bo.pdf"
    proc, tmp = start_writer(target)
    stop(proc)  # as the crash harness does: no cleanup runs
    assert parts(tmp_path) == [os.path.basename(tmp)]
    with atomic_path(target) as new_tmp:
        assert not os.path.exists(tmp)  # removed before the new one is written, though just made
        new_tmp.write_bytes(b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert parts(tmp_path) == []


def test_a_live_writers_temporary_is_left_alone(tmp_path):
    target = tmp_path / "report.pdf"
    proc, tmp = start_writer(target)
    try:
        assert remove_leftovers(target) == []
        with atomic_path(target) as mine:  # a second export of the same file meanwhile
            mine.write_bytes(b"mine")
        assert os.path.exists(tmp)
        assert target.read_bytes() == b"mine"
    finally:
        stop(proc)
    assert [p.name for p in remove_leftovers(target)] == [os.path.basename(tmp)]


def test_other_targets_and_other_files_are_never_touched(tmp_path):
    target = tmp_path / "a.pdf"
    others = [".b.pdf.abcd1234.part",          # another target's temporary
              ".a.pdf.abcdefgh.x.part",         # a temporary of "a.pdf.abcdefgh.x"? not ours
              ".a.pdf.abc.part",                # not a name mkstemp gives
              "a.pdf.abcd1234.part",            # no leading dot: somebody's own file
              ".a.pdf.abcd1234.partial"]
    for name in others:
        (tmp_path / name).write_bytes(b"x")
    ours = tmp_path / ".a.pdf.zz_9y8x7.part"
    ours.write_bytes(b"left by a kill")
    removed = remove_leftovers(target)
    assert removed == [ours]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others)


def test_without_locks_a_temporary_older_than_a_minute_is_a_leftover(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "fcntl", None)  # as on Windows
    target = tmp_path / "x.pdf"
    old, fresh = tmp_path / ".x.pdf.old00000.part", tmp_path / ".x.pdf.new00000.part"
    old.write_bytes(b"old")
    fresh.write_bytes(b"fresh")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert remove_leftovers(target) == [old]
    assert fresh.exists()
    with atomic_path(target) as tmp:  # the writer itself works without locks too
        tmp.write_bytes(b"pdf")
    assert target.read_bytes() == b"pdf" and fresh.exists()
