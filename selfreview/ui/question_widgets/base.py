"""The base of every question widget: label, required mark, provenance mark, official hint, and the
contract the review editor relies on (value, set_value, changed, read-only, focus, problem mark)."""

from __future__ import annotations

import html
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from selfreview.forms.model import Status
from selfreview.ui.i18n import pick
from selfreview.ui.widgets import hint_label

MARKED_STATUSES = {Status.RECONSTRUCTED, Status.THIRD_PARTY}


@dataclass
class FormEnv:
    """What question widgets need from their surroundings."""

    lang: str = "vi"
    dialogs: Any = None  # selfreview.ui.dialogs.DialogService (records ask before removing an entry)
    aid: frozenset[str] = frozenset()  # the app's optional aid (forms.answers.optional_aid): no *, no †


def provenance_tip(status: Status) -> str:
    from PySide6.QtCore import QCoreApplication
    if status is Status.RECONSTRUCTED:
        return QCoreApplication.translate(
            "QuestionWidget", "Reconstructed wording: the official text could not be checked word for word.")
    return QCoreApplication.translate(
        "QuestionWidget", "Wording from a third-party source, not from the official text.")


def label_html(text: str, required: bool) -> str:
    body = html.escape(text).replace("\n", "<br>")
    if required:
        body += ' <span style="color:#b00020">*</span>'
    return body


class QuestionWidget(QWidget):
    """One question. Subclasses build their inputs in ``self.body`` and implement ``value`` /
    ``_set`` / ``_set_read_only`` / ``focus_widget``."""

    changed = Signal(str, object)  # question id, the new value (None: unanswered)

    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(parent)
        self.item = item
        self.qid: str = item.id
        self.env = env
        self._loading = False
        self._read_only = False
        self.setObjectName(f"q_{item.id}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.title: QLabel | None = None
        if show_label:
            row = QHBoxLayout()
            row.setSpacing(6)
            required = getattr(item, "required", False) and item.id not in env.aid
            self.title = QLabel(label_html(pick(item.label, env.lang), required), self)
            self.title.setObjectName("questionLabel")
            self.title.setTextFormat(Qt.TextFormat.RichText)
            self.title.setWordWrap(True)
            row.addWidget(self.title, 1)
            if item.label.status in MARKED_STATUSES and item.id not in env.aid:
                mark = QLabel("†", self)
                mark.setObjectName("provenance")
                mark.setToolTip(provenance_tip(item.label.status))
                mark.setAccessibleName(provenance_tip(item.label.status))
                row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            outer.addLayout(row)
        self.hint: QLabel | None = None
        if item.hint is not None:
            self.hint = hint_label(pick(item.hint, env.lang), self)
            outer.addWidget(self.hint)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        outer.addLayout(self.body)

    # -- the contract -------------------------------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``changed``."""
        with self.quiet():
            self._set(value)

    def _set(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._set_read_only(read_only)

    def _set_read_only(self, read_only: bool) -> None:
        pass

    def is_read_only(self) -> bool:
        return self._read_only

    def focus_widget(self) -> QWidget:
        return self

    def focus_issue(self, issue: Any = None) -> QWidget:
        """Put the keyboard focus where the problem ``issue`` is; returns that widget."""
        widget = self.focus_widget()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def update_answers(self, answers: dict[str, Any]) -> None:
        """Answers changed elsewhere (computed totals follow)."""

    def set_problem(self, problem: bool) -> None:
        if self.property("problem") != problem:
            self.setProperty("problem", problem)
            self.style().unpolish(self)
            self.style().polish(self)

    @property
    def label_text(self) -> str:
        return pick(self.item.label, self.env.lang)

    # -- helpers ------------------------------------------------------------------------------------
    @contextmanager
    def quiet(self) -> Iterator[None]:
        old, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = old

    def emit_changed(self) -> None:
        if not self._loading and not self._read_only:
            self.set_problem(False)
            self.changed.emit(self.qid, self.value())

    def describe(self, widget: QWidget) -> None:
        """Name the input for screen readers after the question and its hint."""
        widget.setAccessibleName(self.label_text)
        if self.item.hint is not None:
            widget.setAccessibleDescription(pick(self.item.hint, self.env.lang))
        # No buddy for the rich-text title: Qt would read every "&" of an HTML entity (&quot;, &amp;)
        # as a mnemonic and bind stray Alt+letter shortcuts. The accessible name links them instead.
