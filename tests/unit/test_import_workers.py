"""The worker pool of a large import (services/importing/workers.py): whatever the workers manage to
do, every file is checked exactly once and the results come back in file order; a chunk no worker
has started is taken back and checked by the importer (work stealing) rather than waited for."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from selfreview.services.importing import workers as import_workers
from selfreview.services.importing.checks import Checked
from selfreview.services.importing.workers import CheckPool


class _NeverRuns:
    """An executor whose tasks are never started (every worker busy elsewhere)."""

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, *args):
        self.submitted += 1
        return Future()

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def _pool(executor, workers: int = 2) -> CheckPool:
    """A CheckPool around ``executor``, ready at once (no processes started)."""
    pool = CheckPool.__new__(CheckPool)
    started = Future()
    started.set_result(True)
    pool.workers, pool.executor, pool._pings, pool._error = workers, executor, [started], None
    pool._lock, pool._closed = threading.Lock(), False
    pool.chunks_here = pool.chunks_there = pool.files_there = 0
    pool._starter = threading.Thread(target=lambda: None)
    return pool


def _local(path) -> Checked:
    return Checked(path, sha=f"here:{path}")


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(import_workers, "CHUNK", 3)


def test_chunks_no_worker_starts_are_checked_here_in_order(small_chunks):
    executor = _NeverRuns()
    pool = _pool(executor)
    paths = [f"f{i:02d}" for i in range(20)]
    got = list(pool.checked(paths, _local))
    assert [c.path for c in got] == paths
    assert all(c.sha.startswith("here:") for c in got)
    assert pool.chunks_there == 0 and pool.chunks_here == 7  # ceil(20 / 3), each checked once
    assert executor.submitted > 0  # they were offered to the workers first


def test_slow_workers_and_stealing_share_the_files_each_checked_once(small_chunks, monkeypatch):
    done_by_worker: list[str] = []

    def slow_chunk(paths):
        time.sleep(0.02)
        done_by_worker.extend(paths)
        return [Checked(p, sha=f"there:{p}") for p in paths]

    monkeypatch.setattr(import_workers, "_check_chunk", slow_chunk)
    checked_here: list[str] = []

    def local(path):
        checked_here.append(path)
        return Checked(path, sha=f"here:{path}")

    with ThreadPoolExecutor(1) as executor:  # one slow worker: its queued chunks can be taken back
        pool = _pool(executor, workers=1)
        paths = [f"f{i:02d}" for i in range(60)]
        got = list(pool.checked(paths, local))
    assert [c.path for c in got] == paths  # file order, whoever checked them
    assert sorted(done_by_worker + checked_here) == paths  # every file exactly once
    assert done_by_worker  # the worker did some
    assert set(checked_here) - set(paths[:3])  # and chunks queued for it were taken back (not only the first)
    assert all(c.sha == ("there:" if c.path in done_by_worker else "here:") + c.path for c in got)
    assert pool.files_there == len(done_by_worker)


CHILD = """
import sys, time
from selfreview.services.importing.workers import CheckPool
if __name__ == "__main__":
    pool = CheckPool(None, None, 2)
    deadline = time.monotonic() + 60
    while not pool.ready():
        assert time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.05)
    for f in pool._pings:
        f.result()
    print(" ".join(str(pid) for pid in pool.executor._processes), flush=True)
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_worker_processes_end_when_the_importer_is_killed(tmp_path):
    """A crash of the app in the middle of a large import leaves no process behind (before, the
    workers and their forkserver waited for ever: 47 of them after 30 crashes)."""
    import os
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in child.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        with open(f"/proc/{workers[0]}/stat") as f:
            forkserver = int(f.read().split(") ")[1].split()[1])
        assert forkserver != child.pid and _alive(forkserver)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in (*workers, forkserver)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in (*workers, forkserver))
    finally:
        if child.poll() is None:
            child.kill()
