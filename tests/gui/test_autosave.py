"""Autosave keeps up with typing and never shows a failed save as saved (issue: never lose what a
member typed). These run on the real threaded TaskRunner: the writes happen on the writer thread
and their results come back by queued signal, as in the app."""

from __future__ import annotations

import threading

from helpers import make_profile, type_vietnamese

from selfreview.messages import msg
from selfreview.services.safety import DiskFull
from selfreview.ui.autosave import AutoSaver
from selfreview.ui.tasks import TaskRunner

WORDS = "Giữ vững lập trường chính trị tư tưởng không né tránh trách nhiệm ".split()


def test_steady_typing_is_saved_while_it_goes_on(qtbot):
    """A person who never pauses for the debounce still has their text stored: the deadline counted
    from the first unsaved keystroke writes it (before, nothing was written until a pause)."""
    runner = TaskRunner()
    saves: list[str] = []
    saver = AutoSaver(lambda qid, v: saves.append(v) or v, runner, delay_ms=300, max_wait_ms=500)
    text = ""
    typed_while_saving = []
    for n in range(60):  # a keystroke every 40 ms for about 2.4 s: never a 300 ms pause
        text += WORDS[n % len(WORDS)][0]
        saver.schedule("a1", text)
        qtbot.wait(40)
        typed_while_saving.append(len(saves))
    assert typed_while_saving[-1] >= 2, "nothing was stored while the typing went on"
    # each stored value is what had been typed by then: a prefix of the final text
    assert all(text.startswith(v) for v in saves)
    saver.flush()
    runner.drain()
    assert saves[-1] == text and saver.unsaved() == []
    runner.shutdown()


def test_a_failed_write_is_retried_and_never_shown_as_saved(qtbot):
    """Disk full twice, then the write goes through: meanwhile another field saves fine, and the
    state stays "error" naming the field and the reason until the failed value is stored."""
    runner = TaskRunner()
    stored: dict[str, str] = {}
    failures = {"a2": 2}
    lock = threading.Lock()

    def save(qid, value):
        with lock:
            if failures.get(qid, 0) > 0:
                failures[qid] -= 1
                raise DiskFull(msg("storage.disk_full"))
            stored[qid] = value
        return value

    labels = {"a1": "Về tư tưởng chính trị", "a2": "Hạn chế, khuyết điểm"}
    saver = AutoSaver(save, runner, delay_ms=20, max_wait_ms=40, label=labels.get)
    states: list[tuple[str, object]] = []
    saver.state_changed.connect(lambda s, m: states.append((s, m)))
    saver.schedule("a2", "Còn chậm đổi mới")
    qtbot.waitUntil(lambda: saver.state == "error", timeout=3000)
    problem = states[-1][1]
    assert problem.field == "a2" and problem.label == "Hạn chế, khuyết điểm" and problem.retrying
    assert problem.reason.code == "storage.disk_full"
    saver.schedule("a1", "Kiên định")  # another field is stored meanwhile ...
    qtbot.waitUntil(lambda: [p.field for p in saver.unsaved()] == ["a2"], timeout=3000)
    assert stored.get("a1") == "Kiên định"
    assert saver.state == "error"  # ... and that is not shown as "saved"
    qtbot.waitUntil(lambda: stored.get("a2") == "Còn chậm đổi mới", timeout=5000)  # the retries
    qtbot.waitUntil(lambda: saver.state == "saved", timeout=2000)
    assert saver.unsaved() == []
    seen = [s for s, _m in states]
    first_error = seen.index("error")
    assert "saved" not in seen[first_error:-1]  # "saved" only once the failed value was stored
    runner.shutdown()


def test_a_newer_value_replaces_the_one_that_failed(qtbot):
    runner = TaskRunner()
    stored = {}
    attempts = []

    def save(qid, value):
        attempts.append(value)
        if value == "cũ":
            raise DiskFull(msg("storage.disk_full"))
        stored[qid] = value
        return value

    saver = AutoSaver(save, runner, delay_ms=10, max_wait_ms=20)
    saver.schedule("q", "cũ")
    qtbot.waitUntil(lambda: saver.state == "error", timeout=3000)
    saver.schedule("q", "mới")
    qtbot.waitUntil(lambda: saver.state == "saved", timeout=3000)
    qtbot.wait(700)  # past the first retry's delay: the old value is not written again
    assert stored == {"q": "mới"} and attempts.count("cũ") == 1
    runner.shutdown()


def _window_with_failing_disk(qtbot, ctx, settings, dialogs, translators, monkeypatch):
    from selfreview.ui.main_window import MainWindow
    runner = TaskRunner()
    profile = make_profile(ctx)
    review = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
    real_save = ctx.reviews.save_answer
    disk = {"full": True}

    def save_answer(review_id, qid, value):
        if disk["full"]:
            raise DiskFull(msg("storage.disk_full"))
        return real_save(review_id, qid, value)

    monkeypatch.setattr(ctx.reviews, "save_answer", save_answer)
    window = MainWindow(ctx, settings, runner, dialogs, translators)
    qtbot.addWidget(window)
    window.show()
    assert window.open_review(review.summary.id)
    return window, runner, review.summary.id, disk


def test_the_window_names_the_unsaved_field_and_asks_before_closing(
        qtbot, ctx, settings, dialogs, translators, monkeypatch):
    window, runner, rid, disk = _window_with_failing_disk(qtbot, ctx, settings, dialogs, translators,
                                                         monkeypatch)
    edit = window.editor.widget_for("a1_political").edit
    type_vietnamese(edit, "Giữ vững lập trường")
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Chưa lưu"), timeout=3000)
    assert "Ổ đĩa đã đầy" in window.saved_label.text()
    assert "Về tư tưởng chính trị" in window.saved_label.text() or "“" in window.saved_label.text()

    dialogs.confirm_answers = [False]  # "Cancel": stay
    window.close()
    assert window.isVisible(), "the window closed with an unsaved answer and did not ask"
    assert dialogs.asked[-1][0] == "confirm"
    dialogs.confirm_answers = [False]
    window.show_home()  # leaving the form asks too
    assert window.editor is not None

    disk["full"] = False  # the disk has room again: the retry stores it, the status says so
    qtbot.waitUntil(lambda: window.saved_label.text() == "Đã lưu", timeout=5000)
    assert ctx.reviews.answers(rid) == {"a1_political": "Giữ vững lập trường"}
    asked = len(dialogs.asked)
    window.close()
    assert not window.isVisible() and len(dialogs.asked) == asked  # nothing unsaved: no question
    runner.shutdown()


def test_leaving_without_saving_when_the_person_says_so(qtbot, ctx, settings, dialogs, translators, monkeypatch):
    window, runner, rid, _disk = _window_with_failing_disk(qtbot, ctx, settings, dialogs, translators,
                                                          monkeypatch)
    type_vietnamese(window.editor.widget_for("a1_political").edit, "Văn bản")
    dialogs.confirm_answers = [True]  # "Leave without saving"
    window.show_home()
    assert window.editor is None and window.home is not None
    assert ctx.reviews.answers(rid) == {}
    runner.shutdown()


def test_a_known_bad_binding_is_named_at_start(monkeypatch):
    """An install made without constraints.txt that got PySide6 6.12.0 is told why it may crash."""
    import sys

    import PySide6

    from selfreview.ui.app import binding_problem
    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    monkeypatch.setattr(sys, "version_info", (3, 11, 7, "final", 0))
    assert "6.12.0" in binding_problem() and "constraints.txt" in binding_problem()
    monkeypatch.setattr(sys, "version_info", (3, 13, 0, "final", 0))
    assert binding_problem() is None  # None is immortal there: the leak is harmless
    monkeypatch.setattr(PySide6, "__version__", "6.11.3")
    monkeypatch.setattr(sys, "version_info", (3, 11, 7, "final", 0))
    assert binding_problem() is None
