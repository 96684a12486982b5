"""Step 2 of a large import, **check**, in worker processes beside the importer's writes.

The checks of one file (read, decrypt, verify, parse, coerce, hash: :mod:`.checks`) hold the GIL
(the ``cryptography`` calls do not release it), so threads cannot overlap them with the importer's
own work; processes can. :class:`CheckPool` runs them in ``workers`` processes started with
``forkserver`` (POSIX) or ``spawn`` (never ``fork``: the GUI is a Qt process with threads), returns
the results in file order as plain picklable data (:class:`.checks.Checked`), and keeps at most a
few chunks in flight, so memory stays bounded however many files there are.

The secretary's decryption key reaches each worker once, as raw bytes through the pool's own pipe
(never a file); the workers hold it only while the import runs.

:class:`FileChecks` is what the importer calls: each file's checks in order, in the workers for
imports of :data:`PARALLEL_MIN_FILES` files or more (:data:`DEFAULT_WORKERS` of them, 2 where there
are two CPUs or more; ``Importer(..., workers=N)`` chooses), else in its own process.
docs/benchmarks.md says what was measured. The workers run at a lower priority, the importer takes
back chunks they have not started rather than wait for them, and they end with the importer's
process, even when it is killed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import replace
from itertools import islice
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Callable, Generator, Iterator, Sequence

from selfreview.exchange.keys import PrivateIdentity
from selfreview.services.importing.checks import Checked, check_file, failure_text

log = logging.getLogger(__name__)


def default_workers() -> int:
    """Two worker processes where this process may run on two CPUs or more, else none. More would
    not help: the importer's own planning and writing is then what limits an import."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return 2 if cpus >= 2 else 0


# worker processes checking the files of a large import (0: in this process); see docs/benchmarks.md
DEFAULT_WORKERS = default_workers()
# fewer files than this are always checked in this process: the first import of a session waits
# ~0.3 s for the workers' forkserver (a fresh interpreter loading the checks and the forms), about
# the time this process needs to check 1,000 files itself
PARALLEL_MIN_FILES = 1000

CHUNK = 32  # files per task sent to a worker
AHEAD = 4  # chunks in flight per worker
# Workers run at a lower priority than the importer: its own work (planning, writing) is what
# limits an import, and when the machine is busy the workers should yield to it and to the other
# programs; on an idle core they run at full speed anyway (docs/benchmarks.md).
NICENESS = 10
STEAL_AFTER_S = 0.001  # how long to wait for the next chunk before taking one back

_identity: PrivateIdentity | None = None
_enc_public: str | None = None


def _worker_init(sign_raw: bytes | None, enc_raw: bytes | None, enc_public: str | None) -> None:
    """In each worker: the secretary's key, and the bundled forms (already loaded in a fork of the
    forkserver: see :mod:`.preload`)."""
    global _identity, _enc_public
    from selfreview.exchange.keys import identity_from_bytes
    from selfreview.forms import registry

    if hasattr(os, "nice"):  # POSIX: the importer itself, and anything else on the machine, come first
        os.nice(NICENESS)
    _exit_with_the_importer()
    _identity = identity_from_bytes(sign_raw, enc_raw) if sign_raw is not None and enc_raw is not None else None
    _enc_public = enc_public
    registry.bundled()


def _exit_with_the_importer() -> None:
    """A worker ends when the importer's process ends, however it ends. On a normal end the pool
    stops its workers; but if the importer is killed (a crash, the task manager), a worker would wait
    for work for ever: each holds both ends of the pool's task pipe, so none sees it close, and the
    forkserver stays while a worker lives. A thread waits on the importer's sentinel (a pipe the
    importer's process holds open: ``multiprocessing.parent_process()``) and ends this process."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="exit-with-importer").start()


def _check_chunk(paths: list[str]) -> list[Checked]:
    out = [check_file(Path(p), _identity, _enc_public, in_worker=True) for p in paths]
    for checked in out:  # less to send back, less for the importer to do
        checked.path = None  # type: ignore[assignment]  # the importer knows it
        doc = checked.doc
        if doc is not None:
            _ = doc.member.fingerprint  # computed here, it travels with the member (a cached_property)
            coerced = checked.coerced
            if coerced is not None and coerced.answers is not None:
                # the importer writes the answers' JSON text and the summary made here: neither the
                # answers as sent nor as coerced need to travel back
                checked.doc = replace(doc, answers={})
                coerced.answers = None
    return out


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        # the forkserver imports the checks and loads the bundled forms once; each worker is then
        # a fork of it, ready to check at once
        ctx.set_forkserver_preload(["selfreview.services.importing.preload"])
    return ctx


def _ready() -> bool:
    return True


class CheckPool:
    """``with CheckPool(identity, enc_public, workers) as pool: for c in pool.checked(paths, local): ...``

    The workers take a moment to start (a fresh interpreter, the modules, the bundled forms: about
    0.3-0.5 s). Until one is ready the files are checked here with ``local``, chunk by chunk, so no
    time is lost waiting; from then on the workers check the files ahead of the importer.
    """

    def __init__(self, secretary: PrivateIdentity | None, secretary_enc: str | None, workers: int) -> None:
        from cryptography.hazmat.primitives import serialization

        raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        keys = ((secretary.sign.private_bytes(*raw), secretary.enc.private_bytes(*raw)) if secretary is not None
                else (None, None))
        self.workers = max(1, workers)
        self.executor: ProcessPoolExecutor | None = None
        self._pings: list[Future[bool]] = []
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.chunks_here = self.chunks_there = 0  # how the work was shared (for the benchmarks)
        self.files_there = 0
        # starting the first worker waits for the forkserver to be up (a fresh interpreter importing
        # the checks: ~0.4 s); the importer checks files itself meanwhile
        self._starter = threading.Thread(target=self._start, args=(keys, secretary_enc), daemon=True,
                                         name="import-workers-start")
        self._starter.start()

    def _start(self, keys: tuple[bytes | None, bytes | None], secretary_enc: str | None) -> None:
        try:
            executor = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_worker_init,
                                           initargs=(*keys, secretary_enc))
            pings = [executor.submit(_ready) for _ in range(self.workers)]
        except BaseException as e:  # noqa: BLE001 - reported by ready(), in the importer's thread
            self._error = e
            return
        with self._lock:
            if not self._closed:
                self.executor, self._pings = executor, pings
                return
        # the import ended before the workers were up: stop them here, in this background thread
        executor.shutdown(wait=True, cancel_futures=True)

    def ready(self) -> bool:
        """True once a worker has started (raises what starting them failed with, if it did)."""
        if self._error is not None:
            raise self._error
        if self.executor is None:
            return False
        for f in self._pings:
            if f.done():
                f.result()
                return True
        return False

    def checked(self, paths: Sequence[str | Path], local: Callable[[str | Path], Checked]) -> Iterator[Checked]:
        """Each file's checks, in the order given: by a worker, or by ``local`` (in this process).

        At most ``AHEAD`` chunks per worker are in flight. This process never waits idle while a
        chunk it could do is still queued: before any worker is ready it checks the files itself,
        and when the next chunk's results are not back yet it takes back the last chunk no worker
        has started and checks it here (work stealing), so a slow or busy machine costs little."""
        n_chunks = (len(paths) + CHUNK - 1) // CHUNK

        def chunk(k: int) -> Sequence[str | Path]:  # made when needed: no second list of every file
            return paths[k * CHUNK:(k + 1) * CHUNK]

        window: deque[tuple[int, Future[list[Checked]]]] = deque()
        stolen: dict[int, list[Checked]] = {}
        nxt = 0  # the first chunk given to nobody yet

        def top_up() -> None:
            nonlocal nxt
            assert self.executor is not None
            while nxt < n_chunks and len(window) < AHEAD * self.workers:
                window.append((nxt, self.executor.submit(_check_chunk, [str(p) for p in chunk(nxt)])))
                nxt += 1

        def steal() -> bool:
            for i in range(len(window) - 1, 0, -1):  # the head is waited for, not taken back
                j, future = window[i]
                if future.cancel():  # no worker has it yet
                    del window[i]
                    stolen[j] = [local(path) for path in chunk(j)]
                    return True
            return False

        for k in range(n_chunks):
            if k in stolen:
                self.chunks_here += 1
                yield from stolen.pop(k)
                continue
            if window and window[0][0] == k:
                future = window[0][1]
                # a moment's wait first: the head is usually nearly done, and a chunk taken back
                # costs this process (the import's bottleneck) the time a worker would have spent
                while not wait((future,), STEAL_AFTER_S).done and steal():
                    pass
                window.popleft()
                if future.done() or not future.cancel():
                    results = future.result()
                    top_up()
                    self.chunks_there += 1
                    self.files_there += len(results)
                    yield from results
                    continue
            nxt = max(nxt, k + 1)  # this chunk is checked here
            if self.ready():
                top_up()  # the chunks after it go to the workers
            self.chunks_here += 1
            for path in chunk(k):
                yield local(path)

    def close(self) -> None:
        """Stop the workers (those still starting stop by themselves: the import does not wait)."""
        with self._lock:
            self._closed = True
            executor = self.executor
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> CheckPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FileChecks:
    """Each file's database-free checks, in order: in worker processes (a :class:`CheckPool`) when
    there are ``workers`` and at least :data:`PARALLEL_MIN_FILES` files, else in this process; if
    the workers fail, the remaining files are checked here. ``files_in_workers``: how many were
    checked there (for the benchmarks)."""

    def __init__(self, secretary: PrivateIdentity | None, secretary_enc: str | None, workers: int,
                 files: int) -> None:
        self.secretary, self.secretary_enc = secretary, secretary_enc
        self.files_in_workers = 0
        self.pool: CheckPool | None = None
        if workers > 0 and files >= PARALLEL_MIN_FILES:
            try:
                self.pool = CheckPool(secretary, secretary_enc, workers)
            except Exception:  # noqa: BLE001 - no worker processes here: check in this process
                log.exception("could not start worker processes; checking the files in this process")

    def each(self, files: Sequence[str | Path]) -> Generator[Checked, None, None]:
        """The checks of ``files``, in their order."""
        done = 0
        if self.pool is not None:
            try:
                for checked in self.pool.checked(files, self.check_here):
                    yield checked
                    done += 1
                return
            except Exception:  # noqa: BLE001 - e.g. a worker was killed: carry on without them
                log.exception("the worker processes failed after %d files; checking the rest here", done)
        for path in islice(files, done, None):
            yield self.check_here(path)

    def check_here(self, path: str | Path) -> Checked:
        """One file's checks in this process (an unexpected failure becomes a refusal with
        ``import.failed``, logged with its traceback)."""
        path = Path(path)
        try:
            return check_file(path, self.secretary, self.secretary_enc)
        except Exception as e:  # noqa: BLE001 - a bug must not stop the other files; the receipt says it
            log.exception("import of %s failed", path)
            return Checked(path, error=failure_text(e))

    def close(self) -> None:
        """Stop the workers, if any."""
        if self.pool is not None:
            self.pool.close()
            self.files_in_workers = self.pool.files_there

