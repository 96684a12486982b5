"""Issue 14, through the widgets: a file made without an invitation that names another cell is not
put into the round on the screen silently; the secretary sees where it says it belongs and chooses."""

from __future__ import annotations

from datetime import date, datetime

from selfreview.exchange.keys import identity_from_bytes
from selfreview.exchange.response import MemberIdentity, ResponseDoc, TemplateRef, write_response
from selfreview.forms import registry

import pytest
from helpers import complete_answers
from secretary_support import PickingDialogs, demo_round, drop_and_answer, secretary_profile


@pytest.fixture
def dialogs():
    return PickingDialogs()


def _file_from_another_cell(path, period: str) -> None:
    key = identity_from_bytes(b"\x51" * 32, b"\x52" * 32)
    info = registry.find("hd43-2025-2b")
    doc = ResponseDoc(
        member=MemberIdentity("Trần Văn Đức", key.public.sign_public, key.public.enc_public, date(1980, 5, 17),
                              cell_name="Chi bộ Văn phòng Sở"),
        round=None, period=period, revision=1, created_at=datetime(2025, 11, 20, 8), finalized_at=datetime(2025, 11, 28, 17),
        template=TemplateRef(info.template.id, info.template.version, info.hash), template_body=None,
        answers=complete_answers(info.template), recipient=None)
    path.write_bytes(write_response(key, doc, datetime(2025, 12, 1, 9, 30)))


@pytest.mark.parametrize("take", [False, True])
def test_a_file_naming_another_cell_waits_for_the_secretarys_choice(qtbot, make_window, ctx, dialogs, tmp_path,
                                                                     take):
    secretary_profile(ctx)
    rnd, _ = demo_round(ctx, tmp_path / "inbox", members=2)
    stray = tmp_path / "so.selfreview"
    _file_from_another_cell(stray, rnd.period)
    asked = drop_and_answer(qtbot, make_window, dialogs, stray, take)
    assert "Chi bộ Văn phòng Sở" in asked[2] and rnd.cell in asked[2]
    names = lambda: [m.full_name for m in ctx.cells.members(rnd.cell_id)]  # noqa: E731
    if take:
        qtbot.waitUntil(lambda: "Trần Văn Đức" in names(), timeout=10000)
    else:
        assert "Trần Văn Đức" not in names()
