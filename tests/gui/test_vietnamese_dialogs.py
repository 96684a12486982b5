"""Qt's own dialogs speak Vietnamese (the file dialog is Qt's, translated by qtbase_vi), each kind of
file opens in the folder last used for it, and a date of birth's calendar opens around a plausible
year rather than at this month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from selfreview.ui.dialogs import DialogService
from selfreview.ui.secretary.roster_page import MemberDialog


def test_the_file_dialog_is_in_vietnamese(qtbot, qapp, translators, tmp_path):
    service = DialogService(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = service.file_dialog(None, "Chọn tệp", str(tmp_path), "Tệp kiểm điểm (*.selfreview)", "one")
    qtbot.addWidget(dialog)
    dialog.show()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert "Tìm tr&ong:" in labels and "&Loại tệp:" in labels and "&Tên tệp:" in labels
    assert "Look in" not in labels and "Files of" not in labels
    buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert "&Mở" in buttons and "Hủy" in buttons


def test_each_kind_of_file_opens_where_it_was_last_saved(qapp, tmp_path):
    service = DialogService(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    pdfs, reviews = tmp_path / "PDF", tmp_path / "Gửi chi bộ"
    pdfs.mkdir(), reviews.mkdir()
    assert service.purpose("Tệp PDF (*.pdf)") == "pdf" and service.purpose("") == "any"
    assert service.start_path("pdf", "/home/x/Documents/ban-kiem-diem.pdf") == "/home/x/Documents/ban-kiem-diem.pdf"
    service.remember("pdf", str(pdfs / "a.pdf"))
    service.remember("selfreview", str(reviews / "b.selfreview"))
    assert service.start_path("pdf", "/home/x/Documents/ban-kiem-diem.pdf") == str(pdfs / "ban-kiem-diem.pdf")
    assert service.start_path("selfreview", "") == str(reviews)
    again = DialogService(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.start_path("pdf", "x.pdf") == str(pdfs / "x.pdf")  # kept for the next start


def test_the_birth_date_calendar_opens_around_a_plausible_year(qtbot, qapp, translators):
    dialog = MemberDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    calendar = dialog.birth.calendarWidget()
    edit = dialog.birth
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))  # the arrow
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.yearShown() <= date.today().year - 30 and calendar.monthShown() == 1
