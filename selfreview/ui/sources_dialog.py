"""Help → "Sources of the forms' wording" ("Nguồn văn bản"): for one form, every text with where its
wording comes from and how sure that is. The notes that used to sit in titles are here."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from selfreview.forms import registry
from selfreview.forms.display import sources
from selfreview.forms.model import Status
from selfreview.ui.i18n import language
from selfreview.ui.widgets import ScaledLabel

STATUS_NAMES = {
    Status.VERBATIM: QT_TRANSLATE_NOOP("Sources", "Word for word from the official text"),
    Status.HEADING_INFERRED: QT_TRANSLATE_NOOP("Sources", "Word for word; the heading's place inferred"),
    Status.RECONSTRUCTED: QT_TRANSLATE_NOOP("Sources", "Reconstructed: not checked word for word"),
    Status.THIRD_PARTY: QT_TRANSLATE_NOOP("Sources", "From another source, not the official text"),
    Status.APP: QT_TRANSLATE_NOOP("Sources", "Written for this app"),
}


def status_name(status: Status) -> str:
    return QCoreApplication.translate("Sources", STATUS_NAMES[status])


def sources_html(template: Any, lang: str) -> str:
    rows = []
    for s in sources(template, lang):
        rows.append(f"<tr><td>{html.escape(s.where)}</td><td>{html.escape(s.text)}</td>"
                    f"<td>{html.escape(status_name(s.status))}</td><td>{html.escape(s.src)}</td></tr>")
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in (
        QCoreApplication.translate("Sources", "Section"), QCoreApplication.translate("Sources", "Text"),
        QCoreApplication.translate("Sources", "Wording"), QCoreApplication.translate("Sources", "Source")))
    return (f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>"
            + "".join(rows) + "</table>")


class SourcesDialog(QDialog):
    """Not modal: it can stay open beside the form."""

    def __init__(self, template_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(self.tr("Sources of the forms' wording"))
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(self.tr("Sources of the forms' wording"), 1.2, bold=True, parent=self))
        intro = QLabel(self.tr("Where each text of a form comes from. The official wording is kept as the "
                               "documents give it; what the app adds (hints, its own self-check) is marked as "
                               "written for this app."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Form:"), self)
        self.forms = QComboBox(self)
        self.forms.setObjectName("sourcesForm")
        label.setBuddy(self.forms)
        infos = sorted(registry.bundled().values(), key=lambda i: i.template.id)
        for info in infos:
            t = info.template
            self.forms.addItem(f"{t.id} — {t.title.en if language() == 'en' else t.title.vi}"
                               if hasattr(t, "title") else t.id, t.id)
        row.addWidget(label)
        row.addWidget(self.forms, 1)
        layout.addLayout(row)
        self.text = QTextBrowser(self)
        self.text.setObjectName("sourcesText")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.forms.currentIndexChanged.connect(self._show)
        index = self.forms.findData(template_id) if template_id else 0
        self.forms.setCurrentIndex(max(0, index))
        self._show()
        self.resize(900, 560)

    def _show(self) -> None:
        info = registry.find(self.forms.currentData())
        self.text.setHtml(sources_html(info.template, language()) if info else "")
