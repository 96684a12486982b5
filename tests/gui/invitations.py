"""A secretary in a data directory of her own (a cell and a round), and opening an invitation from
the member's Home page the way a person does (test_member_exchange.py, test_guidance.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.ui.exchange_dialogs import InvitationDialog


class Secretary:
    def __init__(self, data_dir: Path) -> None:
        self.ctx = AppContext.open(data_dir)
        self.profile = self.ctx.profiles.create(ProfileData(full_name="Phan Thị Thanh Hương",
                                                            party_post="Bí thư chi bộ"))
        self.ctx.profiles.set_secretary(self.profile.id)
        cell = self.ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy Sở Tư pháp")
        self.round = self.ctx.cells.create_round(cell.id, "2025", date(2025, 12, 15))


def choose(dialogs, open_path=None, save_path=None) -> None:
    """What the person picks in the next file dialogs."""
    if open_path is not None:
        dialogs.open_file = lambda *a, **k: str(open_path)
    if save_path is not None:
        dialogs.save_file = lambda *a, **k: str(save_path)


def open_invitation(qtbot, window, dialogs, path) -> InvitationDialog | None:
    choose(dialogs, open_path=path)
    qtbot.mouseClick(window.home.invite_button, Qt.MouseButton.LeftButton)
    dialog = window.home.actions.dialog if window.home is not None else None
    return dialog if isinstance(dialog, InvitationDialog) else None
