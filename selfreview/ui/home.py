"""Home: my reviews by period with their status, "new review", and my profile with its key."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from selfreview.services.dto import ProfileData
from selfreview.ui.i18n import arg
from selfreview.ui.labels import date_text
from selfreview.ui.key_actions import KeyActions
from selfreview.ui.member_actions import MemberActions, can_send
from selfreview.ui.new_review import NewReviewDialog, ProfileDialog
from selfreview.ui.operations import PROFILE, REVIEWS, Change, Operations
from selfreview.ui.profile_form import proposed_form_text
from selfreview.ui.security_dialog import SecurityDialog, key_attention
from selfreview.ui.review_model import PERIOD, SORT_ROLE, SUMMARY_ROLE, ReviewTableModel
from selfreview.ui.widgets import ScaledLabel


class HomePage(QWidget):
    """Follows the operations layer's ``changes``: REVIEWS reloads the list, PROFILE (of this
    profile) the card; the main window follows the same announcements."""

    open_review = Signal(int)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, profile: ProfileData,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.ctx, self.runner, self.dialogs, self.profile = ctx, runner, dialogs, profile
        self.ops = Operations(runner, dialogs, self)
        self.dialog: NewReviewDialog | ProfileDialog | None = None
        self.actions = MemberActions(ctx, runner, dialogs, self)
        self.actions.review_opened.connect(self.open_review)
        self.keys = KeyActions(ctx, runner, dialogs, self)  # protect, back up, restore, renew (key_actions.py)
        self.keys.done.connect(self._keys_done)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(16)

        left = QVBoxLayout()
        self.greeting = ScaledLabel("", 1.5, bold=True, parent=self)
        left.addWidget(self.greeting)
        self.notices = QVBoxLayout()  # what needs the person's attention, one line each
        left.addLayout(self.notices)
        self.security: SecurityDialog | None = None
        self.key_note = self._notice("keyNote", "")
        self.invite_note = self._notice(
            "inviteNote",
            self.tr("Before you write: ask your cell secretary for the invitation file (.selfreview-invite) and "
                    "open it here with \"Open an invitation from the secretary…\". A review started from the "
                    "invitation goes back encrypted: only the secretary can read it. Without one, the file you "
                    "send is signed but anyone who gets it can read it."))
        heading = QHBoxLayout()
        heading.addWidget(ScaledLabel(self.tr("My self-reviews"), 1.15, bold=True, parent=self), 1)
        self.show_all = QCheckBox(self.tr("Show &earlier revisions too"), self)
        self.show_all.setObjectName("showAllRevisions")
        self.show_all.toggled.connect(lambda _on: self.refresh())
        heading.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignBottom)
        left.addLayout(heading)
        self.model = ReviewTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("reviews")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PERIOD, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("My self-reviews"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        left.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No self-review yet. Press \"Create a new review\" to start one."), self)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        left.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Create a &new review"), self)
        self.new_button.setObjectName("newReviewButton")
        self.new_button.setToolTip(QKeySequence("Ctrl+N").toString(QKeySequence.SequenceFormat.NativeText))
        self.new_button.clicked.connect(self.new_review)
        self.invite_button = QPushButton(self.tr("Open an &invitation from the secretary…"), self)
        self.invite_button.setObjectName("openInvitationButton")
        self.invite_button.setToolTip(self.tr("When your cell secretary sent you an invitation file "
                                              "(.selfreview-invite), open it here: your review is made on the "
                                              "cell's form and will be sent back encrypted for the secretary."))
        self.invite_button.clicked.connect(lambda: self.open_invitation())  # not clicked(bool) as the path
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.invite_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        selected = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the selected review"), self)
        self.open_button.setObjectName("openReviewButton")
        self.open_button.clicked.connect(self._open_selected)
        self.send_button = QPushButton(self.tr("&Send to the cell…"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setToolTip(self.tr("Save the selected finalized review as a signed file for the "
                                            "cell secretary"))
        self.send_button.clicked.connect(self.send_selected)
        self.pdf_button = QPushButton(self.tr("E&xport PDF…"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.setToolTip(self.tr("Save the selected review as a PDF to print or keep"))
        self.pdf_button.clicked.connect(self.export_selected_pdf)
        for b in (self.open_button, self.send_button, self.pdf_button):
            selected.addWidget(b)
        selected.addStretch(1)
        left.addLayout(selected)
        layout.addLayout(left, 3)

        self.card = QGroupBox(self.tr("My profile"), self)
        self.card.setObjectName("profileCard")
        self.card_form = QFormLayout(self.card)
        self.card_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        right = QVBoxLayout()
        right.addWidget(self.card)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.show_profile(profile)
        self.refresh()
        self.ops.changes.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        if change.touches(PROFILE) and change.about == self.profile.id:
            self.show_profile(self.ctx.profiles.get(self.profile.id))
        if change.touches(REVIEWS):
            summary = self.selected()
            self.refresh(summary.id if summary is not None else None)

    def _notice(self, name: str, text: str, button_text: str = "", slot: Any = None) -> QFrame:
        box = QFrame(self)
        box.setObjectName("guidance")
        box.setProperty("notice", name)
        row = QHBoxLayout(box)
        label = QLabel(text, box)
        label.setObjectName(name)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if button_text:
            button = QPushButton(button_text, box)
            button.setObjectName(name + "Button")
            button.clicked.connect(slot)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.notices.addWidget(box)
        box.hide()
        return box

    # -- the profile card -----------------------------------------------------------------------------
    def show_profile(self, p: ProfileData) -> None:
        self.profile = p
        self.greeting.setText(arg(self.tr("Hello, %1"), p.full_name))
        while self.card_form.rowCount():
            self.card_form.removeRow(0)
        rows = [(self.tr("Full name"), p.full_name), (self.tr("Date of birth"), date_text(p.date_of_birth)),
                (self.tr("Party post"), p.party_post), (self.tr("Government post"), p.government_post),
                (self.tr("Mass-organisation post"), p.mass_org_post), (self.tr("Work unit"), p.work_unit),
                (self.tr("Party cell"), p.cell_name), (self.tr("Superior party body"), p.superior_body),
                (self.tr("Proposed form"), proposed_form_text(p.category))]
        for name, value in rows:
            if value:
                self.card_form.addRow(name, self._value(value))
        key = ScaledLabel(p.fingerprint or "—", 1.0, bold=True, parent=self.card, spacing=110)
        key.setObjectName("fingerprint")
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setToolTip(self.tr("Read this code out to your cell secretary when asked: it shows that "
                               "files sent in your name really come from you."))
        self.card_form.addRow(self.tr("Key code"), key)
        edit = QPushButton(self.tr("Edit &profile…"), self.card)
        edit.setObjectName("editProfileButton")
        edit.clicked.connect(self.edit_profile)
        self.card_form.addRow(edit)
        security = QPushButton(self.tr("Securit&y of my key…"), self.card)
        security.setObjectName("securityButton")
        security.setToolTip(self.tr("Protect the key with a passphrase, back it up, restore it"))
        security.clicked.connect(self.open_security)
        self.card_form.addRow(security)
        self._show_key_note()
        if getattr(self, "security", None) is not None:  # the Security dialog shows the key as it is now
            self.security.profile = p
            self.security.refresh()

    def _keys_done(self, _action: str) -> None:
        self._show_key_note()  # protected or backed up now, or not

    def open_security(self) -> SecurityDialog:
        """The key's protection and backup, in a dialog of their own (``security_dialog.py``)."""
        if self.security is None:
            self.security = SecurityDialog(self.ctx, self.keys, self.profile, self)
        self.security.show()
        self.security.raise_()
        return self.security

    def _show_key_note(self) -> None:
        text = key_attention(self.ctx, self.profile)
        self.key_note.findChild(QLabel, "keyNote").setText(text)
        self.key_note.setVisible(bool(text))

    def _value(self, text: str, name: str = "") -> QLabel:
        label = QLabel(text, self.card)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if name:
            label.setObjectName(name)
        return label

    def edit_profile(self) -> None:
        self.dialog = ProfileDialog(self.profile, self)
        self.dialog.accepted.connect(self._profile_edited)
        self.dialog.open()

    def _profile_edited(self) -> None:
        data = self.dialog.form.data()
        self.ops.write(self.ctx.profiles.update, data).changes(PROFILE, about=self.profile.id).run()

    # -- the reviews ----------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Reload the list; ``keep``: the review to select again (else the first row)."""
        rows = self.ctx.reviews.list(profile_id=self.profile.id, current_only=not self.show_all.isChecked())
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        # no review from an invitation yet: say what the invitation is for before the person writes
        invited = any(r.is_current and self.ctx.exchange.is_encrypted_export(r.id) for r in rows)
        self.invite_note.setVisible(not invited)
        if rows:
            self.table.selectRow(0)
            if keep is not None:
                self.select_review(keep)
        self._update_buttons()

    def select_review(self, review_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            summary = self.proxy.index(row, 0).data(SUMMARY_ROLE)
            if summary is not None and summary.id == review_id:
                self.table.selectRow(row)
                return True
        return False

    def selected(self):
        """The ReviewSummary of the selected row, or None."""
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(SUMMARY_ROLE) if index.isValid() else None

    def _update_buttons(self, *_: object) -> None:
        summary = self.selected()
        self.open_button.setEnabled(summary is not None)
        self.pdf_button.setEnabled(summary is not None)
        self.send_button.setEnabled(can_send(summary))

    def _activated(self, index) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is not None:
            self.open_review.emit(summary.id)

    def _open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index.siblingAtColumn(0))

    def new_review(self) -> None:
        existing = {r.period: r.id for r in self.ctx.reviews.list(profile_id=self.profile.id)}
        self.dialog = NewReviewDialog(self.profile, str(date.today().year), existing, self)
        self.dialog.accepted.connect(self._create)
        self.dialog.open()

    def _create(self) -> None:
        period, template_id = self.dialog.period(), self.dialog.template_id()
        self.ops.write(self.ctx.reviews.create, self.profile.id, period, template_id).changes(REVIEWS).success(
            lambda d: self.open_review.emit(d.summary.id)).run()

    # -- exchange and PDF (selfreview/ui/member_actions.py) -------------------------------------------
    def open_invitation(self, path: str | None = None) -> None:
        """``path``: a double-clicked invitation (ui/file_requests.py); None: the person picks one."""
        self.actions.open_invitation(self.profile, path)

    def send_selected(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.actions.send(summary.id)

    def export_selected_pdf(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.actions.export_pdf(summary.id)

    def export_selected_word(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.actions.export_word(summary.id)

