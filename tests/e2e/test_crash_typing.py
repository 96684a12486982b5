"""The typing promise, short: the real editor typed into at 8 characters a second and SIGKILLed
mid-word loses at most a second of typing; and the negative control (autosave with no maximum wait,
as before) must be caught losing more.

The long run (200 kills) is in docs/reliability.md:
    python tools/crash_harness.py --mode typing --kills 200 --out docs/reliability/typing.json
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "crash_harness.py"


def harness(tmp_path, *args):
    out = tmp_path / "summary.json"
    proc = subprocess.run([sys.executable, str(HARNESS), "--mode", "typing", "--out", str(out),
                           "--work-dir", str(tmp_path / "work"), *args],
                          capture_output=True, text=True, timeout=400)
    assert out.exists(), proc.stderr[-2000:]
    return proc.returncode, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.timeout(600)
def test_a_kill_while_typing_loses_at_most_a_second(tmp_path):
    code, s = harness(tmp_path, "--kills", "3", "--seed", "3", "--min-typing", "1.5", "--max-typing", "3")
    assert s["failures"] == [] and code == 0, s
    assert s["kills"] == 3 and s["torn_values"] == 0 and s["unexpected_child_exits"] == 0
    assert s["keystrokes"] >= 3 * 8  # it really typed (at least 1.5 s at 8 a second, each run)
    assert s["keystrokes_stored"] > 0
    assert s["worst_loss_seconds"] <= 1.0


@pytest.mark.timeout(600)
def test_the_harness_sees_the_loss_of_a_debounce_without_deadline(tmp_path):
    code, s = harness(tmp_path, "--kills", "2", "--seed", "3", "--control", "no-deadline",
                      "--min-typing", "2", "--max-typing", "2.5")
    assert code == 1 and not s["ok"]
    assert s["worst_loss_seconds"] > 1.0  # steady typing was never saved before the kill
    assert s["torn_values"] == 0
