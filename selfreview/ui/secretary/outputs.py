"""What goes out: the invitation, the cell's summary (with every review if wanted), the minutes, the
roll-up of every cell, the collective's report, and the roll-call table as XLSX or CSV (UTF-8 with a
BOM). Each is written as a long job with progress and Cancel, then opened in the system's viewer
through the workspace's ``opener`` (tests put a recorder there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from selfreview.filenames import portable_name, portable_path
from selfreview.services.exchange import INVITE_SUFFIX, slug
from selfreview.services.rollcall_table import write_table
from selfreview.ui.i18n import arg, language
from selfreview.ui.operations import SETTINGS, Operations
from selfreview.ui.secretary.common import wired
from selfreview.ui.widgets import ScaledLabel, hint_label


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


class Exporter(QObject):
    """Asks where to save, runs the writer as a job, reports, opens the file."""

    written = Signal(str)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, workspace: Any) -> None:
        super().__init__(workspace)
        self.ctx, self.runner, self.dialogs, self.workspace = ctx, runner, dialogs, workspace
        self.ops = Operations(runner, dialogs, workspace)
        self.open_after = True
        self.last: Path | None = None

    def _round(self, round_id: int) -> Any:
        return self.ctx.cells.get_round(round_id)

    def _ask(self, title: str, name: str, suffix: str, name_filter: str) -> Path | None:
        folder = self.last.parent if self.last is not None else documents_dir()
        path = self.dialogs.save_file(self.workspace, title, str(folder / portable_name(name + suffix)), name_filter)
        if not path:
            return None
        out = Path(path)
        return portable_path(out if out.name.lower().endswith(suffix) else out.with_name(out.name + suffix))

    def _run(self, title: str, out: Path | None, work: Callable[[Any, Path], Any], cancellable: bool = True) -> Any:
        if out is None:
            return None
        return (self.ops.job(work, out).with_progress(title, arg(self.tr("Writing %1…"), out.name), cancellable)
                .success(lambda _r: self._done(out)).run())

    def _done(self, out: Path) -> None:
        self.last = out
        self.written.emit(str(out))
        if self.open_after:
            self.workspace.opener(out)

    # -- the outputs ----------------------------------------------------------------------------------
    def invitation(self, round_id: int) -> Any:
        r = self._round(round_id)
        out = self._ask(self.tr("Save the invitation"), f"loi-moi-{slug(r.cell)}-{slug(r.period)}", INVITE_SUFFIX,
                        arg(self.tr("Invitations (*%1)"), INVITE_SUFFIX))
        return self._invite(round_id, out)

    def _invite(self, round_id: int, out: Path | None) -> Any:
        if out is None:
            return None
        passphrase = self.workspace.key.passphrase
        write = self.ctx.exchange.write_invitation
        return (self.ops.job(lambda _p: self.runner.write(write, round_id, out, passphrase))
                .with_progress(self.tr("Invitation"), arg(self.tr("Writing %1…"), out.name), cancellable=False)
                .success(lambda _r: self._done(out)).failure(lambda e: self._invite_failed(e, round_id, out)).run())

    def _invite_failed(self, error: Exception, round_id: int, out: Path) -> None:
        if not self.workspace.key.retry(error, self.workspace, lambda: self._invite(round_id, out)):
            self.ops.present(error)

    def _filter(self, suffix: str) -> str:
        return {".docx": self.tr("Word documents (*.docx)"),
                ".xlsx": self.tr("Excel workbooks (*.xlsx)")}.get(suffix, self.tr("PDF documents (*.pdf)"))

    def cell_summary(self, round_id: int, with_reviews: bool = False, suffix: str = ".pdf") -> Any:
        r = self._round(round_id)
        out = self._ask(self.tr("Save the cell's summary"), f"bao-cao-{slug(r.cell)}-{slug(r.period)}", suffix,
                        self._filter(suffix))
        return self._run(self.tr("The cell's summary"), out, lambda p, path: wired(
            p, self.ctx.reports.write_cell, r.cell_id, r.period, path, with_reviews=with_reviews))

    def minutes(self, round_id: int, suffix: str = ".pdf") -> Any:
        r = self._round(round_id)
        out = self._ask(self.tr("Save the minutes"), f"bien-ban-{slug(r.cell)}-{slug(r.period)}", suffix,
                        self._filter(suffix))
        return self._run(self.tr("Minutes of the meeting"), out,
                         lambda p, path: wired(p, self.ctx.meetings.write_minutes, round_id, path))

    def rollup(self, round_id: int, suffix: str = ".pdf") -> Any:
        r = self._round(round_id)
        percent = self.ctx.assessments.quota(round_id).percent
        out = self._ask(self.tr("Save the roll-up of every cell"), f"tong-hop-{slug(r.period)}", suffix,
                        self._filter(suffix))
        return self._run(self.tr("Roll-up of every cell"), out, lambda p, path: wired(
            p, self.ctx.reports.write_rollup, r.period, path, quota_percent=percent))

    def review_pdf(self, review_id: int, name: str, suffix: str = ".pdf") -> Any:
        """The review as PDF, or as Word with ``suffix`` ".docx"."""
        title = self.tr("Save the review as Word") if suffix == ".docx" else self.tr("Save the review as PDF")
        out = self._ask(title, name, suffix, self._filter(suffix))
        return self._run(self.tr("Review"), out, lambda p, path: wired(p, self.ctx.reports.write_review,
                                                                        review_id, path))

    def table(self, round_id: int, fmt: str) -> Any:
        r = self._round(round_id)
        name_filter = self.tr("Excel workbooks (*.xlsx)") if fmt == "xlsx" else self.tr("CSV files (*.csv)")
        out = self._ask(self.tr("Save the roll-call table"), f"diem-danh-{slug(r.cell)}-{slug(r.period)}", f".{fmt}",
                        name_filter)
        lang = language()
        return self._run(self.tr("Roll-call table"), out, lambda _p, path: write_table(
            self.ctx.rollcall.roll_call(round_id), path, fmt, lang), cancellable=False)


class OutputsPage(QWidget):
    def __init__(self, ctx: Any, runner: Any, dialogs: Any, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outputsPage")
        self.ctx, self.runner, self.dialogs, self.workspace = ctx, runner, dialogs, workspace
        self.ops = Operations(runner, dialogs, self)
        self.exporter: Exporter = workspace.exporter
        self.round_id: int | None = None
        # the page scrolls (up and down only): on a 1280×720 screen its many buttons need not fit at once
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("outputsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(scroll)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(ScaledLabel(self.tr("Documents and tables"), 1.3, bold=True, parent=self))
        self.buttons: dict[str, QPushButton] = {}
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout.addLayout(columns)

        up = QGroupBox(self.tr("For the party committee above"), self)
        ul = QVBoxLayout(up)
        self._button(ul, "summary", self.tr("The cell's &summary (PDF)…"), self.tr(
            "Every member with scores and the two proposed ratings, the quota, and what the members wrote "
            "about avoiding responsibility (counted, without names)."),
                     lambda: self.exporter.cell_summary(self.round_id, self.with_reviews.isChecked()),
                     extra=[("summary_docx", self.tr("Word…"), lambda: self.exporter.cell_summary(
                         self.round_id, self.with_reviews.isChecked(), ".docx"))])
        self.with_reviews = QCheckBox(self.tr("With every review in f&ull"), up)
        self.with_reviews.setObjectName("withReviews")
        ul.addWidget(self.with_reviews)
        self._button(ul, "minutes", self.tr("The &minutes of the meeting (PDF)…"),
                     self.tr("The minutes: attendance, the vote on each member, conclusions."),
                     lambda: self.exporter.minutes(self.round_id),
                     extra=[("minutes_docx", self.tr("Word…"), lambda: self.exporter.minutes(self.round_id, ".docx"))])
        from selfreview.ui.committee import cell_actions  # results up, decisions down (docs/committee.md)
        self._button(ul, "open_call", self.tr("Open the committee's call for results…"), "",
                     lambda: cell_actions.open_call(self.exporter))
        self._button(ul, "results", self.tr("The cell's results file for the committee…"), "",
                     lambda: cell_actions.write_results(self.exporter, self.round_id, self.with_reviews.isChecked()))
        self._button(ul, "rollup", self.tr("Ro&ll-up of every cell on this computer (PDF)…"),
                     self.tr("For a committee that collects several cells' rounds of the same period."),
                     lambda: self.exporter.rollup(self.round_id),
                     extra=[("rollup_docx", self.tr("Word…"), lambda: self.exporter.rollup(self.round_id, ".docx")),
                            ("rollup_xlsx", self.tr("Excel…"), lambda: self.exporter.rollup(self.round_id, ".xlsx"))])
        left.addWidget(up)
        tables = QGroupBox(self.tr("The roll-call as a table"), self)
        tl = QVBoxLayout(tables)
        self._button(tl, "xlsx", self.tr("As an &Excel workbook (XLSX)…"), "", lambda: self.exporter.table(
            self.round_id, "xlsx"))
        self._button(tl, "csv", self.tr("As &CSV (UTF-8, opens in Excel with Vietnamese letters)…"), "",
                     lambda: self.exporter.table(self.round_id, "csv"))
        right.addWidget(tables)
        members = QGroupBox(self.tr("For the members"), self)
        ml = QVBoxLayout(members)
        self._button(ml, "invitation", self.tr("The &invitation file…"), self.tr(
            "Send it to every member (USB stick, e-mail, chat): it brings the round's form, and their reviews "
            "come back encrypted to you."), lambda: self.exporter.invitation(self.round_id))
        right.addWidget(members)
        right.addStretch(1)
        left.addStretch(1)

        settings = QGroupBox(self.tr("On every document"), self)
        form = QFormLayout(settings)
        self.place = QLineEdit(self.ctx.reports.place(), settings)
        self.place.setObjectName("reportPlace")
        self.place.setPlaceholderText(self.tr("e.g. Hà Nội (left empty: dots to fill in by hand)"))
        self.place.editingFinished.connect(self._place_changed)
        form.addRow(self.tr("Place before the &date"), self.place)
        form.labelForField(self.place).setBuddy(self.place)
        self.open_after = QCheckBox(self.tr("O&pen each file after saving it"), settings)
        self.open_after.setObjectName("openAfter")
        self.open_after.setChecked(True)
        self.open_after.toggled.connect(lambda on: setattr(self.exporter, "open_after", on))
        form.addRow(self.open_after)
        layout.addWidget(settings)
        self.last = QLabel(self)
        self.last.setObjectName("lastWritten")
        self.last.setWordWrap(True)
        layout.addWidget(self.last)
        layout.addStretch(1)
        self.exporter.written.connect(lambda path: self.last.setText(arg(self.tr("Saved: %1"), path)))

    def _button(self, layout: QVBoxLayout, key: str, text: str, hint: str, slot: Callable[[], Any],
                extra: list[tuple[str, str, Callable[[], Any]]] = ()) -> None:
        """A button, the same document in other formats on a row below it (``extra``), then its hint."""
        for row_items in ([(key, text, slot)], list(extra)):
            if not row_items:
                continue
            row = QHBoxLayout()
            for k, label, action in row_items:
                button = QPushButton(label, self)
                button.setObjectName(f"out_{k}")
                button.clicked.connect(lambda _=False, action=action: self.round_id is not None and action())
                row.addWidget(button)
                self.buttons[k] = button
            row.addStretch(1)
            layout.addLayout(row)
        if hint:
            layout.addWidget(hint_label(hint, self))

    def set_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(self.round_id is not None)

    def _place_changed(self) -> None:
        place = self.place.text().strip()
        if place != self.ctx.reports.place():
            self.ops.write(self.ctx.reports.set_place, place).changes(SETTINGS).run()
