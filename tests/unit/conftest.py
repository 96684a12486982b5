"""Fixtures of the exchange tests: a secretary's data folder with a round, a member's, and the bad-file
tests' inbox (a secretary who has imported one file)."""

from __future__ import annotations

import pytest

from bad_files_kit import open_inbox
from exchange_kit import open_secretary
from selfreview.services.context import AppContext


@pytest.fixture
def secretary(tmp_path):
    sec = open_secretary(tmp_path / "secretary")
    yield sec
    sec.ctx.close()


@pytest.fixture
def member_ctx(tmp_path):
    with AppContext.open(tmp_path / "member") as ctx:
        yield ctx


@pytest.fixture
def inbox(tmp_path):
    ib = open_inbox(tmp_path)
    yield ib
    ib.sec.ctx.close()
