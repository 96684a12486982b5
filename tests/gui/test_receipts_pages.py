"""The receipts window pages through every stored receipt (it showed only the newest 2,000), with
the tally of all of them; the new-key flow finds the refused files among all receipts (it searched
only the newest 5,000)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from selfreview.messages import msg
from selfreview.services.importing import receipts
from selfreview.services.importing.receipts import Receipt
from selfreview.ui.secretary.drop_import import ImportController
from selfreview.ui.secretary.receipts_dialog import PAGE_SIZE

T0 = datetime(2025, 12, 1, 8, 0)
TOTAL = 2 * PAGE_SIZE + 7


def fill(ctx, refused_file: str, total: int = TOTAL) -> None:
    """``total`` receipts, the oldest a file refused for a new key, then many imported ones."""
    rows = [Receipt(refused_file, "s" * 64, "Trần Văn Đức", "hd43-2025-2b", 2, "rejected",
                    msg("import.key_changed", name="Trần Văn Đức", old="AAAA", new="BBBB-CCCC"), T0, None,
                    "BBBB-CCCC")]
    rows += [Receipt(f"m{i}.selfreview", "s" * 64, f"Người {i}", "hd43-2025-2b", 1, "imported", None,
                     T0 + timedelta(seconds=i)) for i in range(1, total)]
    with ctx.session() as s:
        receipts.store_many(s.connection(), rows)


def test_all_receipts_page_through_every_one(qtbot, ctx, dialogs, tmp_path):
    fill(ctx, str(tmp_path / "duc.selfreview"))
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(ctx, None, dialogs, parent)
    dialog = controller.show_all_receipts()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == PAGE_SIZE
    assert str(TOTAL) in dialog.summary.text()  # the tally of all, not of the page
    assert dialog.position.text().startswith(f"1–{PAGE_SIZE} ")
    assert not dialog.newer.isEnabled() and dialog.older.isEnabled()
    names = []
    while True:
        names += [dialog.model.rows[i].file_name for i in range(dialog.model.rowCount())]
        if not dialog.older.isEnabled():
            break
        qtbot.mouseClick(dialog.older, Qt.MouseButton.LeftButton)
    assert len(names) == len(set(names)) == TOTAL
    assert names[-1].endswith("duc.selfreview")  # the oldest receipt is reachable
    assert dialog.position.text().startswith(f"{2 * PAGE_SIZE + 1}–{TOTAL} ")
    qtbot.mouseClick(dialog.newer, Qt.MouseButton.LeftButton)
    assert dialog.model.rows[0].file_name == f"m{TOTAL - 1 - PAGE_SIZE}.selfreview"


def test_the_new_key_flow_finds_a_refused_file_older_than_any_window(qtbot, ctx, dialogs, tmp_path):
    refused = tmp_path / "duc.selfreview"
    refused.write_bytes(b"the refused file, still on disk")
    fill(ctx, str(refused), 5100)  # more than the newest 5,000 the flow used to search
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(ctx, None, dialogs, parent)

    class Row:
        name = "Trần Văn Đức"
        key_mismatch_fingerprint = "BBBB-CCCC"

    assert controller.refused_files(Row()) == [str(refused)]
