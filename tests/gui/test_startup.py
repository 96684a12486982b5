"""Before the window: one app per data folder (a second start brings the first window forward and
exits 0; a first app that does not answer is explained), and a damaged database explained, moved
aside and replaced by the newest automatic copy, after which the app goes on."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from selfreview.services.context import AppContext
from selfreview.services.instance import acquire_instance_lock
from selfreview.ui.dialogs import DialogService
from selfreview.ui.single_instance import InstanceServer, bring_to_front, server_name
from selfreview.ui.startup import open_data, take_lock
from tests.gui.helpers import make_profile

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
def damaged_folder(tmp_path: Path) -> tuple[Path, bytes]:
    """A data folder whose newest automatic copy has the profile, a review made after that copy, and
    then a wrecked database file."""
    data = tmp_path / "damaged-data"
    with AppContext.open(data) as ctx:
        make_profile(ctx, "Lê Thị Thu Hà")
    shutil.rmtree(data / "backups")
    with AppContext.open(data) as ctx:  # today's copy, with the profile in it
        profile = ctx.profiles.list()[0]
        ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")  # after the copy: only in the damaged file
    db = data / "selfreview.db"
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(raw))
    return data, bytes(raw)


def test_a_damaged_database_is_explained_moved_aside_and_restored(qtbot, tmp_path, dialogs, settings, runner,
                                                                   translators):
    from selfreview.ui.main_window import MainWindow
    data, wrecked = damaged_folder(tmp_path)
    ctx = open_data(data, dialogs)
    assert ctx is not None
    try:
        (kind, title, text), (kind2, title2, text2) = dialogs.asked
        assert (kind, title) == ("confirm", "Tệp dữ liệu của bạn bị hỏng")
        assert "selfreview.db" in text and "bản sao tự động mới nhất" in text and "không bị xóa" in text
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
    dialogs.confirm_answers = [False]
    assert open_data(data, dialogs) is None
    assert (data / "selfreview.db").read_bytes() == wrecked
    assert not (data / "damaged").exists()


def test_the_real_dialogs_list_the_copies_with_their_dates(qtbot, tmp_path, translators):
    """Through the message boxes themselves: the question with the list of copies, then the result."""
    data, _ = damaged_folder(tmp_path)
    seen: list[tuple[str, str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text(), box.informativeText()))
            accept = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
            (accept[0] if accept else box.buttons()[0]).click()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    try:
        ctx = open_data(data, DialogService())
    finally:
        timer.stop()
    assert ctx is not None
    ctx.close()
    (title, text, detail), (title2, _text2, _) = seen
    assert title == "Tệp dữ liệu của bạn bị hỏng" and title2 == "Đã khôi phục bản sao tự động"
    assert detail.startswith("Các bản sao tự động trên máy này, mới nhất trước:\n• ")
    assert "(bản sao hằng ngày)" in detail
