"""Help that helps: F1 opens an offline user guide in the app's language (the member's steps, the
secretary's steps, the files, what to do when a key changes), with screenshots; each page is also a
file in docs/guide/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import make_profile
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from selfreview.ui.guide import guide_dir, pages

ROOT = Path(__file__).resolve().parents[2]


def _images(dialog) -> list[str]:
    import re
    path = Path(dialog.list.currentItem().data(256))
    return re.findall(r"\]\(\.\./images/([^)]+)\)", path.read_text(encoding="utf-8"))


def test_f1_opens_the_guide_in_vietnamese(qtbot, make_window, ctx):
    make_profile(ctx)
    window = make_window()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.guide_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Hướng dẫn sử dụng"
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert titles == ["1. Đảng viên: viết và gửi bản kiểm điểm", "2. Bí thư chi bộ: tổ chức một đợt kiểm điểm",
                      "3. Các loại tệp", "4. Khi đổi khóa"]
    text = dialog.page_text()
    assert "lời mời" in text and "Gửi cho chi bộ" in text and "![" not in text
    shown = _images(dialog)
    assert shown
    for name in shown:  # every screenshot of the page is there and loads
        image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    dialog.list.setCurrentRow(3)
    assert "Tạo khóa mới" in dialog.page_text()


def test_the_guide_follows_the_language(qtbot, make_window, ctx, translators):
    translators.install("en")
    make_profile(ctx)
    window = make_window()
    dialog = window.show_guide()
    qtbot.addWidget(dialog)
    assert [t for t, _ in pages("en")][1] == "2. Cell secretaries: run a review round"
    assert dialog.windowTitle() == "User guide" and "invitation" in dialog.page_text()


def test_every_page_is_also_in_docs_and_its_images_exist():
    for lang in ("vi", "en"):
        assert len(pages(lang)) == 4
    for page in guide_dir().glob("*/*.md"):
        import re
        for name in re.findall(r"\]\(\.\./images/([^)]+)\)", page.read_text(encoding="utf-8")):
            assert (guide_dir() / "images" / name).is_file(), (page.name, name)
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "guide.py"), "--check"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout
