#!/usr/bin/env python3
"""Screenshots of the cell secretary's workspace, in Vietnamese and in English, from a real window.

    python tools/screenshots_secretary.py --xvfb :57   # Xvfb at 1366×768 on display :57
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tools/screenshots_secretary.py
    python tools/screenshots_secretary.py   # no display: Qt's offscreen platform at 1366×768

A temporary data directory acting as the secretary: the demo generator's cell and round with 24
members' files (dropped on the roll-call as a person would), three members still missing, one file
signed with a new key, the committee's assessments with one HTXSNV too many, the collective's
report, the meeting. Saves ``docs/screenshots/<lang>-sec-NN-<screen>.png``.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshots import AutoDialogs, grab, offscreen_screen, place, real_display, settle  # noqa: E402

MISSING = (("Hoàng Văn Tám", "non_leader", date(1988, 4, 2), "Chuyên viên"),
           ("Lý Thị Ngọc Ánh", "non_leader", date(1992, 9, 12), "Cán sự"),
           ("Vương Đình Khải", "outside_system", date(1956, 1, 30), ""))


def resigned(ctx, path: Path, out: Path) -> Path:
    """The member's review again as revision 2, signed with a new key (as after a new PC)."""
    from selfreview.exchange.keys import identity_from_bytes
    from selfreview.exchange.keystore import open_identity
    from selfreview.exchange.response import read_response, write_response
    sec = ctx.profiles.secretary()
    identity = open_identity(ctx.keys_dir, sec.id, None)
    doc = read_response(path.read_bytes(), identity, identity.public.enc_public)
    new = identity_from_bytes(bytes([7]) * 32, bytes([8]) * 32)
    member = dataclasses.replace(doc.member, sign_public=new.public.sign_public, enc_public=new.public.enc_public)
    doc = dataclasses.replace(doc, member=member, revision=2, recipient=identity.public.enc_public)
    out.write_bytes(write_response(new, doc, datetime.now().replace(microsecond=0)))
    return out


def prepare(ctx, tmp: Path):
    """The secretary, the demo's cell and round with a deadline ahead, three members with no file."""
    from selfreview.demo.generate import SECRETARY, run_demo
    from selfreview.services.cells import MemberData
    me = ctx.profiles.create(SECRETARY)
    ctx.profiles.set_secretary(me.id)
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Khối các cơ quan (dữ liệu thử)", me.id)
    ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=14))
    for name, cat, dob, post in MISSING:
        ctx.cells.add_member(cell.id, MemberData(name, cat, dob, government_post=post))
    result = run_demo(ctx, 24, tmp / "inbox", period="2025")
    return me, result.rounds[0], result.files


def drop(widget, paths) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(QPoint(widget.width() // 2, widget.height() // 2))
    QApplication.sendEvent(widget, QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(widget, QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def centre(window, dialog) -> None:
    dialog.move(window.geometry().center() - dialog.rect().center())
    settle()


def shots(lang: str) -> None:
    from PySide6.QtCore import QSettings
    from selfreview.services.context import AppContext
    from selfreview.ui.app import make_application, setup_application
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.settings import AppSettings
    from selfreview.ui.tasks import TaskRunner
    from selfreview.forms import registry

    app = make_application()
    tmp = Path(tempfile.mkdtemp(prefix="selfreview-sec-shots-"))
    try:
        settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        settings.language = lang
        translators = setup_application(app, settings)
        ctx = AppContext.open(tmp / "data")
        me, rnd, files = prepare(ctx, tmp)
        window = MainWindow(ctx, settings, TaskRunner(synchronous=True), AutoDialogs(), translators)
        place(window)  # as the app sizes itself on a 1366×768 screen
        window.show()
        n = [0]

        def save(name: str) -> None:
            n[0] += 1
            grab(window, OUT / f"{lang}-sec-{n[0]:02d}-{name}.png")

        window.show_secretary()
        ws = window.page
        ws.opener = lambda path: None
        save("setup-roster")
        ws.show_tab(ws.ROLLCALL)
        page = ws.rollcall
        drop(page.table.viewport(), [tmp / "inbox"])
        centre(window, page.importer.receipts_dialog)
        save("drop-receipts")
        page.importer.receipts_dialog.close()
        drop(page.table.viewport(), [resigned(ctx, files[5], tmp / "khoa-moi.selfreview")])
        page.importer.receipts_dialog.close()
        rows = page.model.rows
        handed = [r for r in rows if r.has_submission and r.status != "key_mismatch"]
        for i, r in enumerate(handed):  # the committee's proposals, one excellent among the leaders
            ctx.assessments.set_assessment(rnd.id, r.member_id, "Hoàn thành tốt nhiệm vụ được giao.",
                                           "htxsnv" if i in (0, 1, 2) else "httnv" if i < 17 else "htnv")
        page.refresh()
        page.select_member(handed[3].member_id)
        page.panel.rating.setCurrentIndex(page.panel.rating.findData("htxsnv"))  # a preview: the quota warns
        save("rollcall-quota")
        page.panel.rating.setCurrentIndex(page.panel.rating.findData("httnv"))
        mismatch = next(r for r in page.model.rows if r.status == "key_mismatch")
        page.select_member(mismatch.member_id)
        page.table.scrollTo(page.table.currentIndex())
        save("rollcall-key-mismatch")
        page.status_filter.setCurrentIndex(page.status_filter.findData("not_submitted"))
        save("rollcall-missing")
        page.status_filter.setCurrentIndex(0)
        page.select_member(handed[4].member_id)
        reader = ws.open_reader(page.current_row())
        reader.navigator.setCurrentItem(reader.navigator.items["a_i"])
        save("read-review")
        reader.navigator.setCurrentItem(reader.navigator.items["b_i"])
        save("read-review-scores")
        ws.back_to_pages()
        ws.tabs.setCurrentWidget(page)
        paper = next(r for r in page.model.rows if r.name == MISSING[0][0])
        page.select_member(paper.member_id)
        page._emit(page.enter_review)
        ws.editor.widget_for("a1_political").edit.setPlainText(
            "Giữ vững lập trường tư tưởng chính trị; chấp hành nghiêm chủ trương, đường lối của Đảng.")
        save("enter-from-paper")
        ws.editor.home_button.click()
        ws.show_tab(ws.COLLECTIVE)
        detail = ctx.collective.open(rnd.id)
        t = registry.find("hd43-2025-01").template
        for qid, value in {"b1_general": 26, "b1_tasks": 62, "b2_proposed": "httnv",
                           "a1_political": "Chi bộ duy trì nền nếp sinh hoạt, đoàn kết, thống nhất."}.items():
            if t.item_index().get(qid) is not None:
                ctx.reviews.save_answer(detail.summary.id, qid, value)
        ws.collective.refresh()
        save("collective")
        ws.show_tab(ws.MEETING)
        ctx.meetings.update(rnd.id, starts_at=datetime(2025, 12, 18, 14, 0), ends_at=datetime(2025, 12, 18, 17, 0),
                            place="Phòng họp tầng 2, Văn phòng", chair=me.full_name, recorder=handed[5].name)
        ctx.meetings.mark_all_present(rnd.id)
        ctx.meetings.set_attendance(rnd.id, handed[6].member_id, False, "Đi công tác")
        m = ctx.meetings.get(rnd.id)
        for res in m.results[:8]:
            if res.committee_rating:
                ctx.meetings.record_result(rnd.id, res.member_id, {res.committee_rating: m.present},
                                           res.committee_rating, "Nhất trí")
        ws.meeting.refresh()
        save("meeting")
        ws.show_tab(ws.OUTPUTS)
        ws.outputs.last.setText(ws.outputs.last.text() or "")
        save("documents")
        ws.show_tab(ws.SETUP)
        from selfreview.ui.secretary.roster_report import RosterReportDialog
        roster = tmp / "danh-sach.csv"
        roster.write_text("Họ và tên,Ngày sinh,Chức vụ chính quyền,Đối tượng,Ghi chú\n"
                          "Vũ Thị Hoa,05/03/1980,Chuyên viên,2B,\n,01/01/1990,,2B,không có tên\n"
                          "Đinh Văn Khoa,31/02/1985,,2B,\nMai Văn Lộc,12/12/1970,Trưởng phòng,,\n",
                          encoding="utf-8-sig")
        report = ctx.roster.import_roster(rnd.cell_id, roster)
        ws.setup.refresh()
        dialog = RosterReportDialog(report, ws)
        dialog.show()
        centre(window, dialog)
        save("roster-import-report")
        dialog.close()
        window.close()
        ctx.close()
        translators.uninstall()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the secretary's workspace (run under xvfb-run).")
    parser.add_argument("--lang", choices=["vi", "en"], action="append")
    parser.add_argument("--xvfb", metavar=":N", help="start Xvfb at 1366×768 on display :N and draw there")
    args = parser.parse_args()
    real_display(args.xvfb)
    offscreen_screen()
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["vi", "en"]:
        shots(lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
