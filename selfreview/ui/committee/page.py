"""The committee's page: the roll-call of organisations for a period ("2/3 tổ chức đã báo cáo"),
the organisations whose results were imported, drill-down to one organisation's members and to one
member (scores, ratings, the meeting's vote, why not rated), and the committee's decided rating for
that member with the quota at the committee's level. Data only through ``ctx.committee``; writes
through the task runner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from selfreview.rating import Rating
from selfreview.ui.committee.models import ROW_ROLE, MembersModel, OrganisationsModel, short
from selfreview.ui.names import type_to_find
from selfreview.ui.i18n import arg, language
from selfreview.ui.operations import DECISIONS, Change, Operations
from selfreview.ui.secretary.common import SecretaryKey
from selfreview.ui.widgets import ScaledLabel

if TYPE_CHECKING:
    from selfreview.services.importing.receipts import Tally


class CommitteePage(QWidget):
    go_home = Signal()

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("committeePage")
        self.ctx, self.runner, self.dialogs = ctx, runner, dialogs
        self.ops = Operations(runner, dialogs, self)
        self.key = SecretaryKey()  # the passphrase of the key that opens the results, asked once
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.home_button = QPushButton(self.tr("← H&ome"), self)
        self.home_button.clicked.connect(self.go_home)
        title = ScaledLabel(self.tr("Committee: results of the organisations"), 1.3, bold=True, parent=self,
                            wrap=False)
        title.setObjectName("pageTitle")
        period_label = QLabel(self.tr("&Period:"), self)
        self.period = QComboBox(self)
        self.period.setObjectName("committeePeriod")
        period_label.setBuddy(self.period)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.import_button = QPushButton(self.tr("&Import results…"), self)
        self.import_button.setObjectName("importResults")
        self.import_button.clicked.connect(self.import_files)
        bar.addWidget(self.home_button)
        bar.addWidget(title, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        layout.addLayout(bar)
        self.rollcall = QLabel(self)
        self.rollcall.setObjectName("orgRollcall")
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        layout.addWidget(self.rollcall)
        layout.addWidget(self.missing)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.orgs_model = OrganisationsModel(self)
        self.orgs = self._table(split, self.orgs_model, "organisations")
        self.orgs.selectionModel().currentRowChanged.connect(lambda *_: self._org_selected())
        self.members_model = MembersModel(self)
        self.members = self._table(split, self.members_model, "orgMembers")
        type_to_find(self.members, 1)  # the "Full name" column: typing "duc" goes to "Đức"
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._member_selected())
        layout.addWidget(split, 1)

        self.detail = QLabel(self)
        self.detail.setObjectName("memberDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        decide = QHBoxLayout()
        decide_label = QLabel(self.tr("&Decided rating:"), self)
        self.rating = QComboBox(self)
        self.rating.setObjectName("decidedRating")
        decide_label.setBuddy(self.rating)
        self.rating.addItem(self.tr("(not decided)"), None)
        for r in Rating:
            self.rating.addItem(f"{r.short} — {r.label(language())}", r.value)
        self.decide_button = QPushButton(self.tr("Record the &decision"), self)
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.decide)
        self.quota = QLabel(self)
        self.quota.setObjectName("committeeQuota")
        decide.addWidget(decide_label)
        decide.addWidget(self.rating)
        decide.addWidget(self.decide_button)
        decide.addWidget(self.quota, 1)
        self.review_button = QPushButton(self.tr("The member's review as PDF…"), self)
        self.review_button.setObjectName("memberReviewPdf")
        self.review_button.clicked.connect(self.review_pdf)
        decide.addWidget(self.review_button)
        layout.addLayout(decide)
        self.saved = QLabel(self)
        self.saved.setObjectName("committeeSaved")
        layout.addWidget(self.saved)
        self._fill_periods()
        self.ops.changes.changed.connect(self._changed)

    def _table(self, parent: QWidget, model: Any, name: str) -> QTableView:
        view = QTableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(view.resizeColumnsToContents)  # every column as wide as its widest value
        return view

    # -- data --------------------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        periods = sorted({r.period for r in self.ctx.committee.list_results()}, reverse=True)
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(periods)
        self.period.blockSignals(False)
        self.refresh()

    def current_period(self) -> str | None:
        return self.period.currentText() or None

    def refresh(self) -> None:
        period = self.current_period()
        keep = self.current_org()
        if period is None:
            self.rollcall.setText(self.tr("No organisation's results have been imported yet: import the files "
                                          "the cells sent (selfreview import, or drop them on the window)."))
            self.missing.setText("")
            self.orgs_model.set_rows([])
            self.members_model.set_rows([])
            self._member_selected()
            return
        rc = self.ctx.committee.rollcall(period)
        self.rollcall.setText(rc.label.get(language()))
        self.missing.setText(arg(self.tr("Not reported yet: %1"), ", ".join(rc.missing)) if rc.missing else "")
        self.orgs_model.set_rows(self.ctx.committee.list_results(period))
        self._show_quota(period)
        if self.orgs_model.rows:
            row = next((i for i, r in enumerate(self.orgs_model.rows) if keep and r.id == keep.id), 0)
            self.orgs.selectRow(row)
        self._org_selected()

    def _show_quota(self, period: str) -> None:
        check, _ = self.ctx.committee.quota(period, by_category=False)
        self.quota.setText(check.summary(language()))

    def current_org(self) -> Any:
        index = self.orgs.currentIndex()
        return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None

    def current_member(self) -> Any:
        index = self.members.currentIndex()
        return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None

    def select_member(self, name: str) -> None:
        for i, m in enumerate(self.members_model.rows):
            if m.full_name == name:
                self.members.selectRow(i)
                return

    def _org_selected(self) -> None:
        org = self.current_org()
        keep = self.current_member()
        rows = list(self.ctx.committee.organisation(org.id).members) if org else []
        self.members_model.set_rows(rows)
        if keep is not None:
            i = next((n for n, m in enumerate(rows) if (m.unit_uid, m.ref) == (keep.unit_uid, keep.ref)), None)
            if i is not None:
                self.members.selectRow(i)
        self._member_selected()

    def _member_selected(self) -> None:
        m = self.current_member()
        self.decide_button.setEnabled(m is not None)
        self.review_button.setEnabled(m is not None and m.has_review)
        self.rating.setEnabled(m is not None)
        if m is None:
            self.detail.setText("")
            return
        lines = [f"<b>{m.full_name}</b> — {m.unit}",
                 arg(self.tr("Score: %1; self-proposed: %2; cell-proposed: %3; decided: %4"),
                     m.total or "–", short(m.self_rating) or "–", short(m.cell_rating) or "–",
                     short(m.decided_rating) or "–")]
        if m.votes:
            lines.append(arg(self.tr("The meeting's vote: %1"),
                             ", ".join(f"{short(k)} {v}" for k, v in m.votes.items())))
        if m.status == "not_rated":
            lines.append(arg(self.tr("Not rated: %1"), m.reason))
        lines.append(self.tr("The full review came with the results.") if m.has_review
                     else self.tr("The full review did not come with the results."))
        self.detail.setText("<br>".join(lines))
        self.rating.setCurrentIndex(max(0, self.rating.findData(m.decided_rating)))

    # -- deciding ------------------------------------------------------------------------------------
    def decide(self) -> None:
        org, m = self.current_org(), self.current_member()
        if org is None or m is None:
            return
        # the page refreshes when it hears of the decision (_changed)
        self.ops.write(self.ctx.committee.decide, org.id, m.unit_uid, m.ref,
                       self.rating.currentData()).changes(DECISIONS).run()

    def _changed(self, change: Change) -> None:
        if change.touches(DECISIONS):
            self.refresh()

    # -- importing -------------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.dialogs.open_files(self, self.tr("Import results"),
                                        self.tr("Results and decisions (*.selfreview-results *.selfreview-decisions)"))
        if paths:
            self._import(paths)

    def _import(self, paths: list[str]) -> None:
        """Import; when the key that opens the files asks for its passphrase (the office key always
        does: docs/security.md §5), ask it and try again."""
        def failed(error: Exception) -> None:
            if not self.key.retry(error, self, lambda: self._import(paths)):
                self.ops.present(error)
        (self.ops.write(self.ctx.exchange.import_each, paths, passphrase=self.key.passphrase)
         .success(self._imported).changes(DECISIONS).failure(failed).run())

    def _imported(self, tally: Tally) -> None:
        counts = tally.counts
        lines = [f"{r.file_name}: {r.reason.get(language())}" for r in tally.rejected if r.reason]
        text = arg(self.tr("%1 imported, %2 updated, %3 already present, %4 refused."), counts["imported"],
                   counts["updated"], counts["already_present"], counts["rejected"])
        self.dialogs.info(self, self.tr("Import results"), text, "\n".join(lines))
        keep = self.current_period()
        self._fill_periods()
        if keep:
            self.period.setCurrentText(keep)

    # -- a member's full review --------------------------------------------------------------------------
    def review_pdf(self) -> None:
        from selfreview.services.committee.review import write_member_review
        from selfreview.services.exchange import slug
        org, m = self.current_org(), self.current_member()
        if org is None or m is None or not m.has_review:
            return
        path = self.dialogs.save_file(self, self.tr("Save the review as PDF"),
                                      f"{slug(m.full_name)}-{slug(org.period)}.pdf", self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        out = path if path.lower().endswith(".pdf") else path + ".pdf"
        self.ops.write(write_member_review, self.ctx, org.id, m.unit_uid, m.ref, out).success(
            lambda p: self.saved.setText(arg(self.tr("Saved: %1"), str(p)))).run()
