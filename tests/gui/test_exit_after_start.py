"""``SELFREVIEW_EXIT_AFTER_START``: the desktop app shows its first page, says which, closes its window
and exits 0, leaving the data folder unlocked. The bundle's smoke run (packaging/smoke.py) starts the
frozen app this way; here the same from the venv, on a fresh folder and on one with a profile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import make_profile

from selfreview.services.context import AppContext
from selfreview.services.instance import acquire_instance_lock

ROOT = Path(__file__).resolve().parents[2]


def start(data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"), "SELFREVIEW_EXIT_AFTER_START": "1"}
    return subprocess.run([sys.executable, "-m", "selfreview", "--data-dir", str(data_dir)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_the_app_shows_its_first_page_then_closes_cleanly(tmp_path):
    fresh = start(tmp_path / "fresh", tmp_path)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.strip() == "selfreview: started, page FirstRunPage"
    assert "Traceback" not in fresh.stderr

    with AppContext.open(tmp_path / "member") as ctx:
        make_profile(ctx)
    member = start(tmp_path / "member", tmp_path)
    assert member.returncode == 0, member.stderr
    assert member.stdout.strip() == "selfreview: started, page HomePage"
    assert not (tmp_path / "member" / "selfreview.lock.pid").exists()
    acquire_instance_lock(tmp_path / "member").release()  # nobody holds the folder any more
