"""Issue 14, on the roster screen: a key that came with a member's first file shows as "chưa xác
nhận" (unconfirmed) until the secretary confirms its fingerprint; a confirmed key shows plainly."""

from __future__ import annotations

from secretary_support import demo_round, secretary_profile

from selfreview.ui.secretary.roster_page import RosterModel, RosterPanel


def _keys(panel) -> dict[str, tuple[str, str]]:
    model = panel.table.model()
    out = {}
    for i in range(model.rowCount()):
        name = model.index(i, RosterModel.NAME).data()
        key = model.index(i, RosterModel.KEY)
        out[name] = (key.data(), key.data(0x03) or "")  # display text, tooltip
    return out


def test_a_first_key_shows_unconfirmed_until_confirmed(qtbot, qapp, translators, ctx, runner, dialogs, tmp_path):
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=2)
    receipts = ctx.exchange.import_paths(files)
    assert [r.reason.code for r in receipts] == ["import.key_unconfirmed"] * 2
    held, confirmed = receipts
    ctx.exchange.import_paths([files[1]], accept_new_key_for=[confirmed.fingerprint])  # compared by voice
    panel = RosterPanel(ctx, runner, dialogs)
    qtbot.addWidget(panel)
    panel.set_cell(rnd.cell_id)
    panel.show()
    keys = _keys(panel)
    assert keys[held.member] == (f"{held.fingerprint} (chưa xác nhận)", keys[held.member][1])
    assert "chưa được xác nhận" in keys[held.member][1] and "bằng lời" in keys[held.member][1]
    assert keys[confirmed.member][0] == confirmed.fingerprint
    assert "xác nhận" not in keys[confirmed.member][1]
