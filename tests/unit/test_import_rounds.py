"""The rounds an import files reviews into (services/importing/rounds.py): the first file of a period
loads every round of that period at once, each file still lands in its own round, and a file
naming an unknown round, or a round under another cell or period, is refused as before."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event

from exchange_kit import identity, open_secretary, response
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import RoundRef
from selfreview.services.cells import MemberData
from selfreview.services.importing.rounds import Rounds

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def rounds(tmp_path):
    sec = open_secretary(tmp_path / "d")
    ctx = sec.ctx
    other = ctx.cells.create_cell("Chi bộ Địa chính", "Đảng ủy xã Điện Hòa")
    made = {"a2025": sec.round, "b2025": ctx.cells.create_round(other.id, "2025"),
            "a2024": ctx.cells.create_round(sec.round.cell_id, "2024")}
    for cell_id, name in ((sec.round.cell_id, "Lê Văn An"), (other.id, "Trần Thị Bình")):  # a roster each
        ctx.cells.add_member(cell_id, MemberData(full_name=name, category="non_leader"))
    yield sec, made
    ctx.close()


def _doc(sec, rnd, period=None):
    ref = RoundRef(rnd.uid, rnd.cell, "Đảng ủy xã Điện Hòa", period or rnd.period)
    return replace(response(sec, identity(11)), round=ref, period=period or rnd.period)


def _count_queries(ctx):
    seen = []
    # the queries; not the BEGIN that SQLAlchemy emits itself (db/engine.py)
    event.listen(ctx.db.engine, "before_cursor_execute",
                 lambda *a: None if a[2].startswith("BEGIN") else seen.append(a[2]))
    return seen


def test_one_period_is_found_at_once_and_each_file_finds_its_round(rounds):
    sec, made = rounds
    docs = {k: _doc(sec, r) for k, r in made.items()}
    view = Rounds(sec.ctx)
    queries = _count_queries(sec.ctx)
    assert view.round_for(docs["b2025"]).id == made["b2025"].id
    assert len(queries) == 3  # the period's rounds, the round's roster, its current reviews
    assert view.round_for(docs["a2025"]).id == made["a2025"].id
    assert len(queries) == 5  # found with its period; its roster and current reviews when first needed
    assert view.round_for(docs["a2024"]).id == made["a2024"].id
    assert len(queries) == 7  # another period, and the round's current reviews (its cell's roster is known)
    assert view.round_for(docs["a2025"]).roster is view.round_for(docs["a2024"]).roster  # one per cell
    assert len(queries) == 7


def test_a_turn_loads_its_rounds_together_and_lets_go_of_those_it_did_not_use(rounds):
    sec, made = rounds
    docs = {k: _doc(sec, r) for k, r in made.items()}
    view = Rounds(sec.ctx)
    queries = _count_queries(sec.ctx)
    view.prefetch([docs["b2025"], docs["a2025"]])  # the files of one turn
    assert len(queries) == 3  # the period's rounds, both cells' rosters, both rounds' current reviews
    b = view.round_for(docs["b2025"])
    assert view.round_for(docs["a2025"]).loaded and b.loaded and len(queries) == 3
    assert "Trần Thị Bình" in b.roster.names.values()
    view.release()  # the end of a turn that used both: kept
    assert view.round_for(docs["a2025"]).loaded and b.loaded and len(queries) == 3
    view.release()  # the end of a turn that used only a2025: b2025's roster is let go
    assert not b.loaded and b.roster.names == {} and view.loaded_members() == 1  # a2025's cell
    assert view.round_for(docs["b2025"]) is b and "Trần Thị Bình" in b.roster.names.values()
    assert len(queries) == 5  # loaded again when a file needs it: its roster, its current reviews


def test_unknown_and_mismatched_rounds_are_refused(rounds):
    sec, made = rounds
    view = Rounds(sec.ctx)
    gone = replace(_doc(sec, made["a2025"]), round=RoundRef("no-such-uid", "Chi bộ Văn phòng", "", "2025"))
    with pytest.raises(Rejected) as e:
        view.round_for(gone)
    assert e.value.code == "import.unknown_round"
    moved = replace(_doc(sec, made["b2025"]), round=RoundRef(made["b2025"].uid, "Chi bộ Văn phòng", "", "2025"))
    with pytest.raises(Rejected) as e:
        view.round_for(moved)
    assert e.value.code == "import.round_mismatch"
    with pytest.raises(Rejected) as e:  # a round of 2024 named by a file that says 2025
        view.round_for(_doc(sec, made["a2024"], period="2025"))
    assert e.value.code == "import.round_mismatch"
