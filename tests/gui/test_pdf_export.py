""""Xuất PDF…" from the form and from Home: the PDF holds what the member has just typed (Vietnamese
through the input method, not yet autosaved), it is then shown in the system's viewer, and a run
cancelled through its job (on a real worker thread) leaves no file under the chosen name."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import complete_review, pdf_text, type_vietnamese
from PySide6.QtCore import Qt

from selfreview.ui import open_file
from selfreview.ui.main_window import MainWindow
from selfreview.ui.tasks import ProgressDialog, TaskRunner

TYPED = "Chủ động nghiên cứu, tham mưu sửa đổi quy chế làm việc của Văn phòng Sở; hoàn thành trước hạn."


@pytest.fixture(autouse=True)
def opened():
    seen: list[Path] = []
    previous = open_file.set_opener(lambda p: seen.append(p) or True)
    yield seen
    open_file.set_opener(previous)



def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_pdf_holds_what_was_just_typed_and_is_opened(qtbot, make_window, ctx, dialogs, tmp_path, opened):
    _, review_id = complete_review(ctx)
    window = make_window()
    window.open_review(review_id, "a_i")
    edit = window.editor.widget_for("a1_duties").edit
    edit.clear()
    type_vietnamese(edit, TYPED)  # still waiting for the autosave when the button is pressed
    out_dir = tmp_path / "pdf"
    out_dir.mkdir()
    suggested = []
    dialogs.save_file = lambda parent, title, name, flt: suggested.append(name) or str(out_dir / "ban-kiem-diem")
    qtbot.mouseClick(window.editor.pdf_button, Qt.MouseButton.LeftButton)
    assert Path(suggested[0]).name == "tran-van-binh-2025.pdf"
    out = out_dir / "ban-kiem-diem.pdf"
    assert opened == [out]
    assert out.read_bytes().startswith(b"%PDF")
    assert leftovers(out_dir) == ["ban-kiem-diem.pdf"]
    assert " ".join(TYPED.split()) in pdf_text(out)
    assert "Trần Văn Bình" in pdf_text(out)
    assert not [a for a in dialogs.asked if a[0] == "error"]
    assert window.editor.detail.summary.status == "draft"  # a PDF changes nothing


def test_home_exports_any_status_and_says_so_when_no_viewer_starts(qtbot, make_window, ctx, dialogs, tmp_path):
    _, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    open_file.set_opener(lambda p: False)  # e.g. no PDF viewer installed
    window = make_window()
    assert window.home.selected().id == review_id
    out = tmp_path / "home.pdf"
    dialogs.save_file = lambda *a, **k: str(out)
    window._update_actions()
    window.actions_by_name["pdf"].trigger()
    assert out.is_file() and "Nội dung trả lời cho mục a1_political." in pdf_text(out)
    kind, title, text = dialogs.asked[-1]
    assert kind == "info" and str(out) in text


@pytest.fixture
def threaded(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def threaded_window(qtbot, ctx, settings, threaded, dialogs, translators):
    window = MainWindow(ctx, settings, threaded, dialogs, translators)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _queue_behind_a_gate(runner: TaskRunner) -> threading.Event:
    """Occupy the job worker until the returned event is set (so the next job waits in line)."""
    gate = threading.Event()
    runner.start_job(lambda _p: gate.wait(10))
    return gate


def test_cancel_while_rendering_leaves_no_file(qtbot, threaded_window, threaded, ctx, dialogs, tmp_path, opened):
    profile, review_id = complete_review(ctx)
    window = threaded_window
    window.open_profile(profile.id)
    assert window.open_review(review_id)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "huy.pdf"
    dialogs.save_file = lambda *a, **k: str(out)
    gate = _queue_behind_a_gate(threaded)
    qtbot.mouseClick(window.editor.pdf_button, Qt.MouseButton.LeftButton)
    actions = window.editor.actions
    job, progress = actions.job, actions.progress
    assert job.running and isinstance(progress, ProgressDialog)
    reports: list[int] = []
    report = job.progress.report

    def report_then_cancel(done, total=0, text=""):  # on the worker thread, in the middle of rendering
        report(done, total, text)
        reports.append(done)
        if done >= 150:
            job.cancel()  # what Cancel does, at a point known to be mid-render
    job.progress.report = report_then_cancel
    ended, gone = [], []
    job.ended.connect(lambda: ended.append(True))
    progress.destroyed.connect(lambda: gone.append(True))
    gate.set()
    qtbot.waitUntil(lambda: ended == [True], timeout=20000)
    assert reports and reports[-1] < 1000  # it stopped before the end
    assert not out.exists() and leftovers(out_dir) == []
    assert opened == [] and not [a for a in dialogs.asked if a[0] in ("error", "info")]
    qtbot.waitUntil(lambda: gone == [True], timeout=2000)  # the progress dialog closed itself
    assert actions.progress is None and actions.job is None


def test_the_progress_dialogs_cancel_button_keeps_an_earlier_pdf(qtbot, threaded_window, threaded, ctx, dialogs,
                                                                 tmp_path, opened):
    profile, review_id = complete_review(ctx)
    window = threaded_window
    window.open_profile(profile.id)
    assert window.open_review(review_id)
    out = tmp_path / "earlier.pdf"
    out.write_bytes(b"%PDF-1.4 the earlier export")
    dialogs.save_file = lambda *a, **k: str(out)
    gate = _queue_behind_a_gate(threaded)
    qtbot.mouseClick(window.editor.pdf_button, Qt.MouseButton.LeftButton)
    actions = window.editor.actions
    job, progress = actions.job, actions.progress
    qtbot.mouseClick(window.editor.pdf_button, Qt.MouseButton.LeftButton)  # a second click waits for the first
    assert actions.job is job
    ended = []
    job.ended.connect(lambda: ended.append(True))
    cancel = progress.findChild(type(window.editor.pdf_button))
    assert cancel is not None and cancel.text() == "Hủy"
    cancel.click()  # the person presses Cancel (the dialog shows after half a second)
    gate.set()
    qtbot.waitUntil(lambda: ended == [True], timeout=20000)
    assert out.read_bytes() == b"%PDF-1.4 the earlier export"
    assert leftovers(tmp_path).count("earlier.pdf") == 1 and not [n for n in leftovers(tmp_path) if ".part" in n]
    assert opened == []
