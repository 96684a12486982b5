"""Files in: the roll-call table takes dropped files and folders, "Import files…" picks them, and a
key-mismatch row is re-imported once the secretary has compared the new key code by voice.

The import runs as a long job (progress, Cancel between files); its database work goes batch by
batch through the runner's one writer (``runner.write``), so autosaves and other writes get in
between. Its receipts are shown at the end, also the receipts of the files done before a Cancel
(counted as they come; a large import lists its first files and every rejected one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTableView, QWidget

from selfreview.services.importing.receipts import Tally
from selfreview.services.roster import name_key
from selfreview.services.rollcall import KEY_CHANGED_CODE
from selfreview.ui.i18n import arg, pick
from selfreview.ui.operations import HAND_INS, Operations
from selfreview.ui.secretary.common import SecretaryKey
from selfreview.ui.secretary.receipts_dialog import ReceiptPages, ReceiptsDialog
from selfreview.ui.tasks import ProgressDialog


def local_paths(mime: Any) -> list[str]:
    """The local files and folders a drag carries ([] when it carries anything else)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(u.isLocalFile() for u in urls):
        return []
    return [u.toLocalFile() for u in urls]


OTHER_CELL_CODE = "import.cell_differs"
# an import's receipts window lists this many files, then only the rejected ones (its tally counts
# them all; "All import receipts" pages through every one): an import of any size holds a bounded list
SHOWN_RECEIPTS = 2000
LOOK_ALIKE_CODE = "import.look_alike_refused"


class DropTableView(QTableView):
    """A table that accepts local files and folders dropped on it."""

    paths_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.paths_dropped.emit(paths)


class ImportController(QObject):
    """Runs imports for one round and shows their receipts."""

    imported = Signal(list)  # the receipts (also after a Cancel: those of the files done)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent_widget: QWidget, key: Any = None) -> None:
        super().__init__(parent_widget)
        self.ctx, self.runner, self.dialogs, self.widget = ctx, runner, dialogs, parent_widget
        self.ops = Operations(runner, dialogs, parent_widget)
        self.key = key or SecretaryKey()
        self.round_id: int | None = None
        self.receipts_dialog: ReceiptsDialog | None = None
        self.progress_dialog: ProgressDialog | None = None

    def import_paths(self, paths: list[str], accept_new_key_for: tuple[str, ...] = (),
                     accept_other_cell: bool = False, accept_look_alike: tuple[str, ...] = ()) -> Any:
        """Import ``paths`` (files, folders) into the round; returns the job. ``accept_other_cell``:
        the secretary has seen that these files name another cell and chose to take them;
        ``accept_look_alike``: keys whose members look like roster members, chosen as new members."""
        if not paths:
            return None
        shown: list[Any] = []  # the receipts listed: the first SHOWN_RECEIPTS, and every rejected one
        tally = Tally()  # every file counted

        def on_receipt(receipt: Any) -> None:  # on the writer thread, while the job waits for its turn
            tally.add(receipt)
            if len(shown) < SHOWN_RECEIPTS or receipt.rejected:
                shown.append(receipt)

        step = self.tr("Importing file %1 of %2…")
        round_id, passphrase = self.round_id, self.key.passphrase

        def work(progress: Any) -> list[Any]:
            def report(n: int, total: int) -> None:
                progress.report(n, total, arg(step, min(n + 1, total), total))
            self.ctx.exchange.import_each(paths, on_receipt, progress=report, should_cancel=lambda: progress.cancelled,
                                          accept_new_key_for=accept_new_key_for, round_id=round_id,
                                          passphrase=passphrase, writer=self.runner.write,
                                          accept_other_cell=accept_other_cell, accept_look_alike=accept_look_alike)
            return shown

        op = (self.ops.job(work).with_progress(self.tr("Importing reviews"), self.tr("Reading the files…"))
              .changes(HAND_INS).success(lambda _shown: self._finished(shown, tally.counts))
              .failure(lambda e: self._failed(e, paths, accept_new_key_for))
              .on_cancel(lambda: self._cancelled(shown, tally.counts)))
        job = op.run()
        self.progress_dialog = op.dialog
        return job

    def _failed(self, error: Exception, paths: list[str], accept: tuple[str, ...]) -> None:
        if self.key.retry(error, self.widget, lambda: self.import_paths(paths, accept)):
            return
        self.ops.present(error)
        self.imported.emit([])

    def _cancelled(self, done: list[Any], counts: dict[str, int]) -> None:
        if done:  # the files imported before Cancel stay imported
            self.ops.changes.announce(HAND_INS, source=self.widget, result=list(done))
        self._finished(done, counts)

    def _finished(self, receipts: list[Any], counts: dict[str, int] | None = None) -> None:
        """The import's receipts shown (``counts``: its tally, when ``receipts`` are not all of them)."""
        self.show_receipts(receipts, self.tr("Import receipts"), counts=counts)
        self.imported.emit(list(receipts))
        self._decide(receipts)

    def _decide(self, receipts: list[Any]) -> Any:
        """Files refused until the secretary decides (another cell, a look-alike member): ask, each
        kind in its own dialog (Cancel by default), and import the chosen files again, once."""
        other_cell = self._refused(receipts, OTHER_CELL_CODE)
        if other_cell and not self.dialogs.confirm(
                self.widget, self.tr("Files that name another cell"), self._listed(other_cell),
                self.tr("Take them into this round"),
                self.tr("These files were made without an invitation and name another "
                        "cell. Take them only if these members belong to this cell.")):
            other_cell = []
        look_alike = self._refused(receipts, LOOK_ALIKE_CODE)
        if look_alike and not self.dialogs.confirm(
                self.widget, self.tr("Members whose names look like others"), self._listed(look_alike),
                self.tr("Add them as new members"),
                self.tr("The names in these files look like members already on the roster but are not "
                        "them. Call each member first; add them only if they really are other people.")):
            look_alike = []
        chosen = other_cell + [r for r in look_alike if r not in other_cell]
        if not chosen:
            return None
        return self.import_paths([r.file_name for r in chosen], accept_other_cell=bool(other_cell),
                                 accept_look_alike=tuple(r.fingerprint for r in look_alike))

    @staticmethod
    def _refused(receipts: list[Any], code: str) -> list[Any]:
        return [r for r in receipts if r.reason is not None and r.reason.code == code
                and Path(r.file_name).is_file()]

    @staticmethod
    def _listed(refused: list[Any]) -> str:
        return "\n".join(f"{Path(r.file_name).name}: {pick(r.reason)}" for r in refused)

    def show_receipts(self, receipts: list[Any], title: str, pages: ReceiptPages | None = None,
                      counts: dict[str, int] | None = None) -> ReceiptsDialog:
        if self.receipts_dialog is not None:
            try:
                self.receipts_dialog.close()
            except RuntimeError:  # already deleted
                pass
        self.receipts_dialog = ReceiptsDialog(receipts, title, self.widget, pages, counts)
        self.receipts_dialog.destroyed.connect(lambda *_: setattr(self, "receipts_dialog", None))
        self.receipts_dialog.show()
        return self.receipts_dialog

    def show_all_receipts(self) -> ReceiptsDialog:
        exchange = self.ctx.exchange  # every receipt, a page at a time (a province holds 70,000)
        pages = ReceiptPages(exchange.receipt_counts(), exchange.receipts)
        return self.show_receipts(pages.load(0), self.tr("All import receipts"), pages)

    # -- a member's key changed ----------------------------------------------------------------------
    def refused_files(self, row: Any) -> list[str]:
        """The files of ``row``'s member refused for the key ``row.key_mismatch_fingerprint``, still on disk."""
        out: list[str] = []
        for r in self.ctx.exchange.refused_for_key(row.key_mismatch_fingerprint):  # all, not only the newest
            if (r.reason is not None and r.reason.code == KEY_CHANGED_CODE
                    and r.fingerprint == row.key_mismatch_fingerprint and name_key(r.member) == name_key(row.name)
                    and r.file_name not in out and Path(r.file_name).is_file()):
                out.append(r.file_name)
        return out

    def confirm_new_key(self, row: Any) -> Any:
        """Show the new key code to compare by phone; on "they match", import the refused file again
        accepting that key. Returns the job, or None when not confirmed."""
        fp = row.key_mismatch_fingerprint
        if not fp:
            return None
        ok = self.dialogs.confirm(
            self.widget, self.tr("Confirm a new key"),
            arg(self.tr("A file from %1 was signed with a key other than the one used before.\n\n"
                        "Key code in the file:\n%2"), row.name, fp),
            self.tr("The codes match: accept the new key"),
            self.tr("Call the member and ask them to read out the key code shown on their Home page. "
                    "Accept only if every character matches; otherwise someone else may have made the file."))
        if not ok:
            return None
        paths = self.refused_files(row)
        if not paths:
            paths = self.dialogs.open_files(self.widget, self.tr("Choose the file to import again"),
                                            self.tr("Self-review and decision files (*.selfreview *.selfreview-decisions)"))
        return self.import_paths(list(paths), accept_new_key_for=(fp,))
