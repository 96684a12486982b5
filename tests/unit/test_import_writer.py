"""The import through a shared writer (services/importing/importer.py, "One writer"): each turn on the
writer checks its files against the database as it is then, so a write of the app that lands
between two turns (the secretary adds a member to the roster) is seen by the next files."""

from __future__ import annotations

from sqlalchemy import func, select

from selfreview.db.models import Member
from selfreview.demo.generate import run_demo
from selfreview.exchange.keystore import open_identity
from selfreview.exchange.response import read_response
from selfreview.services.cells import MemberData
from selfreview.services.importing.importer import Importer
from selfreview.services.importing.receipts import IMPORTED


def test_a_roster_entry_added_between_two_turns_is_matched_not_duplicated(ctx, tmp_path):
    result = run_demo(ctx, 10, tmp_path / "files")
    rnd, files = result.rounds[0], result.files
    sec = ctx.profiles.secretary()
    identity = open_identity(ctx.keys_dir, sec.id, None)
    later = read_response(files[7].read_bytes(), identity, identity.public.enc_public).member  # in the 2nd turn
    turns: list[int] = []
    added: list[int] = []

    def writer(fn):
        turns.append(1)
        if len(turns) == 2:  # another write of the app, queued between the import's turns
            added.append(ctx.cells.add_member(rnd.cell_id, MemberData(
                full_name=later.full_name, category=later.category, date_of_birth=later.date_of_birth)).id)
        return fn()

    receipts = Importer(ctx, workers=0, batch_files=5).run([tmp_path / "files"], writer=writer)
    assert len(turns) >= 2 and added
    assert [r.outcome for r in receipts] == [IMPORTED] * 10
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Member).where(Member.cell_id == rnd.cell_id)) == 10
        pinned = s.get(Member, added[0])
        assert pinned.sign_public_key == later.sign_public  # the entry the secretary made got the file


def test_turns_with_nothing_written_between_them_do_not_reload_the_rounds(ctx, tmp_path, monkeypatch):
    """Loading the rounds, rosters and current reviews again costs as much as the whole cell: a turn
    does it only when another write of the app came between this import's turns."""
    from selfreview.services.importing.rounds import Rounds
    run_demo(ctx, 12, tmp_path / "files")
    reloads: list[int] = []
    real_reload = Rounds.reload
    monkeypatch.setattr(Rounds, "reload", lambda self: reloads.append(1) or real_reload(self))
    turns: list[int] = []

    def writer(fn):
        turns.append(1)
        return fn()

    receipts = Importer(ctx, workers=0, batch_files=4).run([tmp_path / "files"], writer=writer)
    assert len(turns) >= 3 and [r.outcome for r in receipts] == [IMPORTED] * 12
    assert reloads == [1]  # the first turn only: nothing else wrote between the turns
