"""Before the window: one app per data folder (a second start brings the first window forward and
exits 0; a first app that does not answer is explained), and a damaged database explained, moved
aside and replaced by the sound automatic copy the person chooses (the newest unless they pick
another), after which the app goes on."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

from helpers import damaged_folder
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from selfreview.services.instance import acquire_instance_lock
from selfreview.ui.dialogs import DialogService
from selfreview.ui.single_instance import InstanceServer, bring_to_front, server_name
from selfreview.ui.startup import open_data, take_lock

ROOT = Path(__file__).resolve().parents[2]


# -- one app per data folder ----------------------------------------------------------------------------
def test_the_server_name_depends_on_the_folder_only(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) == server_name(tmp_path / "x" / ".." / "a")
    assert server_name(a) != server_name(b)
    assert server_name(a).startswith("selfreview-") and len(server_name(a)) == len("selfreview-") + 16


def test_a_second_start_brings_the_first_window_forward_and_exits_0(qtbot, data_dir, tmp_path):
    lock = acquire_instance_lock(data_dir)  # the first app
    window, other = QWidget(), QWidget()
    window.setWindowTitle("first")
    qtbot.addWidget(window), qtbot.addWidget(other)
    window.show(), other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    server = InstanceServer(data_dir)
    assert server.listening, server.error
    server.activate_requested.connect(lambda: bring_to_front(window))
    window.showMinimized()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        second = subprocess.Popen([sys.executable, "-m", "selfreview", "--data-dir", str(data_dir)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        with qtbot.waitSignal(server.activate_requested, timeout=60000):
            pass  # the event loop runs while we wait: the server answers the second start
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)
        out, err = second.communicate()
    finally:
        server.close()
        lock.release()
    assert second.returncode == 0, err
    assert "selfreview đang chạy với thư mục dữ liệu này" in err and "already running" in err
    assert "Traceback" not in err
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.isMinimized()


HOLDER = textwrap.dedent("""
    import sys, time
    from selfreview.services.instance import acquire_instance_lock
    lock = acquire_instance_lock(sys.argv[1])
    print("HELD", flush=True)
    time.sleep(60)
""")


def test_a_first_app_that_does_not_answer_is_explained(qtbot, data_dir, dialogs, translators):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "HELD"
        lock, status = take_lock(data_dir, dialogs)  # nobody listens: a hung app, or `selfreview doctor`
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        holder.stdout.close()
    assert lock is None and status == 1
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("error", "Bản kiểm điểm cá nhân đang mở")
    assert f"tiến trình {holder.pid}" in text and "không trả lời" in text
    lock, status = take_lock(data_dir, dialogs)  # the holder is gone: the lock went with it
    assert lock is not None and status == 0
    lock.release()


# -- a damaged database -------------------------------------------------------------------------------------

def test_a_damaged_database_is_explained_moved_aside_and_restored(qtbot, tmp_path, dialogs, settings, runner,
                                                                   translators):
    from selfreview.ui.main_window import MainWindow
    data, wrecked = damaged_folder(tmp_path)
    ctx = open_data(data, dialogs)
    assert ctx is not None
    try:
        (kind, title, text), (kind2, title2, text2) = dialogs.asked
        assert (kind, title) == ("choose", "Tệp dữ liệu của bạn bị hỏng")
        assert "selfreview.db" in text and "bản sao tự động: bản mới nhất" in text and "không bị xóa" in text
        assert len(dialogs.choices[0]) == 1  # today's copy, offered as the newest
        assert (kind2, title2) == ("info", "Đã khôi phục bản sao tự động")
        moved = list((data / "damaged").iterdir())
        assert len(moved) == 1 and (moved[0] / "selfreview.db").read_bytes() == wrecked
        assert str(moved[0]) in text2
        # the app goes on, on the restored copy: the profile is there, the later review is not
        window = MainWindow(ctx, settings, runner, dialogs, translators)
        qtbot.addWidget(window)
        window.show()
        assert window.home is not None and "Lê Thị Thu Hà" in window.home.greeting.text()
        assert window.home.model.rowCount() == 0
    finally:
        ctx.close()


def test_declining_changes_nothing(tmp_path, dialogs, translators):
    data, wrecked = damaged_folder(tmp_path)
    dialogs.choose_answers = [None]
    assert open_data(data, dialogs) is None
    assert (data / "selfreview.db").read_bytes() == wrecked
    assert not (data / "damaged").exists()


def older_copies(data: Path) -> list[Path]:
    """Two older automatic copies of ``data``'s database, as the days before would have left them:
    two days ago with no profile at all, yesterday with the profile; then today's copy is wrecked,
    so the newest sound copy is yesterday's. Returns [yesterday's, two days ago]."""
    backups = data / "backups"
    today = next(p for p in backups.iterdir() if p.suffix == ".db")
    made = []
    for days, with_profile in ((1, True), (2, False)):
        stamp = (datetime.now() - timedelta(days=days)).strftime("%Y%m%d-%H%M%S-%f")
        copy = backups / f"selfreview-{stamp}-daily.db"
        shutil.copyfile(today, copy)
        if not with_profile:
            con = sqlite3.connect(copy)
            con.execute("DELETE FROM profile")
            con.commit()
            con.close()
        made.append(copy)
    raw = bytearray(today.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    today.write_bytes(bytes(raw))
    return made


def answer_the_chooser(pick_row: int, seen: list) -> QTimer:
    """Answer the app's modal dialogs as a person does: in the list of copies, select row
    ``pick_row`` and press the restore button; in a message box, press OK. ``seen`` gets
    (title, text, the choices or the informative text)."""
    from PySide6.QtWidgets import QDialog

    from selfreview.ui.choice_dialog import ChoiceDialog

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ChoiceDialog):
            items = [box.choices.item(i).text() for i in range(box.choices.count())]
            seen.append((box.windowTitle(), box.text.text(), items, box.chosen(), box.detail.text()))
            box.choices.setCurrentRow(pick_row)
            box.ok.click()
        elif isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text(), box.informativeText()))
            accept = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
            (accept[0] if accept else box.buttons()[0]).click()
        elif isinstance(box, QDialog):
            box.reject()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    return timer


def open_choosing(tmp_path, index: int):
    """A damaged folder with two older sound copies, opened through the real dialogs, the
    chooser answered with row ``index``: the context, what the dialogs showed, the folder, the
    damaged file's bytes, the two copies (yesterday's, the day before's)."""
    data, wrecked = damaged_folder(tmp_path)
    copies = older_copies(data)
    seen: list = []
    timer = answer_the_chooser(index, seen)
    try:
        ctx = open_data(data, DialogService())
    finally:
        timer.stop()
    assert ctx is not None
    return ctx, seen, data, wrecked, copies


def test_the_real_dialog_lists_the_sound_copies_with_their_dates_newest_chosen(qtbot, tmp_path, translators):
    """Through the dialogs themselves: the list of copies (dates in words, the newest selected,
    the damaged one left out), then the result."""
    ctx, seen, *_ = open_choosing(tmp_path, 0)
    ctx.close()
    (title, text, items, preselected, detail), (title2, text2, _) = seen
    assert title == "Tệp dữ liệu của bạn bị hỏng" and title2 == "Đã khôi phục bản sao tự động"
    assert preselected == 0 and len(items) == 2  # today's copy is wrecked: not offered
    day = (datetime.now() - timedelta(days=1))
    weekday = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][day.weekday()]
    assert items[0] == f"{weekday} {day:%d/%m/%Y %H:%M} — bản sao hằng ngày"
    assert "không qua được bước kiểm tra" in detail
    assert f"lúc {day:%d/%m/%Y %H:%M}" in text2


def test_an_older_copy_chosen_is_the_one_restored(qtbot, tmp_path, translators):
    """The person picks the older of two sound copies: that one is put back (here: the copy from
    before the profile was made), not the newest, through the same restore as `doctor --restore`."""
    ctx, seen, data, wrecked, (yesterday, two_days_ago) = open_choosing(tmp_path, 1)
    try:
        assert ctx.profiles.list() == []  # two days ago: no profile yet (yesterday's copy has one)
    finally:
        ctx.close()
    (_, _, items, _, _), (title2, text2, _) = seen
    taken = datetime.strptime(two_days_ago.name[len("selfreview-"):-len("-daily.db")], "%Y%m%d-%H%M%S-%f")
    assert f" {taken:%d/%m/%Y %H:%M} — " in items[1]
    assert title2 == "Đã khôi phục bản sao tự động" and f"lúc {taken:%d/%m/%Y %H:%M}" in text2
    moved = list((data / "damaged").iterdir())
    assert len(moved) == 1 and (moved[0] / "selfreview.db").read_bytes() == wrecked
    assert yesterday.exists() and two_days_ago.exists()  # the copies stay
