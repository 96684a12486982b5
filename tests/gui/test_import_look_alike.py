"""Issue 14, through the widgets: a file whose member looks like one on the roster (same name, another
date of birth) is not added as a new member silently; the secretary sees both names and chooses."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from secretary_support import PickingDialogs, demo_round, drop_and_answer, secretary_profile

from selfreview.exchange.keys import identity_from_bytes
from selfreview.exchange.keystore import open_identity
from selfreview.exchange.response import read_response, write_response


@pytest.fixture
def dialogs():
    return PickingDialogs()


def _look_alike_of(ctx, path, out):
    """A review by another person with the same name as ``path``'s member, born on another day."""
    sec = ctx.profiles.secretary()
    me = open_identity(ctx.keys_dir, sec.id, None)
    doc = read_response(path.read_bytes(), me, me.public.enc_public)
    other = identity_from_bytes(b"\x61" * 32, b"\x62" * 32)
    member = dataclasses.replace(doc.member, sign_public=other.public.sign_public, enc_public=other.public.enc_public,
                                 date_of_birth=date(1999, 9, 9))
    out.write_bytes(write_response(other, dataclasses.replace(doc, member=member), datetime(2025, 12, 2, 8, 0)))
    return doc.member.full_name


@pytest.mark.parametrize("take", [False, True])
def test_a_look_alike_member_waits_for_the_secretarys_choice(qtbot, make_window, ctx, dialogs, tmp_path, take):
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=2)
    ctx.exchange.import_paths([files[0]])
    stray = tmp_path / "other.selfreview"
    name = _look_alike_of(ctx, files[0], stray)
    born_1999 = lambda: [m for m in ctx.cells.members(rnd.cell_id) if m.date_of_birth == date(1999, 9, 9)]  # noqa: E731
    asked = drop_and_answer(qtbot, make_window, dialogs, stray, take)
    assert "other.selfreview" in asked[2] and asked[2].count(name) >= 2  # the file's name and the roster's
    if take:
        qtbot.waitUntil(lambda: len(born_1999()) == 1, timeout=10000)
        assert born_1999()[0].full_name == name
    else:
        qtbot.wait(200)
        assert born_1999() == []
