"""The crash harness, short: 10 SIGKILLs of an autosaving process, nothing lost, nothing corrupted;
and its negative control (acknowledging before saving) must be caught as lost saves.

The long run (200 kills, a fresh interpreter per run) is documented in docs/reliability.md:
    python tools/crash_harness.py --kills 200 --mode autosave --out docs/reliability/autosave.json
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "crash_harness.py"


def harness(tmp_path, *args):
    out = tmp_path / "summary.json"
    proc = subprocess.run([sys.executable, str(HARNESS), "--mode", "autosave", "--spawn", "fork",
                           "--max-after-ready", "0.25", "--out", str(out), "--work-dir", str(tmp_path / "work"), *args],
                          capture_output=True, text=True, timeout=300)
    assert out.exists(), proc.stderr[-2000:]
    return proc.returncode, json.loads(out.read_text(encoding="utf-8"))


def test_ten_kills_lose_nothing(tmp_path):
    code, s = harness(tmp_path, "--kills", "10", "--seed", "7")
    assert s["failures"] == [] and code == 0
    assert s["runs"] == 10 and s["kills"] == 10 and s["unexpected_child_exits"] == 0
    assert s["acked_saves"] > 50  # the kills landed while saving, not only at start-up
    assert s["kills_while_saving"] >= 5
    assert s["lost_saves"] == s["torn_values"] == s["corrupted_databases"] == 0
    assert s["integrity_checks"] == 10 and s["final_app_open"] == "ok"


def test_the_harness_sees_a_lost_save(tmp_path):
    """Negative control: a child that acknowledges before it saves must be caught."""
    code, s = harness(tmp_path, "--kills", "3", "--seed", "7", "--control", "ack-early", "--startup-share", "0")
    assert code == 1 and not s["ok"]
    assert s["lost_saves"] >= 1
    assert s["corrupted_databases"] == 0


@pytest.mark.slow
def test_import_and_pdf_killed_leave_nothing_half_done(tmp_path):
    """The two other modes, a few kills each (the long runs: docs/reliability.md)."""
    out = tmp_path / "import.json"
    proc = subprocess.run([sys.executable, str(HARNESS), "--mode", "import", "--kills", "3", "--files", "40",
                           "--out", str(out), "--work-dir", str(tmp_path / "import")],
                          capture_output=True, text=True, timeout=300)
    s = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 0 and s["ok"], s["failures"] or proc.stderr[-2000:]
    assert s["runs"] == 3 and s["integrity_checks"] == 3 and s["final_import_matches_reference"]
    assert s["partial_imports"] == s["inconsistent_receipts"] == s["corrupted_databases"] == 0

    out = tmp_path / "pdf.json"
    proc = subprocess.run([sys.executable, str(HARNESS), "--mode", "pdf", "--kills", "2", "--files", "3",
                           "--out", str(out), "--work-dir", str(tmp_path / "pdf")],
                          capture_output=True, text=True, timeout=300)
    s = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 0 and s["ok"], s["failures"] or proc.stderr[-2000:]
    assert s["targets_checked"] == 2 and s["half_written_targets"] == 0
