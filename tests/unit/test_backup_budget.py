"""Backups of a large database stay within a size budget: the oldest copies go first, the newest
of each kind stays (the province's 259 MB database kept 12 copies: 3.1 GB)."""

from __future__ import annotations

from datetime import datetime, timedelta

from selfreview.db import backup as db_backup


def fake_copy(folder, when: datetime, label: str, size: int):
    path = folder / f"selfreview-{when:%Y%m%d-%H%M%S-%f}-{label}.db"
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: the size is what the rotation reads
    return path


def test_large_copies_keep_within_the_budget_and_the_newest_of_each_kind(tmp_path):
    start = datetime(2026, 1, 1, 8, 0)
    pre = fake_copy(tmp_path, start, "pre-0005", 259_000_000)
    daily = [fake_copy(tmp_path, start + timedelta(days=d), "daily", 259_000_000) for d in range(1, 8)]
    removed = db_backup.rotate(tmp_path, budget=1_000_000_000)
    left = db_backup.list_backups(tmp_path)
    assert sum(b.size for b in left) <= 1_000_000_000
    assert [b.path for b in left] == [daily[-1], daily[-2], pre]  # the pre-migration copy stays
    assert set(removed) == set(daily[:-2])


def test_small_copies_keep_their_seven_days(tmp_path):
    start = datetime(2026, 1, 1, 8, 0)
    daily = [fake_copy(tmp_path, start + timedelta(days=d), "daily", 2_000_000) for d in range(9)]
    db_backup.rotate(tmp_path)
    assert [b.path for b in db_backup.list_backups(tmp_path)] == daily[:1:-1]  # the newest 7


def test_the_newest_copy_stays_even_over_the_budget(tmp_path):
    only = fake_copy(tmp_path, datetime(2026, 1, 1), "daily", 5_000)
    older = fake_copy(tmp_path, datetime(2025, 12, 31), "daily", 5_000)
    assert db_backup.rotate(tmp_path, budget=1_000) == [older]
    assert [b.path for b in db_backup.list_backups(tmp_path)] == [only]
