"""The member's exchange actions, shared by Home, the form and the menus: open an invitation from
the secretary, send a finalized review to the cell, export a review as PDF.

Each runs its slow part (reading and checking a file, signing and encrypting, rendering a PDF) as a
job off the GUI thread with a progress dialog; the results are handled once the dialog is gone.
Dialogs go through the DialogService; the system viewer through :mod:`selfreview.ui.open_file`.

Home and the form build this on every start, so the exchange service (the importer, cryptography's
envelopes) and the reports (reportlab) are imported by the action that needs them, not here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from selfreview.filenames import portable_name, portable_path
from selfreview.services.errors import ServiceError
from selfreview.ui import open_file
from selfreview.ui.exchange_dialogs import InvitationDialog, SentDialog
from selfreview.ui.i18n import arg, pick
from selfreview.ui.operations import REVIEWS, Operations
from selfreview.ui.tasks import Job, ProgressDialog

PASSPHRASE_CODES = ("keys.need_passphrase", "keys.wrong_passphrase")


def can_send(summary: Any) -> bool:
    """A finalized (or already sent) current review of this computer's own profile."""
    return (summary is not None and summary.status in ("finalized", "sent") and summary.is_current
            and summary.profile_id is not None)


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def with_suffix(path: str, suffix: str) -> Path:
    """The chosen name, with ``suffix`` added when the file dialog did not add it, made portable (a name
    Windows or a USB stick would refuse, such as ``CON`` or ``a:b``, is changed: selfreview/filenames.py)."""
    p = Path(path)
    return portable_path(p if p.name.lower().endswith(suffix) else p.with_name(p.name + suffix))


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


class MemberActions(QObject):
    """What these actions change is announced on the operations layer's ``changes`` (REVIEWS, about
    the review's id: sent, answers imported from Word); the pages showing the review follow it."""

    review_opened = Signal(int)  # an invitation set up (or linked) this review
    pdf_written = Signal(object)  # Path

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent_widget: QWidget,
                 opener: Callable[[Path], bool] | None = None) -> None:
        # no QObject parent: a job that outlives the page still finds this object when it ends
        super().__init__(None)
        self.ctx, self.runner, self.dialogs, self.widget = ctx, runner, dialogs, parent_widget
        self.ops = Operations(runner, dialogs, self._parent)
        self.opener = opener or open_file.open_path
        self.ask_passphrase = ask_passphrase
        self.job: Job | None = None
        self.progress: ProgressDialog | None = None
        self.dialog: InvitationDialog | SentDialog | None = None

    # -- plumbing -------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A job of this page is still running (a second click waits for it)."""
        return self.job is not None and self.job.running

    def _parent(self) -> QWidget | None:
        return self.widget if self.widget is not None and shiboken6.isValid(self.widget) else None

    def _run(self, fn: Callable[..., Any], *args: Any, title: str, label: str, cancellable: bool,
             on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None = None,
             changes: tuple[str, ...] = (), about: Any = None) -> Job:
        """Start ``fn(progress, *args)`` as a job of the operations layer (its end is handled once its
        progress dialog closed); ``self.job`` is it until it ended."""
        op = (self.ops.job(fn, *args).with_progress(title, label, cancellable).changes(*changes, about=about)
              .success(on_done))
        if on_error is not None:
            op.failure(on_error)
        job = op.run()
        if job.running:
            self.job, self.progress = job, op.dialog
            job.ended.connect(lambda: self._ended(job))
        return job

    def _ended(self, job: Job) -> None:
        if self.job is job:
            self.job = self.progress = None

    # -- an invitation from the secretary -------------------------------------------------------------
    def open_invitation(self, profile: Any, path: str | None = None) -> None:
        """Pick an invitation file (or take ``path``: a double-clicked one), show what it says, and on
        confirmation set up the review from the invitation shown (the file is read once)."""
        if self.busy:
            return
        from selfreview.services.exchange import INVITE_SUFFIX
        if path is None:
            path = self.dialogs.open_file(self._parent(), self.tr("Open an invitation from the secretary"),
                                          arg(self.tr("Invitations from the cell (*%1);;All files (*)"), INVITE_SUFFIX),
                                          str(documents_dir()))
        if not path:
            return
        self._run(lambda _p, p: self.ctx.exchange.read_invitation(p), path,
                  title=self.tr("Open an invitation"), label=self.tr("Checking the invitation…"), cancellable=True,
                  on_done=lambda info: self._preview(path, info, profile))

    def _preview(self, path: str, info: Any, profile: Any) -> None:
        """Show what the invitation at ``path`` says; on OK accept ``info``, the invitation shown."""
        existing = next((r for r in self.ctx.reviews.list(profile_id=profile.id) if r.period == info.period), None)
        self.dialog = InvitationDialog(info, profile.category, existing, self._parent())
        self.dialog.accepted.connect(lambda: self._accept_invitation(info, profile.id))
        self.dialog.open()

    def _accept_invitation(self, info: Any, profile_id: int, accept_other: str | None = None) -> None:
        # the checked invitation itself, not its path: the file may have changed since it was shown
        (self.ops.write(self.ctx.exchange.open_invitation, info, profile_id, accept_other).changes(REVIEWS)
         .success(lambda d: self.review_opened.emit(d.summary.id))
         .failure(lambda e: self._other_secretary(e, info, profile_id)).run())

    def _other_secretary(self, error: Exception, info: Any, profile_id: int) -> None:
        """Another key for a period the review already answers: both fingerprints shown, and only an
        explicit choice sends the review to the new key (the default button keeps it)."""
        new = getattr(error, "new", None)
        if new is None or getattr(error, "old", None) is None:
            self.ops.present(error)
            return
        if self.dialogs.confirm(self._parent(), self.tr("A different secretary key"), pick(error.message),
                                ok_text=self.tr("Send to the new key")):
            self._accept_invitation(info, profile_id, new)

    # -- send to the cell -----------------------------------------------------------------------------
    def send(self, review_id: int) -> None:
        if self.busy:
            return
        summary = self.ctx.reviews.open(review_id).summary
        if not can_send(summary):
            self.dialogs.info(self._parent(), self.tr("Send to the cell"),
                              self.tr("Only a finalized review can be sent. Finalize it first."))
            return
        from selfreview.messages import msg
        from selfreview.services.exchange import RESPONSE_SUFFIX
        # asked before the file name, and answered once: a "no" stops here, a "yes" exports unencrypted
        encrypted = self.ctx.exchange.is_encrypted_export(review_id)
        if not encrypted and not self.dialogs.confirm(
                self._parent(), self.tr("Send without encryption?"), pick(msg("export.unencrypted")),
                self.tr("Save unencrypted"),
                self.tr("A review opened from the secretary's invitation is encrypted for them. "
                        "Ask the secretary for the invitation file if you can.")):
            return
        suggested = documents_dir() / self.ctx.exchange.suggested_file_name(review_id)
        chosen = self.dialogs.save_file(self._parent(), self.tr("Send to the cell: save the file"), str(suggested),
                                        arg(self.tr("Review files (*%1)"), RESPONSE_SUFFIX))
        if not chosen:
            return
        out = with_suffix(chosen, RESPONSE_SUFFIX)
        if out != Path(chosen) and out.exists() and not self._overwrite(out):
            return
        self._export(review_id, out, not encrypted, None)

    def _overwrite(self, path: Path) -> bool:
        return self.dialogs.confirm(self._parent(), self.tr("Replace the file?"),
                                    arg(self.tr("%1 already exists. Replace it?"), path.name), self.tr("Replace"))

    def _export(self, review_id: int, out: Path, allow_unencrypted: bool, passphrase: str | None) -> None:
        def work(_progress: Any) -> Any:
            # on the one database writer: after the answers queued before it, and it records the export
            return self.runner.write(self.ctx.exchange.export_review, review_id, out,
                                     allow_unencrypted=allow_unencrypted, passphrase=passphrase)
        self._run(work, title=self.tr("Send to the cell"), label=self.tr("Signing and saving the file…"),
                  cancellable=False, on_done=lambda r: self._exported(review_id, r),
                  on_error=lambda e: self._export_failed(e, review_id, out, allow_unencrypted, passphrase),
                  changes=(REVIEWS,), about=review_id)  # now "sent"

    def _export_failed(self, error: Exception, review_id: int, out: Path, allow_unencrypted: bool,
                       passphrase: str | None) -> None:
        from selfreview.services.exchange import UnencryptedExport
        if isinstance(error, UnencryptedExport) and not allow_unencrypted:
            if self.dialogs.confirm(
                    self._parent(), self.tr("Send without encryption?"), pick(error.message),
                    self.tr("Save unencrypted"),
                    self.tr("A review opened from the secretary's invitation is encrypted for them. "
                            "Ask the secretary for the invitation file if you can.")):
                self._export(review_id, out, True, passphrase)
            return
        code = getattr(getattr(error, "message", None), "code", "")
        if isinstance(error, ServiceError) and code in PASSPHRASE_CODES:
            entered = self.ask_passphrase(self._parent(), self.tr("Passphrase of your key"), pick(error.message))
            if entered:
                self._export(review_id, out, allow_unencrypted, entered)
            return
        self.ops.present(error)

    def _exported(self, review_id: int, result: Any) -> None:
        profile_id = self.ctx.reviews.open(review_id).summary.profile_id
        own = self.ctx.profiles.get(profile_id).fingerprint if profile_id is not None else None
        self.dialog = SentDialog(result, own, self.opener, self._parent())
        self.dialog.open()

    # -- PDF ------------------------------------------------------------------------------------------
    def _has_selfcheck(self, review_id: int) -> bool:
        """The review's form has the app's optional self-check, and it was filled in."""
        from selfreview.forms.answers import optional_aid
        detail = self.ctx.reviews.open(review_id)
        return any(detail.answers.get(qid) for qid in optional_aid(detail.template))

    def pdf_name(self, review_id: int, suffix: str = ".pdf") -> str:
        from selfreview.services.exchange import slug
        s = self.ctx.reviews.open(review_id).summary
        revision = f"-{s.revision}" if s.revision > 1 else ""
        return portable_name(f"{slug(s.owner)}-{slug(s.period)}{revision}{suffix}")

    def export_pdf(self, review_id: int) -> None:
        """Choose where, render the PDF off the GUI thread (Cancel leaves no file), then show it."""
        self._export_document(review_id, ".pdf")

    def export_word(self, review_id: int) -> None:
        """The same as a Word document (.docx) to edit: the form's layout, headings and tables."""
        self._export_document(review_id, ".docx")

    def _export_document(self, review_id: int, suffix: str) -> None:
        if self.busy:
            return
        word = suffix == ".docx"
        title = self.tr("Export Word") if word else self.tr("Export PDF")
        chosen = self.dialogs.save_file(self._parent(), title, str(documents_dir() / self.pdf_name(review_id, suffix)),
                                        self.tr("Word documents (*.docx)") if word else self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        out = with_suffix(chosen, suffix)
        if out != Path(chosen) and out.exists() and not self._overwrite(out):
            return
        self.runner.drain()  # the file shows what was typed up to now
        attach = self._has_selfcheck(review_id) and self.dialogs.confirm(
            self._parent(), self.tr("Attach the self-check?"),
            self.tr("Your responsibility self-check is the app's own aid, not part of the official form, "
                    "so the printed form leaves it out. Attach it at the end?"),
            self.tr("Attach it"), self.tr("Choose this only if you want to hand it in with your review."))

        def work(progress: Any) -> Path:
            return self.ctx.reports.write_review(
                review_id, out, progress=lambda done, total: progress.report(done, total),
                should_cancel=lambda: progress.cancelled, attach_selfcheck=attach)
        label = self.tr("Writing the Word document…") if word else self.tr("Writing the PDF…")
        self._run(work, title=title, label=label, cancellable=True, on_done=self._pdf_done)

    def _pdf_done(self, path: Path) -> None:
        self.pdf_written.emit(path)
        if self.opener(path):
            return
        if Path(path).suffix.lower() == ".docx":
            self.dialogs.info(self._parent(), self.tr("Word document saved"),
                              arg(self.tr("The Word document was saved as %1. No program to show it could be "
                                          "started; open it from its folder."), path))
        else:
            self.dialogs.info(self._parent(), self.tr("PDF saved"),
                              arg(self.tr("The PDF was saved as %1. No program to show it could be started; "
                                          "open it from its folder."), path))


    # -- import from Word ------------------------------------------------------------------------------
    def import_word(self, review_id: int) -> None:
        """Pick a .docx, read and place it off the GUI thread, show the preview; write on accept."""
        if self.busy:
            return
        chosen = self.dialogs.open_file(self._parent(), self.tr("Import from a Word file"),
                                        self.tr("Word documents (*.docx)"), str(documents_dir()))
        if not chosen:
            return
        from selfreview.services.docx_import import WordImport
        importer = WordImport(self.ctx)
        self.runner.drain()  # what was typed is saved before the preview compares with it
        self._run(lambda _progress: importer.preview(review_id, chosen), title=self.tr("Import from a Word file"),
                  label=self.tr("Reading the Word file…"), cancellable=False,
                  on_done=lambda preview: self._show_import(importer, preview))

    def _show_import(self, importer: Any, preview: Any) -> None:
        from selfreview.ui.word_import_dialog import WordImportDialog
        if preview.plan.empty:
            self.dialogs.info(self._parent(), self.tr("Import from a Word file"),
                              arg(self.tr("No heading in %1 matches a part of the form; nothing was written."),
                                  preview.file))
            return
        self.dialog = WordImportDialog(preview, self._parent())
        self.dialog.accepted_plan.connect(
            lambda p: self.ops.write(importer.apply, p).changes(REVIEWS, about=p.review_id).run())
        self.dialog.open()


# -- the main window's menu entries ---------------------------------------------------------------------
def _current(window: Any) -> Any:
    """The review the menu acts on: the open one, or the one selected on Home."""
    if window.editor is not None:
        return window.editor.detail.summary
    return window.home.selected() if window.home is not None else None


def menu_state(window: Any) -> dict[str, bool]:
    """Which of the member's exchange actions the menus enable now."""
    summary = _current(window)
    return {"invite": window.profile is not None, "send": can_send(summary), "pdf": summary is not None,
            "word": summary is not None}


def menu_trigger(window: Any, name: str) -> None:
    """Run one of the member's exchange actions from the menu on the current page."""
    if name == "invite":
        if window.profile is None:
            return
        if window.home is None:
            window.show_home()
        window.home.open_invitation()
    elif window.editor is not None:
        {"send": window.editor.send_to_cell, "word": window.editor.export_word}.get(name, window.editor.export_pdf)()
    elif window.home is not None:
        {"send": window.home.send_selected, "word": window.home.export_selected_word}.get(
            name, window.home.export_selected_pdf)()
