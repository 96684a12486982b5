"""The form: navigator | current section | scores and "Kiểm tra". Every change is autosaved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from selfreview.forms.answers import section_completion, validate
from selfreview.services.reviews import score_state
from selfreview.text import nfc_deep
from selfreview.ui.autosave import AutoSaver
from selfreview.ui.check_panel import CheckPanel
from selfreview.ui.i18n import arg, language, pick
from selfreview.ui.labels import status_name, when
from selfreview.ui.member_actions import MemberActions, can_send
from selfreview.ui.navigator import Navigator, form_column
from selfreview.ui.operations import REVIEWS, Change, Operations
from selfreview.ui.question_widgets import FormEnv, QuestionWidget
from selfreview.ui.score_panel import ScorePanel, has_scores
from selfreview.ui.section_view import SectionPage
from selfreview.ui.settings import restore_splitter, save_splitter
from selfreview.ui.widgets import ScaledLabel


class ReviewEditor(QWidget):
    proposer = "self"  # whose rating proposal the form holds (score_panel.PROPOSERS)
    save_state = Signal(str, object)  # the autosaver's state and message, for the status bar
    review_replaced = Signal(int)  # a new revision was made: open it
    go_home = Signal()
    section_changed = Signal(str)
    reloaded = Signal()  # e.g. finalized: now locked

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, settings: Any, review_id: int,
                 section_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewEditor")
        self.ctx, self.runner, self.dialogs, self.settings = ctx, runner, dialogs, settings
        self.review_id = review_id
        self.lang = language()
        self.detail = ctx.reviews.open(review_id)
        self.template = self.detail.template
        self.answers: dict[str, Any] = dict(self.detail.answers)
        self.sections = {s.id: (p, s) for p, s in self.template.sections()}
        self.order = [s.id for _, s in self.template.sections()]
        self.issues: list[Any] = []
        self.page: SectionPage | None = None
        self.current_section: str | None = None
        self.autosaver = AutoSaver(lambda qid, v: ctx.reviews.save_answer(review_id, qid, v), runner,
                                   label=self._question_label, parent=self)
        self.autosaver.state_changed.connect(self.save_state)
        self.actions = MemberActions(ctx, runner, dialogs, self)
        self.ops = Operations(runner, dialogs, self)
        # sent, answers imported from Word, finalized: reload when this review changed (ui/operations.py)
        self.ops.changes.changed.connect(self._review_changed)
        self._build()
        self._refresh_header()
        self.show_section(section_id if section_id in self.sections else
                          (self.detail.last_section if self.detail.last_section in self.sections else self.order[0]))
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._watching_focus = True

    @property
    def locked(self) -> bool:
        return self.detail.locked

    # -- building --------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        bar = QHBoxLayout()
        self.home_button = QPushButton(self.tr("← H&ome"), self)
        self.home_button.setObjectName("homeButton")
        self.home_button.clicked.connect(self.go_home)
        self.title = ScaledLabel("", 1.15, bold=True, parent=self)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.status)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(self.tr("List every missing answer and invalid value (F7)"))
        self.check_button.clicked.connect(self.run_check)
        self.finalize_button = QPushButton(self.tr("Finali&ze…"), self)
        self.finalize_button.setObjectName("finalizeButton")
        self.finalize_button.clicked.connect(self.finalize)
        self.revision_button = QPushButton(self.tr("&New revision"), self)
        self.revision_button.setObjectName("revisionButton")
        self.revision_button.setToolTip(self.tr("Make an editable copy; the finalized review is kept as it is"))
        self.revision_button.clicked.connect(self.new_revision)
        self.send_button = QPushButton(self.tr("&Send to the cell…"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setToolTip(self.tr("Save this finalized review as a signed file for the cell secretary"))
        self.send_button.clicked.connect(self.send_to_cell)
        self.pdf_button = QPushButton(self.tr("E&xport PDF…"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.setToolTip(self.tr("Save this review as a PDF to print or keep"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.word_button = QPushButton(self.tr("Export Wor&d…"), self)
        self.word_button.setObjectName("wordButton")
        self.word_button.setToolTip(self.tr("Save this review as a Word document (.docx) to edit or keep"))
        self.word_button.clicked.connect(self.export_word)
        self.import_button = QPushButton(self.tr("I&mport from Word…"), self)
        self.import_button.setObjectName("importWordButton")
        self.import_button.setToolTip(self.tr("Read your own kiểm điểm written in Word (.docx) into this form, "
                                              "after a preview"))
        self.import_button.clicked.connect(self.import_word)
        bar.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addSpacing(8)
        bar.addLayout(titles, 1)
        for b in (self.import_button, self.check_button, self.finalize_button, self.send_button, self.revision_button,
                  self.pdf_button, self.word_button):
            bar.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bar)
        self.banner = QFrame(self)
        self.banner.setObjectName("lockedBanner")
        banner_layout = QVBoxLayout(self.banner)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        banner_layout.addWidget(self.banner_text)
        layout.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.navigator = Navigator(self.template, self.lang, self.splitter)
        self.navigator.section_activated.connect(self.show_section)
        self.scroll, self.page_layout = form_column(self.splitter, "formScroll")
        self.sidebar = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.sidebar.setObjectName("editorSidebar")
        self.score_panel: ScorePanel | None = None
        if has_scores(self.template):
            self.score_panel = ScorePanel(self.template, self.lang, proposer=self.proposer)
            score_scroll = QScrollArea(self.sidebar)
            score_scroll.setWidgetResizable(True)
            score_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            score_scroll.setWidget(self.score_panel)
        self.check_panel = CheckPanel(self.template, self.lang, self.sidebar)
        self.check_panel.hide()
        self.check_panel.issue_activated.connect(self.go_to_issue)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 760, 340])
        restore_splitter(self.settings, self.splitter)
        restore_splitter(self.settings, self.sidebar)
        layout.addWidget(self.splitter, 1)
        self._update_scores()
        self._update_completion()

    def _update_completion(self) -> None:
        incomplete = {i.section_id for i in validate(self.template, self.answers) if i.code == "invalid"}
        self.navigator.set_completion(section_completion(self.template, self.answers), incomplete)

    def _refresh_header(self) -> None:
        s = self.detail.summary
        code = pick(self.template.code, self.lang) if self.template.code else s.form_code
        self.title.setText(f"{code} · {s.period}")
        self.title.setToolTip(pick(self.template.title, self.lang))
        self.status.setText(arg(self.tr("%1 · revision %2 · %3"),
                                status_name(s.status), s.revision, pick(self.template.title, self.lang)))
        self.finalize_button.setVisible(not self.locked)
        self.import_button.setVisible(not self.locked)
        self.check_button.setVisible(not self.locked)
        self.revision_button.setVisible(self.locked and s.is_current)
        self.send_button.setVisible(can_send(s))
        self.banner.setVisible(self.locked)
        if self.locked:
            text = arg(self.tr("This review was finalized on %1 and is locked."), when(s.finalized_at))
            if s.is_current:
                text += " " + self.tr("To change it, make a new revision; this one is kept as it is.")
            else:
                text += " " + self.tr("A newer revision replaces it.")
            self.banner_text.setText(text)

    # -- sections ---------------------------------------------------------------------------------------
    def show_section(self, section_id: str) -> None:
        if section_id not in self.sections or (section_id == self.current_section and self.page):
            self.navigator.select(section_id)
            return
        self.flush()
        part, section = self.sections[section_id]
        env = FormEnv(self.lang, self.dialogs)
        page = SectionPage(self.template, part, section, env, self.answers, self.locked)
        page.changed.connect(self._changed)
        page.set_problems({i.question_id for i in self.issues if i.section_id == section_id})
        old = self.page
        if old is not None:  # hidden and removed while still a child: it never becomes a window
            old.hide()
            self.page_layout.removeWidget(old)
            old.deleteLater()
        self.page_layout.addWidget(page)
        self.page = page
        self.current_section = section_id
        self.navigator.select(section_id)
        self.scroll.verticalScrollBar().setValue(0)
        self.ops.write(self.ctx.reviews.set_last_section, self.review_id, section_id).quietly().run()
        self.section_changed.emit(section_id)

    def next_section(self, step: int = 1) -> None:
        i = self.order.index(self.current_section) + step
        if 0 <= i < len(self.order):
            self.show_section(self.order[i])
            first = self.page.first_input() if self.page else None
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def widget_for(self, question_id: str) -> QuestionWidget | None:
        return self.page.widgets.get(question_id) if self.page else None

    def focus_navigator(self) -> None:
        self.navigator.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_form(self) -> None:
        first = self.page.first_input() if self.page else None
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- answers ------------------------------------------------------------------------------------------
    def _changed(self, qid: str, value: Any) -> None:
        if self.locked:
            return
        value = nfc_deep(value)
        if value is None:
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = value
        self.autosaver.schedule(qid, value)
        self.issues = [i for i in self.issues if i.question_id != qid]
        self.page.update_answers(self.answers)
        self._update_completion()
        self._update_scores()

    def _question_label(self, qid: str) -> str:
        item = self.template.item_index().get(qid)
        label = pick(item.label, self.lang) if item is not None and getattr(item, "label", None) else qid
        label = " ".join(label.split())
        return label if len(label) <= 60 else label[:59].rstrip() + "…"  # it is shown in the status bar

    def _update_scores(self) -> None:
        if self.score_panel is not None:
            self.score_panel.update_state(score_state(self.template, self.answers))

    def flush(self, wait: bool = False) -> None:
        """Save pending changes now; ``wait``: until they are in the database."""
        self.autosaver.flush()
        if wait:
            self.runner.drain()

    def save_now(self) -> None:
        self.flush(wait=True)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.autosaver.has_pending() and self.isAncestorOf(old):
            self.autosaver.flush()

    # -- "Kiểm tra", finalize, new revision ------------------------------------------------------------
    def run_check(self) -> list[Any]:
        self.flush(wait=True)
        self.issues = self.ctx.reviews.validate(self.review_id)
        self.check_panel.show_issues(self.issues)
        if self.page is not None:
            self.page.set_problems({i.question_id for i in self.issues if i.section_id == self.current_section})
        if self.issues:
            self.check_panel.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.issues

    def go_to_issue(self, issue: Any) -> QWidget | None:
        self.show_section(issue.section_id)
        widget = self.widget_for(issue.question_id)
        if widget is None:
            return None
        target = widget.focus_issue(issue)
        QTimer.singleShot(0, lambda: self._scroll_to(target))
        return target

    def _scroll_to(self, widget: QWidget) -> None:
        if self.page is not None and self.page.isAncestorOf(widget):
            self.scroll.ensureWidgetVisible(widget, 40, 120)

    def finalize(self) -> None:
        if self.locked:
            return
        issues = self.run_check()
        if issues:
            self.dialogs.info(self, self.tr("Not finalized yet"),
                              self.tr("%n problem(s) must be fixed before the review can be finalized. "
                                      "Each one is listed under \"Check\"; click it to go to the field.",
                                      "", len(issues)))
            return
        if not self.dialogs.confirm(
                self, self.tr("Finalize the review"),
                self.tr("Finalize this review now?"), self.tr("Finalize"),
                self.tr("After finalizing, the review is locked and can no longer be changed. "
                        "To correct it later, make a new revision; the finalized one is kept.")):
            return
        self.ops.write(self.ctx.reviews.finalize, self.review_id).changes(REVIEWS, about=self.review_id).run()

    def new_revision(self) -> None:
        if not self.locked:
            return
        self.ops.write(self.ctx.reviews.new_revision, self.review_id).changes(REVIEWS).success(
            lambda d: self.review_replaced.emit(d.summary.id)).run()

    def _reload(self) -> None:
        self.detail = self.ctx.reviews.open(self.review_id)
        self.answers = dict(self.detail.answers)
        self.check_panel.hide()
        self.issues = []
        self._refresh_header()
        self._update_completion()
        section, self.current_section = self.current_section, None
        self.show_section(section)
        self.reloaded.emit()

    # -- send to the cell, PDF (selfreview/ui/member_actions.py) ---------------------------------------
    def send_to_cell(self) -> None:
        if can_send(self.detail.summary):
            self.actions.send(self.review_id)

    def export_pdf(self) -> None:
        self.flush(wait=True)
        self.actions.export_pdf(self.review_id)

    def export_word(self) -> None:
        self.flush(wait=True)
        self.actions.export_word(self.review_id)

    def import_word(self) -> None:
        self.flush(wait=True)
        self.actions.import_word(self.review_id)

    def _review_changed(self, change: Change) -> None:
        if change.touches(REVIEWS) and change.about == self.review_id:
            self._reload()

    # -- closing ------------------------------------------------------------------------------------------
    def unsaved(self) -> list[Any]:
        """Save what is pending and wait for it; then what is still not stored (autosave.SaveProblem)."""
        self.flush(wait=True)
        return self.autosaver.unsaved()

    def close_editor(self) -> None:
        """Before the editor goes away: save everything and remember the splitters."""
        self.flush(wait=True)
        save_splitter(self.settings, self.splitter)
        save_splitter(self.settings, self.sidebar)
        if self._watching_focus:  # once: a second disconnect warns on PySide6 6.11
            self._watching_focus = False
            try:
                QApplication.instance().focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
