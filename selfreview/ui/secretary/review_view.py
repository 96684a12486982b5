"""A member's review inside the workspace: read-only in the same navigator and section pages as the
filling screen, with the scores and the committee's assessment beside it and "previous / next"
through the reviews handed in; or the form itself (``WorkspaceEditor``) for a review typed in from
paper on a member's behalf and for the collective's report (Mẫu 01)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from selfreview.forms.answers import section_completion
from selfreview.rating import Rating
from selfreview.services.reviews import score_state
from selfreview.ui.i18n import arg, language, pick
from selfreview.ui.labels import status_name
from selfreview.ui.navigator import Navigator, form_column
from selfreview.ui.question_widgets import FormEnv
from selfreview.ui.review_editor import ReviewEditor
from selfreview.ui.score_panel import ScorePanel, has_scores
from selfreview.ui.secretary.assessment_panel import AssessmentPanel
from selfreview.ui.section_view import SectionPage
from selfreview.ui.settings import restore_splitter, save_splitter
from selfreview.ui.widgets import ScaledLabel


class ReviewReader(QWidget):
    back = Signal()
    go_to = Signal(int)  # another member's id
    assessed = Signal(object)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, settings: Any, round_id: int, row: Any,
                 neighbours: tuple[int | None, int | None] = (None, None), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewReader")
        self.ctx, self.runner, self.dialogs, self.settings = ctx, runner, dialogs, settings
        self.row, self.round_id = row, round_id
        self.lang = language()
        self.detail = ctx.reviews.open(row.review_id)
        self.template = self.detail.template
        self.sections = {s.id: (p, s) for p, s in self.template.sections()}
        self.page: SectionPage | None = None
        self.current_section: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Bac&k to the roll-call"), self)
        self.back_button.setObjectName("backToRollCall")
        self.back_button.clicked.connect(self.back)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        code = pick(self.template.code, self.lang) if self.template.code else self.detail.summary.form_code
        self.title = ScaledLabel(f"{row.name} · {code} · {self.detail.summary.period}", 1.15, bold=True, parent=self)
        self.title.setObjectName("readerTitle")
        self.status = QLabel(self._status_text(), self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.status)
        self.prev_button = QPushButton(self.tr("◀ &Previous member"), self)
        self.prev_button.setObjectName("previousMember")
        self.next_button = QPushButton(self.tr("Ne&xt member ▶"), self)
        self.next_button.setObjectName("nextMember")
        for button, member_id in ((self.prev_button, neighbours[0]), (self.next_button, neighbours[1])):
            button.setEnabled(member_id is not None)
            button.clicked.connect(lambda _c=False, m=member_id: m is not None and self.go_to.emit(m))
        bar.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addSpacing(8)
        bar.addLayout(titles, 1)
        bar.addWidget(self.prev_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bar)
        banner = QFrame(self)
        banner.setObjectName("lockedBanner")
        bl = QVBoxLayout(banner)
        note = QLabel(self.tr("Read only: a member's review is not changed here. The committee's comments and "
                              "the cell's proposed rating go in the panel on the right."), banner)
        note.setWordWrap(True)
        bl.addWidget(note)
        layout.addWidget(banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.navigator = Navigator(self.template, self.lang, self.splitter)
        self.navigator.section_activated.connect(self.show_section)
        self.navigator.set_completion(section_completion(self.template, self.detail.answers))
        self.scroll, self.page_layout = form_column(self.splitter, "readerScroll")
        side_holder = QWidget()
        side = QVBoxLayout(side_holder)
        side.setContentsMargins(0, 0, 0, 0)
        self.score_panel: ScorePanel | None = None
        if has_scores(self.template):
            self.score_panel = ScorePanel(self.template, self.lang, side_holder)
            state = score_state(self.template, self.detail.answers)
            self.score_panel.update_state(state)
            self.score_panel.proposed.setText(
                arg(self.tr("Self-proposed: %1"), Rating(state.proposed).label(self.lang)) if state.proposed
                else self.tr("Self-proposed: none"))
            side.addWidget(self.score_panel)
        self.panel = AssessmentPanel(ctx, runner, dialogs, side_holder)
        self.panel.saved.connect(self.assessed)
        side.addWidget(self.panel)
        side.addStretch(1)
        side_scroll = QScrollArea(self.splitter)
        side_scroll.setWidgetResizable(True)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side_holder)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 700, 380])
        restore_splitter(settings, self.splitter)
        layout.addWidget(self.splitter, 1)
        self.panel.set_member(round_id, row)
        order = [s.id for _, s in self.template.sections()]
        self.show_section(order[0])

    def _status_text(self) -> str:
        s, row = self.detail.summary, self.row
        parts = [status_name(s.status), arg(self.tr("revision %1"), s.revision)]
        if row.submitted_at:
            parts.append(arg(self.tr("handed in %1"), row.submitted_at.strftime("%d/%m/%Y %H:%M")))
        parts.append(row.status_label(self.lang))
        if s.entered_by_secretary:
            parts.append(self.tr("entered from paper by the secretary"))
        return " · ".join(parts)

    def show_section(self, section_id: str) -> None:
        if section_id not in self.sections or section_id == self.current_section:
            return
        part, section = self.sections[section_id]
        page = SectionPage(self.template, part, section, FormEnv(self.lang, self.dialogs), self.detail.answers, True)
        old = self.page
        if old is not None:
            old.hide()
            self.page_layout.removeWidget(old)
            old.deleteLater()
        self.page_layout.addWidget(page)
        self.page, self.current_section = page, section_id
        self.navigator.select(section_id)
        self.scroll.verticalScrollBar().setValue(0)

    def close_editor(self) -> None:
        """Before the reader goes away: the assessment typed is saved, the splitter remembered."""
        if self.panel.dirty:
            self.panel.save()
        save_splitter(self.settings, self.splitter)


class WorkspaceEditor(ReviewEditor):
    """The filling screen inside the workspace: "← Roll-call" instead of Home, a banner saying whose
    review this is, the scores naming whose proposal it is (``proposer``: "member" typed in from
    paper, "collective" for the collective's report), and "new revision" only where
    ``allow_revision`` (the collective's report)."""

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, settings: Any, review_id: int, banner: str,
                 back_text: str, allow_revision: bool = False, proposer: str = "member",
                 parent: QWidget | None = None) -> None:
        self.allow_revision = allow_revision
        self.proposer = proposer
        super().__init__(ctx, runner, dialogs, settings, review_id, parent=parent)
        self.setObjectName("workspaceEditor")
        self.home_button.setText(back_text)
        self.home_button.setObjectName("backToWorkspace")
        self.who = QFrame(self)
        self.who.setObjectName("onBehalfBanner")
        wl = QVBoxLayout(self.who)
        self.who_text = QLabel(banner, self.who)
        self.who_text.setObjectName("onBehalfText")
        self.who_text.setWordWrap(True)
        wl.addWidget(self.who_text)
        self.layout().insertWidget(1, self.who)

    def _refresh_header(self) -> None:
        super()._refresh_header()
        if not self.allow_revision:
            self.revision_button.setVisible(False)
