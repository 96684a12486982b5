"""An import's memory is flat in the number of files (issue 15, "A province's scale"): its receipts go
to the caller as they come (none kept), and the rosters and current reviews of the cells it has
passed are let go. Before, an import kept every receipt (about 0.6 KB a file) and its view of every
member it met (about 0.7 KB): 5.3 KB a file at the peak in this test, and 90 to 370 receipts and
current reviews alive as 160 files went by (measured on the code before; now 0.95 KB and 30).

Measured without a clock: Python's own allocations (``tracemalloc``) and the objects alive."""

from __future__ import annotations

import gc
import shutil
import tracemalloc
from pathlib import Path

import pytest

from selfreview.demo.generate import run_demo
from selfreview.services.importing.importer import Importer
from selfreview.services.importing.receipts import IMPORTED, Receipt
from selfreview.services.importing.rounds import Current

MEMBERS = 10  # a cell's files: one run of a cell in the folder, as the demo (and a province) names them
BATCH = 10  # files per batch and turn: many turns from few files


@pytest.fixture
def inbox(ctx, tmp_path):
    """21 cells of 10 members, each cell's files in a folder of its own: 1 to warm up, 4 and 16."""
    files = tmp_path / "all"
    run_demo(ctx, MEMBERS, files, cells=21)
    folders = {"warm": range(1, 2), "small": range(2, 6), "large": range(6, 22)}
    for name, cells in folders.items():
        (tmp_path / name).mkdir()
        for cell in cells:
            for f in files.glob(f"c{cell:02d}-*.selfreview"):
                shutil.move(f, tmp_path / name / f.name)
    return ctx, tmp_path


def _peak(ctx, folder: Path) -> tuple[int, int]:
    """(files, the import's peak of Python memory above where it started, in bytes)."""
    counted = {"n": 0}

    def count(receipt: Receipt) -> None:
        assert receipt.outcome == IMPORTED, receipt.reason
        counted["n"] += 1

    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        Importer(ctx, workers=0, batch_files=BATCH).stream([folder], count)
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    return counted["n"], peak


def test_the_peak_of_four_times_the_files_is_not_four_times_the_memory(inbox):
    ctx, tmp = inbox
    _peak(ctx, tmp / "warm")  # the modules' and the engine's caches, made once per process
    small, small_peak = _peak(ctx, tmp / "small")
    large, large_peak = _peak(ctx, tmp / "large")
    assert (small, large) == (4 * MEMBERS, 16 * MEMBERS)
    per_file = (large_peak - small_peak) / (large - small)
    # measured: about 0.9 KB a file, of which the names compared (a cache bounded at 8,192 names,
    # services/roster.py) about 0.3 KB and the list of the files' paths about 0.1 KB; before, 5.3 KB
    assert per_file < 2000, f"{per_file:.0f} bytes more at the peak for each file more"


def test_no_receipt_and_no_passed_cell_is_held_as_the_files_go_by(inbox):
    """Counted at every receipt: the receipts and the current reviews alive stay within a batch
    and the cells of a turn or two, whether 40 or 160 files have gone by."""
    ctx, tmp = inbox
    for name in ("warm", "small"):  # the same database, more cells: as a province's import goes on
        Importer(ctx, workers=0, batch_files=BATCH).stream([tmp / name], lambda r: None)
    alive: list[int] = []
    # what the process held before this import (another test's receipts, when the suite shares a
    # worker process), kept alive so that no id is reused, and left out of the counts
    gc.collect()
    held_before = [o for o in gc.get_objects() if isinstance(o, (Receipt, Current))]
    before = {id(o) for o in held_before}

    def count(receipt: Receipt) -> None:
        if len(alive) % 20 == 19:
            gc.collect()
            alive.append(sum(1 for o in gc.get_objects()
                             if isinstance(o, (Receipt, Current)) and id(o) not in before))
        else:
            alive.append(-1)

    Importer(ctx, workers=0, batch_files=BATCH).stream([tmp / "large"], count)
    counts = [n for n in alive if n >= 0]
    assert len(alive) == 16 * MEMBERS and len(counts) == 8
    assert max(counts) <= 4 * BATCH + 3 * MEMBERS, counts  # a batch's receipts; two or three cells' reviews
