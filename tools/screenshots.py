#!/usr/bin/env python3
"""Screenshots of each main screen, in Vietnamese and in English, from a real window.

    python tools/screenshots.py --xvfb :57   # a 1366×768 X server of its own on display :57 (Xvfb)
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tools/screenshots.py
    python tools/screenshots.py      # no display: Qt's offscreen platform plays a 1366×768 screen

The published pictures (docs/screenshots/) come from a real X server: fonts, scroll bars and
window sizes as xcb gives them, not as the offscreen platform imitates them.

Builds demo data in a temporary data directory (nothing touches the user's data or settings),
opens each screen and saves ``docs/screenshots/<lang>-NN-<screen>.png``. With ``--hidpi`` it also
renders the form at 200 % (``QT_SCALE_FACTOR=2``) into ``docs/screenshots/vi-hidpi-form.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"

PREVIOUS = ("- Đôi khi còn chậm cập nhật văn bản mới của ngành.\n"
            "- Chưa mạnh dạn đề xuất sáng kiến cải tiến công việc.")
ANSWERS = {
    "a1_political": "Luôn giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương, đường lối của "
                    "Đảng, chính sách, pháp luật của Nhà nước; giữ gìn đạo đức, lối sống giản dị, trung thực.",
    "a1_duties": "Hoàn thành đúng hạn 100% nhiệm vụ được giao; tham mưu 12 văn bản về cải cách hành chính, "
                 "trong đó 4 văn bản vượt tiến độ.",
    "a1_pledge": "Thực hiện tốt cam kết tu dưỡng, rèn luyện năm 2025; tham gia đầy đủ sinh hoạt chi bộ.",
    "a2_shortcomings": "Đôi khi còn nể nang trong tự phê bình và phê bình.",
    "a2_causes": "Khối lượng công việc lớn; bản thân chưa sắp xếp thời gian hợp lý.",
    "b1_general": 25, "b1_tasks": 61, "b2_proposed": "httnv",
    "b2_conditions": ["all_tasks_on_time_quality"],
}


def demo(ctx):
    from selfreview.services.dto import ProfileData
    me = ctx.profiles.create(ProfileData(
        full_name="Nguyễn Thị Minh Hạnh", party_post="Đảng viên", government_post="Chuyên viên chính",
        mass_org_post="Tổ trưởng công đoàn", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
        cell_name="Chi bộ Phòng Tổ chức cán bộ", superior_body="Đảng bộ Sở Nội vụ"))
    ctx.profiles.create(ProfileData(full_name="Trần Văn Bình", government_post="Phó Trưởng phòng",
                                    work_unit="Văn phòng Sở Nội vụ", cell_name="Chi bộ Văn phòng", is_leader=True))
    last_year = ctx.reviews.create(me.id, "2024", "hd43-2025-2b")
    before = last_year.summary.id
    check = last_year.template.role_item("responsibility_check")
    old = dict(ANSWERS, a2_shortcomings=PREVIOUS, a6_direction="Khắc phục các hạn chế nêu trên trong năm 2025.")
    old[check.id] = {b.id: {"frequency": "never"} for b in check.behaviours}
    for qid, value in old.items():
        ctx.reviews.save_answer(before, qid, value)
    ctx.reviews.finalize(before)
    now = ctx.reviews.create(me.id, "2025", "hd43-2025-2b")
    rid = now.summary.id
    for qid, value in ANSWERS.items():
        ctx.reviews.save_answer(rid, qid, value)
    records = now.answers["a3_previous"]
    records[0].update(status="fixed")
    records[1].update(status="being_fixed", extent="Đã đề xuất 1 sáng kiến, đang hoàn thiện")
    ctx.reviews.save_answer(rid, "a3_previous", records)
    value = {b.id: {"frequency": "never"} for b in check.behaviours}
    value[check.behaviours[1].id] = {"frequency": "sometimes",
                                     "example": "Có lúc chờ ý kiến lãnh đạo phòng dù việc thuộc thẩm quyền.",
                                     "remedy": "Chủ động xử lý, báo cáo sau; đặt hạn cho từng việc."}
    ctx.reviews.save_answer(rid, check.id, value)
    return me.id, rid


class AutoDialogs:
    """Answers every question with yes, without a modal loop (the screenshots run unattended)."""

    def confirm(self, *args, **kwargs) -> bool:
        return True

    def info(self, *args, **kwargs) -> None:
        pass

    error = info


SCREEN = (1366, 768)  # the most common office laptop screen


def offscreen_screen() -> None:
    """With no display: Qt's offscreen platform playing a 1366×768 screen (set before Qt starts)."""
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    import json
    config = Path(tempfile.mkdtemp(prefix="selfreview-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def real_display(display: str | None) -> None:
    """``--xvfb :N``: draw through a real X server at 1366×768 (Qt's xcb platform): Xvfb started on
    display ``:N`` and stopped at exit, or the server already answering there."""
    if not display:
        return
    import atexit
    import time
    number = display.lstrip(":").split(".")[0]
    socket = Path(f"/tmp/.X11-unix/X{number}")
    if not socket.exists():
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
                                   "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        atexit.register(server.terminate)
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"Xvfb did not start on :{number}")
            time.sleep(0.1)
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"


def place(window) -> None:
    """The window as the app sizes it on the screen (ui/screen_fit.py): 1366×768 gives 1280×728."""
    from selfreview.ui import screen_fit
    screen_fit.place(window)


def settle() -> None:
    from PySide6.QtWidgets import QApplication
    for _ in range(5):
        QApplication.processEvents()


def check_id(window) -> str:
    return window.editor.template.roles["responsibility_check"]


def behaviour_id(window, n: int) -> str:
    return window.editor.template.role_item("responsibility_check").behaviours[n].id


def grab(window, path: Path) -> None:
    from PySide6.QtWidgets import QApplication
    for _ in range(5):
        QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    screen = window.screen()
    frame = window.frameGeometry()
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if shot.isNull():  # platforms that cannot read the screen back
        shot = window.grab()
    outline_dialogs(shot, frame.topLeft())
    shot.save(str(path))
    print("wrote", path.relative_to(ROOT))


def outline_dialogs(shot, origin) -> None:
    """Xvfb has no window manager to frame a dialog: without a line round it, a dialog over the
    window reads as part of the page. Draw the line a frame would (nothing when no dialog is up)."""
    from PySide6.QtGui import QColor, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QDialog
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    if not dialogs:
        return
    painter = QPainter(shot)
    painter.setPen(QPen(QColor("#5f6b7a"), 1))
    for dialog in dialogs:
        painter.drawRect(dialog.frameGeometry().translated(-origin.x(), -origin.y()).adjusted(-1, -1, 0, 0))
    painter.end()


def exchange_shots(window, ctx, me: int, rid: int, tmp: Path, save) -> None:
    """The member's exchange: an invitation from the secretary (made in a second data directory),
    checked before it is opened; then the finalized review sent back to the cell."""
    from selfreview.services.context import AppContext
    from selfreview.services.dto import ProfileData
    from datetime import date
    sec = AppContext.open(tmp / "secretary")
    try:
        p = sec.profiles.create(ProfileData(full_name="Phan Thị Thanh Hương", party_post="Bí thư chi bộ"))
        sec.profiles.set_secretary(p.id)
        cell = sec.cells.create_cell("Chi bộ Phòng Tổ chức cán bộ", "Đảng bộ Sở Nội vụ")
        rnd = sec.cells.create_round(cell.id, "2025", date(2025, 12, 15))
        invite = sec.exchange.write_invitation(rnd.id, tmp / "chi-bo-phong-to-chuc-can-bo.selfreview-invite")
    finally:
        sec.close()
    window.show_home()
    actions = window.home.actions
    actions._preview(str(invite), ctx.exchange.read_invitation(invite), ctx.profiles.get(me))
    actions.dialog.move(window.geometry().center() - actions.dialog.rect().center())
    save(window, "invitation-preview")
    actions.dialog.accept()  # links the 2025 review (already finalized above) to the invitation
    window.open_review(rid)
    folder = tmp / "Documents"
    folder.mkdir(exist_ok=True)
    window.editor.actions._export(rid, folder / ctx.exchange.suggested_file_name(rid), False, None)
    dialog = window.editor.actions.dialog
    dialog.move(window.geometry().center() - dialog.rect().center())
    save(window, "sent-to-cell")
    dialog.close()


def shots(lang: str, prefix: str = "") -> None:
    from PySide6.QtCore import QSettings
    from selfreview.services.context import AppContext
    from selfreview.ui.app import make_application, setup_application
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.settings import AppSettings
    from selfreview.ui.tasks import TaskRunner

    app = make_application()
    tmp = Path(tempfile.mkdtemp(prefix="selfreview-shots-"))
    try:
        settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        settings.language = lang
        translators = setup_application(app, settings)
        runner = TaskRunner(synchronous=True)
        dialogs = AutoDialogs()
        n = [0]

        def save(window, name: str) -> None:
            n[0] += 1
            grab(window, OUT / f"{prefix}{lang}-{n[0]:02d}-{name}.png")

        empty = AppContext.open(tmp / "empty")
        window = MainWindow(empty, AppSettings(QSettings(str(tmp / "s2.ini"), QSettings.Format.IniFormat)),
                            runner, dialogs, translators)
        place(window)
        window.show()
        window.show_first_run(ask_language=True)
        save(window, "first-run-language")
        window.show_first_run(ask_language=False)
        form = window.page.form
        form.edits["full_name"].setText("Nguyễn Thị Minh Hạnh")
        form.edits["government_post"].setText("Chuyên viên chính")
        form.edits["work_unit"].setText("Phòng Tổ chức cán bộ, Sở Nội vụ")
        form.edits["cell_name"].setText("Chi bộ Phòng Tổ chức cán bộ")
        save(window, "first-run-profile")
        window.close()
        empty.close()

        ctx = AppContext.open(tmp / "data")
        me, rid = demo(ctx)
        window = MainWindow(ctx, settings, runner, dialogs, translators)
        place(window)
        window.show()
        save(window, "profile-picker")
        window.open_profile(me, resume=False)
        save(window, "home")
        window.home.new_review()
        window.home.dialog.period_edit.setText("2026")
        window.home.dialog.move(window.geometry().center() - window.home.dialog.rect().center())
        save(window, "new-review")
        window.home.dialog.reject()
        window.open_review(rid, "a_i")
        save(window, "form-section-i")
        window.editor.show_section("a_iii")
        save(window, "section-iii-prefilled")
        window.editor.show_section("r_selfcheck")
        settle()
        row = window.editor.widget_for(check_id(window)).rows[behaviour_id(window, 1)]
        window.editor.scroll.verticalScrollBar().setValue(row.mapTo(window.editor.page, row.rect().topLeft()).y() - 220)
        save(window, "self-check")
        window.editor.show_section("b_i")
        settle()
        total = window.editor.widget_for("b1_total")
        window.editor.scroll.ensureWidgetVisible(total, 50, 300)
        save(window, "part-b-scores")
        window.editor.show_section("b_ii")
        window.editor.widget_for("b2_proposed").choices["htxsnv"].button.click()
        save(window, "rating-warning")
        window.editor.widget_for("b2_proposed").choices["httnv"].button.click()
        window.editor.run_check()
        save(window, "check-panel")
        window.editor.go_to_issue(window.editor.issues[0])
        save(window, "check-jump")
        window.editor.widget_for("a6_direction").edit.setPlainText(
            "Lập kế hoạch công việc hằng tuần; chủ động đề xuất ít nhất hai sáng kiến trong năm 2026.")
        window.editor.finalize()
        save(window, "finalized")
        window.show_shortcuts()
        window.shortcuts_dialog.move(window.geometry().center() - window.shortcuts_dialog.rect().center())
        save(window, "shortcuts")
        window.shortcuts_dialog.close()
        window.set_text_size("xlarge")
        window.open_review(rid, "a_iii")
        save(window, "extra-large-text")
        window.set_text_size("normal")
        exchange_shots(window, ctx, me, rid, tmp, save)
        window.close()
        ctx.close()
        translators.uninstall()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def hidpi() -> None:
    """The form at 200 %, in a nested, larger virtual screen."""
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="xcb")
    cmd = [sys.executable, __file__, "--only-hidpi-pass"]
    if shutil.which("xvfb-run"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 2800x1800x24", *cmd]
    subprocess.run(cmd, env=env, check=True)


def hidpi_pass() -> None:
    from PySide6.QtCore import QSettings
    from selfreview.services.context import AppContext
    from selfreview.ui.app import make_application, setup_application
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.settings import AppSettings
    from selfreview.ui.tasks import TaskRunner

    app = make_application()
    tmp = Path(tempfile.mkdtemp(prefix="selfreview-shots-"))
    try:
        settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        translators = setup_application(app, settings)
        ctx = AppContext.open(tmp / "data")
        me, rid = demo(ctx)
        window = MainWindow(ctx, settings, TaskRunner(synchronous=True), AutoDialogs(), translators)
        window.setGeometry(0, 0, 1280, 820)
        window.show()
        window.open_profile(me, resume=False)
        window.open_review(rid, "b_ii")
        grab(window, OUT / "vi-hidpi-form.png")
        window.close()
        ctx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the main screens (run under xvfb-run).")
    parser.add_argument("--lang", choices=["vi", "en"], action="append")
    parser.add_argument("--hidpi", action="store_true", help="also the form at 200 %%")
    parser.add_argument("--xvfb", metavar=":N", help="start Xvfb at 1366×768 on display :N and draw there")
    parser.add_argument("--only-hidpi-pass", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    real_display(args.xvfb)
    offscreen_screen()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.only_hidpi_pass:
        hidpi_pass()
        return 0
    for lang in args.lang or ["vi", "en"]:
        shots(lang)
    if args.hidpi:
        hidpi()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
