"""The desktop app's import counts its receipts as they come and lists a bounded number of them: a
large import's receipts window shows its first files and every rejected one, with the tally of all
its files (every receipt is stored; "All import receipts" pages through them)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from selfreview.ui.secretary import drop_import
from selfreview.ui.secretary.drop_import import ImportController
from selfreview.ui.tasks import TaskRunner
from secretary_support import demo_round


@pytest.fixture
def threaded(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_the_window_lists_the_first_files_and_every_rejected_one_and_counts_all(qtbot, ctx, tmp_path, threaded,
                                                                                dialogs, monkeypatch):
    demo_round(ctx, tmp_path / "files", members=5)
    (tmp_path / "files" / "zz-broken.selfreview").write_bytes(b"not a review")  # sorted last
    monkeypatch.setattr(drop_import, "SHOWN_RECEIPTS", 2)
    widget = QWidget()
    controller = ImportController(ctx, threaded, dialogs, widget)
    done: list[list] = []
    controller.imported.connect(done.append)
    controller.import_paths([str(tmp_path / "files")])
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    dialog = controller.receipts_dialog
    assert [r.outcome for r in dialog.model.rows] == ["imported", "imported", "rejected"]
    assert dialog.model.rows[2].file_name.endswith("zz-broken.selfreview")
    tally = dialog.summary.text()
    assert tally.startswith("6 ") and ": 5" in tally and ": 1" in tally, tally  # all six files counted
    dialog.close()
    widget.deleteLater()
