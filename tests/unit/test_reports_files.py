"""Writing report files: all at once or not at all, with progress and cancel for the GUI."""

from __future__ import annotations

import pytest

from reports_fixtures import make_cell
from selfreview.cancel import Cancelled
from selfreview.reports import atomic_path
from selfreview.reports import cell_summary


@pytest.fixture
def cell(ctx, tmp_path):
    return make_cell(ctx, tmp_path)


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part") or p.name.startswith("."))


class CancelAfter:
    """should_cancel() that says yes from the n-th call on."""

    def __init__(self, n: int) -> None:
        self.n, self.calls = n, 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls >= self.n


@pytest.mark.parametrize("after", [1, 3, 8, 40])
def test_cancelled_run_leaves_no_file(ctx, cell, tmp_path, after):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "chi-bo.pdf"
    stop = CancelAfter(after)
    with pytest.raises(Cancelled):
        ctx.reports.write_cell(cell.cell_id, "2025", target, with_reviews=True, should_cancel=stop)
    assert stop.calls == after  # it stopped at the first "yes"
    assert not target.exists()
    assert leftovers(out_dir) == [] and list(out_dir.iterdir()) == []


def test_failed_run_keeps_the_old_file_and_leaves_no_temp(ctx, cell, tmp_path, monkeypatch):
    target = tmp_path / "chi-bo.pdf"
    target.write_bytes(b"the previous summary")

    def broken(*args, **kwargs):
        raise RuntimeError("chart failed")

    monkeypatch.setattr(cell_summary, "grouped_bars", broken)
    with pytest.raises(RuntimeError, match="chart failed"):
        ctx.reports.write_cell(cell.cell_id, "2025", target)
    assert target.read_bytes() == b"the previous summary"
    assert leftovers(tmp_path) == []


def test_cancel_midway_through_layout_of_a_review(ctx, cell, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(Cancelled):
        ctx.reports.write_review(cell.reviews["Võ Thị Thu Hà"], out_dir / "review.pdf", should_cancel=CancelAfter(5))
    assert list(out_dir.iterdir()) == []


def test_progress_rises_to_the_end(ctx, cell, tmp_path):
    seen: list[tuple[int, int]] = []
    target = ctx.reports.write_cell(cell.cell_id, "2025", tmp_path / "c.pdf", with_reviews=True,
                                    progress=lambda done, total: seen.append((done, total)))
    assert target.exists() and target.stat().st_size > 10_000
    dones = [d for d, _ in seen]
    assert len(seen) > 10 and dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1] and all(0 <= d <= t for d, t in seen)
    seen.clear()
    ctx.reports.write_rollup("2025", tmp_path / "r.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_atomic_path_replaces_only_on_success(tmp_path):
    target = tmp_path / "x.pdf"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".x.pdf.") and tmp.name.endswith(".part")
        tmp.write_bytes(b"new")
        assert not target.exists()
    assert target.read_bytes() == b"new"
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise KeyboardInterrupt
    assert target.read_bytes() == b"new" and leftovers(tmp_path) == []
    with pytest.raises(FileNotFoundError):
        with atomic_path(tmp_path / "missing" / "x.pdf"):
            pass


def test_finished_file_has_ordinary_permissions(tmp_path):
    import os
    import stat

    if os.name != "posix":
        return
    new = tmp_path / "new.pdf"
    with atomic_path(new) as tmp:
        tmp.write_bytes(b"x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~_umask_now()
    os.chmod(new, 0o640)
    with atomic_path(new) as tmp:
        tmp.write_bytes(b"y")
    assert stat.S_IMODE(new.stat().st_mode) == 0o640


def _umask_now() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_reportlab_draws_with_its_c_accelerator():
    """pyproject.toml asks for reportlab[accel]: without rl_accel every number and string of a PDF
    is formatted in Python (the cell summary with every review took 18% longer: 1.12 s against 0.95 s; docs/benchmarks.md)."""
    from reportlab.lib import rl_accel

    assert not rl_accel._py_funcs, f"pure-Python fallbacks in use: {sorted(rl_accel._py_funcs)}"
