"""Shared pieces of the secretary workspace tests (no tests here): a data directory acting as the
secretary with a round made in the GUI or by the demo generator, demo files, a file re-signed with
another key, a simulated drop, dialogs that answer file pickers, and a round's invitation written by
a secretary in a data directory of their own."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from fake_dialogs import FakeDialogs
from helpers import make_profile
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData

SECRETARY_NAME = "Phan Thị Thanh Hương"


class PickingDialogs(FakeDialogs):
    """FakeDialogs that also answer the file pickers with prepared paths."""

    def __init__(self) -> None:
        super().__init__()
        self.save_paths: list[str] = []
        self.open_paths: list[str] = []
        self.open_lists: list[list[str]] = []

    def save_file(self, parent, title, suggested="", name_filter=""):
        self.asked.append(("save", title, suggested))
        return self.save_paths.pop(0) if self.save_paths else None

    def open_file(self, parent, title, name_filter="", directory=""):
        self.asked.append(("open", title, name_filter))
        return self.open_paths.pop(0) if self.open_paths else None

    def open_files(self, parent, title, name_filter="", directory=""):
        self.asked.append(("open_files", title, name_filter))
        return self.open_lists.pop(0) if self.open_lists else []


def secretary_profile(ctx):
    p = make_profile(ctx, SECRETARY_NAME, leader=True)
    ctx.profiles.set_secretary(p.id)
    return p


def demo_round(ctx, out: Path, members: int = 8, period: str = "2025"):
    """The demo's cell and round (with this data directory's secretary) and ``members`` files."""
    from selfreview.demo.generate import run_demo
    result = run_demo(ctx, members, out, period=period)
    return result.rounds[0], result.files


def resigned(ctx, path: Path, out: Path, seed: int = 7) -> tuple[Path, str]:
    """The same member's review as revision 2, signed with a new key (a new PC, a lost key):
    returns the file and the new key's fingerprint."""
    from selfreview.exchange.keys import identity_from_bytes
    from selfreview.exchange.keystore import open_identity
    from selfreview.exchange.response import read_response, write_response
    sec = ctx.profiles.secretary()
    identity = open_identity(ctx.keys_dir, sec.id, None)
    doc = read_response(path.read_bytes(), identity, identity.public.enc_public)
    new = identity_from_bytes(bytes([seed]) * 32, bytes([seed + 1]) * 32)
    member = dataclasses.replace(doc.member, sign_public=new.public.sign_public, enc_public=new.public.enc_public)
    doc = dataclasses.replace(doc, member=member, revision=2, recipient=identity.public.enc_public)
    out.write_bytes(write_response(new, doc, datetime(2025, 12, 2, 8, 0)))
    return out, new.public.fingerprint


def drop_on(widget, paths: list[Path]) -> tuple[bool, bool]:
    """Drag ``paths`` over ``widget`` and drop them, as the window system does; returns whether the
    drag was accepted and whether the drop was."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def workspace_of(window):
    from selfreview.ui.secretary.workspace import SecretaryWorkspace
    page = window.page
    assert isinstance(page, SecretaryWorkspace), type(page)
    return page


def drop_and_answer(qtbot, make_window, dialogs, path: Path, take: bool) -> tuple:
    """The secretary drops ``path`` on the roll-call and answers the one question it raises with
    ``take``; returns the question (``("confirm", title, text, …)``)."""
    window = make_window()
    window.show_secretary()
    ws = workspace_of(window)
    ws.opener = lambda path: None
    dialogs.confirm_answers = [take]
    drop_on(ws.rollcall.table, [path])
    qtbot.waitUntil(lambda: any(a[0] == "confirm" for a in dialogs.asked), timeout=10000)
    (asked,) = [a for a in dialogs.asked if a[0] == "confirm"]
    return asked


def write_round_invitation(data_dir: Path, out: Path, secretary: str, cell: str, period: str) -> str:
    """An invitation from a secretary in their own data directory; the round's uid."""
    ctx = AppContext.open(data_dir)
    try:
        p = ctx.profiles.create(ProfileData(full_name=secretary, party_post="Bí thư chi bộ"))
        ctx.profiles.set_secretary(p.id)
        c = ctx.cells.create_cell(cell, "Đảng ủy Sở Tư pháp")
        rnd = ctx.cells.create_round(c.id, period, date(2025, 12, 15))
        ctx.exchange.write_invitation(rnd.id, out)
        return rnd.uid
    finally:
        ctx.close()
