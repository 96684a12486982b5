"""Open every page and dialog of the app on one screen size and report what does not fit.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/gui/screen_tour.py OUT.json TEXT_SIZE LANG

The offscreen platform plays a screen of the configured size; the app chooses its first window size
from it (``selfreview/ui/screen_fit.py``). Every view is then checked with ``layout_check.problems``
and the window and dialogs against the screen's available geometry. ``test_screen_sizes.py`` runs
this in a child process per screen (a process has one screen). Writes a JSON list of problems."""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from layout_check import problems
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget


class Dialogs:
    """Answers without a modal loop: yes to every question, no file chosen."""

    def confirm(self, *a, **k):
        return True

    def choose(self, parent, title, text, choices, ok_text="", detail="", current=0):
        return current

    def info(self, *a, **k):
        pass

    error = info

    def open_file(self, *a, **k):
        return None

    def open_files(self, *a, **k):
        return []

    def save_file(self, *a, **k):
        return None


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def main(out: str, text_size: str, lang: str) -> None:
    from selfreview.demo.generate import SECRETARY, run_demo
    from selfreview.services.cells import MemberData
    from selfreview.services.context import AppContext
    from selfreview.ui.app import make_application, setup_application
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.settings import AppSettings
    from selfreview.ui.tasks import TaskRunner

    app = make_application()
    tmp = Path(tempfile.mkdtemp(prefix="selfreview-tour-"))
    settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    settings.language, settings.text_size = lang, text_size
    translators = setup_application(app, settings)
    runner = TaskRunner(synchronous=True)
    ctx = AppContext.open(tmp / "data")
    me = ctx.profiles.create(SECRETARY)
    ctx.profiles.set_secretary(me.id)
    from selfreview.demo import generate
    generate.CELL_NAMES = ("Chi bộ Phòng Kế hoạch – Tài chính và Quản lý dự án đầu tư xây dựng cơ bản",)
    rnd = run_demo(ctx, 6, tmp / "inbox", period="2025").rounds[0]
    for name, post in (("Công Tằng Tôn Nữ Thị Phương Thảo", "Phó Trưởng phòng Kế hoạch – Tài chính"),
                       ("Hoàng Văn Tám", "")):  # no file from them
        ctx.cells.add_member(rnd.cell_id, MemberData(name, "non_leader", date(1988, 4, 2), government_post=post))
    review = ctx.reviews.create(me.id, "2024", "hd43-2025-2b").summary.id
    screen = app.primaryScreen().availableGeometry()
    found: list[str] = []
    seen: list[str] = []

    window = MainWindow(ctx, settings, runner, Dialogs(), translators)
    window.show()
    settle()

    def check(view: str, widget: QWidget | None = None) -> None:
        settle()
        seen.append(view)
        top = widget or window
        frame = top.frameGeometry()
        if not screen.contains(frame):
            found.append(f"{view}: {type(top).__name__} {frame.getRect()} is larger than the screen "
                         f"{screen.getRect()} (minimum {top.minimumSizeHint().toTuple()})")
        found.extend(f"{view}: {p}" for p in problems(top))
        if widget is None and not window.saved_label.isVisible() and window.editor is not None:
            found.append(f"{view}: the save status is not shown")

    def dialog(view: str, d: QWidget | None) -> None:
        if d is None:
            found.append(f"{view}: no dialog")
            return
        d.show()
        check(view, d)
        d.close()

    check("first window")
    window.show_first_run(ask_language=True)
    check("first run: language")
    window.show_first_run(ask_language=False, cancellable=True)
    check("first run: profile")
    window.show_picker()
    check("profile picker")
    window.open_profile(me.id, resume=False)
    check("home")
    home = window.home
    home.new_review()
    dialog("new review", home.dialog)
    home.edit_profile()
    dialog("edit profile", home.dialog)
    dialog("protect the key", home.keys.protect(home.profile))
    dialog("shortcuts", window.show_shortcuts())
    dialog("user guide", window.show_guide())
    dialog("sources", window.show_sources())
    dialog("security", home.open_security())
    window.open_review(review)
    editor = window.editor
    for section_id in list(editor.sections):
        editor.show_section(section_id)
        check(f"form section {section_id}")
    if window.saved_label.parentWidget() is None or not window.saved_label.isVisible():
        found.append("form: the save status is not in the window")
    ws = window.show_secretary()
    ws.opener = lambda path: None
    for i in range(ws.tabs.count()):
        ws.show_tab(i)
        check(f"workspace tab {i + 1}")
        if i == ws.SETUP:
            dialog("add a member", ws.setup.roster.add_member())
    ws.show_tab(ws.ROLLCALL)
    ws.rollcall.importer.import_paths([tmp / "inbox"])
    settle()
    dialog("receipts", ws.rollcall.importer.receipts_dialog)
    ws.show_tab(ws.ROLLCALL)
    row = next(r for r in ws.rollcall.model.rows if r.has_submission)
    ws.rollcall.select_member(row.member_id)
    check("roll-call with a member chosen")
    ws.open_reader(row)
    check("a member's review, read")
    paper = next(r for r in ws.rollcall.model.rows if not r.has_submission)
    ws.show_tab(ws.ROLLCALL)
    ws.rollcall.select_member(paper.member_id)
    ws.rollcall._emit(ws.rollcall.enter_review)
    check("a paper review typed in")
    runner.shutdown()
    ctx.close()
    Path(out).write_text(json.dumps({"window": window.frameGeometry().getRect(), "screen": screen.getRect(),
                                     "views": seen, "problems": found}, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
