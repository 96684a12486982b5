"""Typing and clicking as a person does: Vietnamese arrives from the input method (Unikey, ibus)
as QInputMethodEvent commit strings, never as key presses (QTest.keyClicks aborts on non-ASCII).
Also the shared makings of the GUI tests: a profile, a complete review, a damaged data folder, a
PDF's text."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _preedit(widget: QWidget, text: str) -> None:
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))


def type_vietnamese(widget: QWidget, text: str, decomposed: bool = False) -> None:
    """Type ``text`` into ``widget`` the way an input method delivers it: word by word, each word
    with diacritics first shown as a preedit (the letters so far) and then committed, as ibus-unikey
    does; other pieces committed straight away. ``decomposed``: the input method sends NFD (base
    letters plus combining marks), as some do; the app must store NFC."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if not widget.inputMethodQuery(Qt.InputMethodQuery.ImEnabled):
        return  # the platform sends input-method text only to a focus object that accepts it
    if decomposed:
        text = unicodedata.normalize("NFD", text)
    words = text.split(" ")
    for n, word in enumerate(words):
        piece = word + (" " if n < len(words) - 1 else "")
        if any(ord(c) > 127 for c in word) and len(word) > 1:
            _preedit(widget, unicodedata.normalize("NFD", word)[:-1])
            _commit(widget, piece)
        elif piece:
            _commit(widget, piece)


def click(qtbot, button: QWidget) -> None:
    """A mouse click where a person would click: near the left edge (the indicator of a radio button
    or check box), vertically centred."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(min(8, button.width() // 2),
                                                                     button.height() // 2))


def labels_text(widget: QWidget) -> str:
    """All the text shown by the labels inside ``widget`` (for assertions on what a person reads)."""
    from PySide6.QtWidgets import QLabel
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget))


def make_profile(ctx, name: str = "Trần Văn Bình", leader: bool = False):
    from selfreview.services.dto import ProfileData
    return ctx.profiles.create(ProfileData(full_name=name, work_unit="Văn phòng Sở Tư pháp",
                                           cell_name="Chi bộ Văn phòng", government_post="Chuyên viên",
                                           is_leader=leader))


def complete_answers(template) -> dict:
    """A valid answer for every question of ``template`` (through the services, not the widgets)."""
    from selfreview.forms.model import (
        Checklist, DateItem, Levels, LongText, MultiChoice, Records, Score, ShortText, SingleChoice,
    )
    out: dict = {}
    roles = template.roles
    for _section, item in template.items():
        if not item.stores_answer:
            continue
        if item.id == roles.get("score_general"):
            out[item.id] = 25
        elif item.id == roles.get("score_tasks"):
            out[item.id] = 61
        elif item.id == roles.get("proposed_rating"):
            out[item.id] = "httnv"
        elif isinstance(item, (LongText, ShortText)):
            out[item.id] = f"Nội dung trả lời cho mục {item.id}."
        elif isinstance(item, SingleChoice):
            out[item.id] = item.options[0].value
        elif isinstance(item, MultiChoice) and item.required:
            out[item.id] = [item.options[0].value]
        elif isinstance(item, Levels):
            out[item.id] = {c.id: item.levels[1].value for c in item.criteria}
        elif isinstance(item, Score):
            out[item.id] = float(item.max) / 2
        elif isinstance(item, DateItem):
            out[item.id] = "2025-06-30"
        elif isinstance(item, Checklist):
            out[item.id] = {b.id: {"frequency": "never"} for b in item.behaviours}
        elif isinstance(item, Records) and item.required:
            out[item.id] = [{f.id: ("Có" if not isinstance(f, SingleChoice) else f.options[0].value)
                             for f in item.fields}]
    return out


def complete_review(ctx, period: str = "2025"):
    """A profile and a fully answered 2B draft review; returns (profile, review id)."""
    profile = make_profile(ctx)
    detail = ctx.reviews.create(profile.id, period, "hd43-2025-2b")
    for qid, value in complete_answers(detail.template).items():
        ctx.reviews.save_answer(detail.summary.id, qid, value)
    return profile, detail.summary.id


def reactivate(qtbot, window) -> None:
    """After a dialog closes, a window manager gives the activation back to the main window; the
    offscreen platform has none, so tests do it (keyboard shortcuts need an active window)."""
    qtbot.wait(10)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def damaged_folder(tmp_path: Path) -> tuple[Path, bytes]:
    """A data folder whose newest automatic copy has the profile, a review made after that copy, and
    then a wrecked database file."""
    from selfreview.services.context import AppContext
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


def pdf_text(path: Path) -> str:
    """A PDF's text, NFC, its whitespace runs made single spaces."""
    from pypdf import PdfReader

    from selfreview.text import nfc
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return " ".join(nfc(text).split())
