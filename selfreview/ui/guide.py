"""Help → the user guide (F1), offline: the pages of ``resources/guide/<lang>/`` (Markdown, with the
screenshots of ``resources/guide/images/``), a list of pages beside the page shown. The same pages
are in ``docs/guide/`` for reading outside the app (``tools/guide.py`` copies them; a test keeps the
two the same)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QListView, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from selfreview.paths import resources_dir
from selfreview.ui.i18n import language

PAGE_ROLE = 256  # Qt.ItemDataRole.UserRole, without building the Qt namespace's enums


def guide_dir() -> Path:
    return resources_dir() / "guide"


def pages(lang: str) -> list[tuple[str, Path]]:
    """(title, file) of each page of the guide in ``lang`` (Vietnamese when it has none), in order:
    the title is the page's first "# " line."""
    folder = guide_dir() / lang
    if not folder.is_dir():
        folder = guide_dir() / "vi"
    out = []
    for path in sorted(folder.glob("*.md")):
        first = next((line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")),
                     path.stem)
        out.append((first[2:].strip() if first.startswith("# ") else first, path))
    return out


class GuideDialog(QDialog):
    """Not modal: the guide can stay open beside the app."""

    def __init__(self, parent: QWidget | None = None, page: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("User guide"))
        layout = QVBoxLayout(self)
        splitter = QSplitter(self)
        splitter.setObjectName("guideSplitter")
        self.list = QListWidget(splitter)
        self.list.setObjectName("guidePages")
        # a long page title wraps onto a second line rather than scrolling the list sideways
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = QTextBrowser(splitter)
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.setSearchPaths([str(guide_dir() / "images"), str(guide_dir())])
        splitter.addWidget(self.list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for title, path in pages(language()):
            item = QListWidgetItem(title, self.list)
            item.setData(PAGE_ROLE, str(path))
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        self.list.setCurrentRow(self._row_of(page) if page else 0)
        self.resize(1000, 640)

    def _row_of(self, name: str) -> int:
        for row in range(self.list.count()):
            if Path(self.list.item(row).data(PAGE_ROLE)).stem.endswith(name):
                return row
        return 0

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.show_file(Path(item.data(PAGE_ROLE)))

    def show_file(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        # the pages point at ../images/… (so they read well on a file host); here the images folder is searched
        text = re.sub(r"\]\((?:\.\./)+images/", "](", text)
        self.browser.setMarkdown(text)

    def _link(self, url: QUrl) -> None:
        name = Path(url.path()).stem
        row = self._row_of(name) if name else -1
        if row >= 0 and name:
            self.list.setCurrentRow(row)

    def page_text(self) -> str:
        return self.browser.toPlainText()
