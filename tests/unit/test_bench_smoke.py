"""The benchmark suite (bench/run.py) still runs end to end, at toy sizes.

Only the shape of what it writes is checked, never a time: the numbers belong to
docs/benchmarks.md and a quiet machine, not to the test suite.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("import_ratio", "import_files_per_s", "rollup_ratio", "startup_ratio", "autosave_p95_ms", "peak_rss_mb")


@pytest.mark.slow
def test_the_benchmark_runs_at_toy_size_and_writes_every_key(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--members", "4", "--cells", "5", "--cell-members", "3",
         "--saves", "12", "--repeat", "1", "--startup-runs", "1", "--no-warmup", "--out", str(out),
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    for key in REQUIRED:
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
        assert result["pass"][key] in (True, False)
    details = result["details"]
    assert details["import"]["files"] == 20
    assert details["import"]["tree_peak_pss_mb"] > 0  # the import's processes, all together
    assert details["import"]["in_process_s"] and details["import"]["checks_s"]
    assert details["cell"]["members"] == 3 and details["cell"]["pages"] > 3
    assert details["rollup"]["members"] == 23 and details["rollup"]["cells"] == 6
    assert result["rollup_cells_table_ratio"] > 0 and result["rollup_content_ratio"] > 0  # the other baselines ran
    assert details["startup"]["page_shown"] == ["HomePage"]
    assert details["autosave"]["saves"] == 12
    assert "measure" in done.stdout and "import" in done.stdout  # the table was printed
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]  # the working folder was removed


def test_percentiles_and_interleaving():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from harness import interleaved, median, percentile
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert median([3, 1, 2]) == 2 and median([4, 1, 3, 2]) == 2.5
    assert percentile(list(range(101)), 95) == 95 and percentile([5.0], 95) == 5.0
    assert interleaved(2, "a", "b") == ["a", "b", "b", "a"]


def test_the_memory_of_a_process_tree_counts_the_children():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from harness import _process_tree, _pss_kb
    finally:
        sys.path.remove(str(ROOT / "bench"))
    import os
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        tree = _process_tree(os.getpid())
        assert tree[0] == os.getpid() and child.pid in tree
        assert _pss_kb(child.pid) > 0
    finally:
        child.kill()
        child.wait()
