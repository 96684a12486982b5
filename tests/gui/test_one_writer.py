"""One writer (issue 13, item 6): a large file import runs as a job with progress and cancel, but
its database work goes batch by batch through the runner's one writer thread, so autosaves queued
meanwhile get in between. Through the real threaded runner, not the synchronous test runner."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from fake_dialogs import FakeDialogs
from helpers import make_profile
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from secretary_support import demo_round
from sqlalchemy import func, select

from selfreview.db.models import Answer, Review
from selfreview.forms.model import LongText
from selfreview.services.importing.receipts import IMPORTED
from selfreview.ui.secretary.drop_import import ImportController
from selfreview.ui.tasks import TaskRunner

FILES = 1000  # demo files imported (generating them takes most of the test's time)
TICK_MS = 50  # an autosave-like write every 50 ms, as a fast typist's debounced saves
MAX_WAIT_S = 1.0  # the longest an autosave may wait in the writer's queue behind the import


@pytest.fixture
def threaded(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_an_import_of_many_files_lets_autosaves_through_and_loses_nothing(qtbot, ctx, tmp_path, threaded, caplog):
    caplog.set_level(logging.WARNING)
    rnd, files = demo_round(ctx, tmp_path / "files", members=FILES)
    member = make_profile(ctx, "Lê Thị Hoa")
    detail = ctx.reviews.create(member.id, "2025", "hd43-2025-2b")
    review_id = detail.summary.id
    questions = [item.id for _s, item in detail.template.items() if isinstance(item, LongText)][:4]
    assert len(questions) == 4

    ctx.writer_check = threaded.on_writer_thread  # as the app does: a write elsewhere is logged
    # the secretary's import, as the roll-call page starts it (progress dialog and all)
    widget = QWidget()
    controller = ImportController(ctx, threaded, FakeDialogs(), widget)
    units: list[float] = []  # how long each of the import's turns on the writer took
    write = threaded.write

    def timed_write(fn, *args, **kwargs):
        def unit():
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                units.append(time.perf_counter() - started)
        return write(unit)
    threaded.write = timed_write
    results: list[list] = []
    controller.imported.connect(results.append)

    # autosave-like writes every 50 ms on the GUI thread, queued on the one writer
    typed: dict[str, str] = {}
    waits: list[float] = []
    saved: list[str] = []
    errors: list[Exception] = []
    during_import: list[int] = []
    submitted: list[int] = []

    def save(qid: str, value: str, queued: float) -> str:
        waits.append(time.perf_counter() - queued)
        assert threading.current_thread() is not threading.main_thread()
        return ctx.reviews.save_answer(review_id, qid, value)

    def tick() -> None:
        n = len(typed) + sum(len(v) for v in typed.values())
        qid = questions[n % len(questions)]
        typed[qid] = typed.get(qid, "Đã làm ") + "ế"
        if job is not None and job.running:
            during_import.append(1)
        submitted.append(1)
        threaded.submit(save, qid, typed[qid], time.perf_counter(), on_done=saved.append, on_error=errors.append)

    job = None
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(TICK_MS)
    job = controller.import_paths([str(p) for p in files])
    qtbot.waitUntil(lambda: bool(results), timeout=240_000)
    timer.stop()
    assert threaded.drain(30)
    qtbot.waitUntil(lambda: len(saved) + len(errors) == len(submitted), timeout=10_000)

    # nothing lost: every file imported, every autosave stored, its last value in the database
    receipts = results[0]
    assert len(receipts) == FILES and all(r.outcome == IMPORTED for r in receipts)
    assert errors == []
    assert len(during_import) >= 10, "the autosaves did not run while the import did"
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Review).where(Review.round_id == rnd.id)) == FILES
        stored = dict(s.execute(select(Answer.question_id, Answer.value).where(Answer.review_id == review_id)).all())
    assert {q: stored.get(q) for q in typed} == typed
    # the import wrote in short turns, and no autosave waited for the import as a whole
    assert len(units) >= FILES // 200
    print(f"{FILES} files, {len(units)} turns (longest {max(units):.3f} s), {len(waits)} autosaves "
          f"({len(during_import)} during the import), longest wait {max(waits):.3f} s")
    assert max(waits) <= MAX_WAIT_S, f"an autosave waited {max(waits):.2f} s (turns: {max(units):.2f} s)"
    # no write ran off the writer thread, and nobody saw "database is locked"
    assert not [r for r in caplog.records if "off the writer thread" in r.getMessage()]
    assert not [r for r in caplog.records if "locked" in r.getMessage().lower()]
    widget.deleteLater()


def test_a_job_hands_its_database_work_to_the_writer_and_gets_the_result(qtbot, threaded):
    where: list[threading.Thread] = []

    def db_phase(x):
        where.append(threading.current_thread())
        assert threaded.on_writer_thread()
        return x * 2

    def boom():
        raise ValueError("đĩa đầy")

    def job_fn(progress):
        assert not threaded.on_writer_thread()
        first = threaded.write(db_phase, 21)
        try:
            threaded.write(boom)
        except ValueError as e:
            return first, str(e)
        return first, None

    threaded.submit(db_phase, 1)  # the writer thread exists already: the same one runs the job's phase
    done: list = []
    threaded.start_job(job_fn, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [(42, "đĩa đầy")]
    assert len(set(where)) == 1 and where[0] is not threading.main_thread()


def test_a_write_off_the_writer_thread_is_reported(qtbot, ctx, threaded, caplog):
    """The guard the big test relies on: it does see a write unit opened elsewhere."""
    caplog.set_level(logging.WARNING)
    ctx.writer_check = threaded.on_writer_thread
    profile = make_profile(ctx, "Vũ Văn Nam")  # on this (the GUI) thread: reported
    assert [r for r in caplog.records if "off the writer thread" in r.getMessage()]
    caplog.clear()
    threaded.write(ctx.reviews.create, profile.id, "2025")  # on the writer: not reported
    with ctx.read() as s:  # reading is not a write
        assert s.scalar(select(func.count()).select_from(Review).where(Review.profile_id == profile.id)) == 1
    assert not [r for r in caplog.records if "off the writer thread" in r.getMessage()]
