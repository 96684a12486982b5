"""A double-clicked file opens in the app: ``selfreview [--data-dir DIR] FILE`` (what the menu entry and
the Windows file association run). With the app already open on that folder, a second start hands
the file over the single-instance channel and exits; the open app shows an invitation's preview, or
imports a member's file in the secretary's workspace and shows its receipt. Started with a file, the
app opens it once its first page is there."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import labels_text, make_profile
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalSocket

from selfreview.cli import _app_only
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.ui.app import AppStart
from selfreview.ui.exchange_dialogs import InvitationDialog
from selfreview.ui.secretary.receipts_dialog import ReceiptsDialog
from selfreview.ui.single_instance import InstanceServer, server_name

ROOT = Path(__file__).resolve().parents[2]


def first_app(qtbot, starts, data_dir, settings, dialogs, translators, open_path=None) -> AppStart:
    """The app as ``selfreview --data-dir DIR [FILE]`` starts it, up to its first page."""
    start = AppStart(str(data_dir), settings=settings, dialogs=dialogs, translators=translators, open_path=open_path)
    starts.append(start)
    assert start.show() is None
    qtbot.waitUntil(lambda: start.ctx is not None and start.window.page is not None, timeout=30000)
    return start


def second_start(data_dir: Path, path: Path) -> subprocess.Popen:
    """The real second process a double-click starts (from another working folder, with a relative path)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "selfreview", "--data-dir", str(data_dir), path.name],
                            cwd=path.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def wait_for(qtbot, process: subprocess.Popen) -> str:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60000)
    _out, err = process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def invitation(tmp_path) -> tuple[Path, str]:
    """An invitation written by a secretary in another data folder, and that secretary's key code."""
    ctx = AppContext.open(tmp_path / "secretary")
    try:
        sec = ctx.profiles.create(ProfileData(full_name="Phan Thị Thanh Hương", party_post="Bí thư chi bộ"))
        ctx.profiles.set_secretary(sec.id)
        cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy Sở Tư pháp")
        rnd = ctx.cells.create_round(cell.id, "2025", date(2025, 12, 15))
        (tmp_path / "inbox").mkdir()
        path = ctx.exchange.write_invitation(rnd.id, tmp_path / "inbox" / "loi-moi.selfreview-invite")
        return Path(path), sec.fingerprint
    finally:
        ctx.close()


def test_the_command_line_takes_one_file_to_open():
    assert _app_only([]) == (True, None, None)
    assert _app_only(["--data-dir", "D"]) == (True, "D", None)
    assert _app_only(["C:\\Users\\Lan\\Downloads\\loi moi.selfreview-invite"]) == \
        (True, None, "C:\\Users\\Lan\\Downloads\\loi moi.selfreview-invite")
    assert _app_only(["--data-dir=D", "an.SELFREVIEW"]) == (True, "D", "an.SELFREVIEW")
    assert _app_only(["import", "a.selfreview"])[0] is False  # a command, not a file to open
    assert _app_only(["notes.txt"])[0] is False  # argparse explains
    assert _app_only(["a.selfreview", "b.selfreview"])[0] is False


def test_a_double_clicked_invitation_opens_its_preview_in_the_running_app(qtbot, data_dir, settings, dialogs,
                                                                          translators, starts, invitation):
    path, fingerprint = invitation
    with AppContext.open(data_dir) as ctx:
        profile = make_profile(ctx)
    start = first_app(qtbot, starts, data_dir, settings, dialogs, translators)
    assert type(start.window.page).__name__ == "HomePage"
    start.window.showMinimized()

    second = second_start(data_dir, path)
    qtbot.waitUntil(lambda: isinstance(start.window.home.actions.dialog, InvitationDialog), timeout=60000)
    err = wait_for(qtbot, second)
    assert "already running" in err
    dialog = start.window.home.actions.dialog
    assert dialog.isVisible() and not start.window.isMinimized()
    text = labels_text(dialog)
    assert "Chi bộ Văn phòng" in text and "Phan Thị Thanh Hương" in text
    assert dialog.fingerprint.text() == fingerprint
    assert start.ctx.reviews.list(profile_id=profile.id) == []  # nothing before the person accepts
    dialog.accept()
    qtbot.waitUntil(lambda: len(start.ctx.reviews.list(profile_id=profile.id)) == 1, timeout=30000)


def test_a_double_clicked_members_file_is_imported_with_its_receipt(qtbot, data_dir, settings, dialogs, translators,
                                                                    starts, tmp_path):
    from selfreview.demo.generate import run_demo

    with AppContext.open(data_dir) as ctx:  # a secretary with a round, and two members' files
        files = run_demo(ctx, members=2, out=tmp_path / "usb").files
    start = first_app(qtbot, starts, data_dir, settings, dialogs, translators)
    assert start.ctx.reviews.list() == []

    second = second_start(data_dir, files[0])
    qtbot.waitUntil(lambda: start.window.findChild(ReceiptsDialog) is not None, timeout=60000)
    wait_for(qtbot, second)
    page = start.window.page
    assert page.objectName() == "secretaryWorkspace" and page.tabs.currentIndex() == page.ROLLCALL
    receipts = start.window.findChild(ReceiptsDialog)
    qtbot.waitUntil(receipts.isVisible, timeout=10000)
    assert receipts.model.rowCount() == 1
    row = receipts.model.rows[0]
    assert Path(row.file_name).name == files[0].name and row.outcome == "imported"
    assert len(start.ctx.reviews.list()) == 1  # the one file, not the folder


def test_started_with_a_file_the_app_opens_it_after_its_first_page(qtbot, data_dir, settings, dialogs, translators,
                                                                   starts, invitation):
    path, fingerprint = invitation
    with AppContext.open(data_dir) as ctx:
        make_profile(ctx)
    start = first_app(qtbot, starts, data_dir, settings, dialogs, translators, open_path=str(path))
    qtbot.waitUntil(lambda: isinstance(start.window.home.actions.dialog, InvitationDialog), timeout=30000)
    assert start.window.home.actions.dialog.fingerprint.text() == fingerprint


def test_a_file_of_another_kind_or_gone_is_explained(qtbot, data_dir, settings, dialogs, translators, starts, tmp_path):
    from selfreview.ui import file_requests

    with AppContext.open(data_dir) as ctx:
        make_profile(ctx)
    start = first_app(qtbot, starts, data_dir, settings, dialogs, translators)
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8", newline="")
    assert file_requests.open_file(start.window, str(other)) == "refused"
    assert file_requests.open_file(start.window, str(tmp_path / "gone.selfreview-invite")) == "refused"
    assert [kind for kind, _t, _x in dialogs.asked] == ["error", "error"]


def test_the_channel_ignores_what_is_not_a_request(qtbot, data_dir):
    server = InstanceServer(data_dir)
    assert server.listening, server.error
    opened: list[str] = []
    server.open_requested.connect(opened.append)
    try:
        for line in (b"open relative/path.selfreview\n", b"open \xff\xfe.selfreview\n", b"hello\n"):
            socket = QLocalSocket()
            socket.connectToServer(server_name(data_dir))
            assert socket.waitForConnected(3000)
            socket.write(line)
            socket.waitForBytesWritten(3000)
            replied = []
            QTimer.singleShot(300, lambda: replied.append(bytes(socket.readAll().data())))
            qtbot.waitUntil(lambda: bool(replied), timeout=5000)
            assert replied == [b""], line  # no "ok": nothing was asked of the window
            socket.abort()
        assert opened == []
    finally:
        server.close()
