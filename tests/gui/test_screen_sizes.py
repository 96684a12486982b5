"""The app fits the screens people have: 1366×768 (the most common office laptop) and 1280×720 at
the normal text size, 1920×1080 at the largest. Each screen is played by Qt's offscreen platform in
a child process (``tests/gui/screen_tour.py``): the first window is sized from the screen, then every
page and dialog is opened and no visible button or field may lie outside its window (or what holds
it), overlap another, or make a form column scroll sideways; the save status stays in view."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from selfreview.ui.screen_fit import FRAME, PREFERRED, first_size

ROOT = Path(__file__).resolve().parents[2]
MUST_SEE = {"first window", "home", "new review", "edit profile", "protect the key", "shortcuts",
            "form section a_i", "workspace tab 1", "workspace tab 2", "workspace tab 5", "add a member",
            "receipts", "a member's review, read", "a paper review typed in", "first run: profile",
             "user guide", "sources", "security"}


def test_the_first_size_comes_from_the_screen():
    assert first_size(QSize(1920, 1040)) == PREFERRED  # room enough: the size the app prefers
    small = first_size(QSize(1366, 728))  # 1366×768 less a Windows taskbar
    assert small.width() + FRAME.width() <= 1366 and small.height() + FRAME.height() <= 728
    assert first_size(QSize(1920, 1040), 17 / 12).height() > PREFERRED.height()  # larger text, larger window
    assert first_size(QSize(1920, 1040), 17 / 12).height() + FRAME.height() <= 1040


@pytest.mark.parametrize("width, height, text_size, lang", [
    (1366, 768, "normal", "vi"), (1280, 720, "normal", "vi"), (1280, 720, "normal", "en"),
    (1920, 1080, "xlarge", "vi"),
])
def test_every_page_and_dialog_fits_the_screen(tmp_path, width, height, text_size, lang):
    screen = {"windowFrameMargins": True,
              "screens": [{"name": "office", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
                           "logicalBaseDpi": 96, "dpr": 1}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen))
    out = tmp_path / "tour.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "gui" / "screen_tour.py"), str(out), text_size, lang],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    tour = json.loads(out.read_text(encoding="utf-8"))
    assert tour["screen"] == [0, 0, width, height]  # the child really had that screen
    assert MUST_SEE <= set(tour["views"]), MUST_SEE - set(tour["views"])
    x, y, w, h = tour["window"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height
    assert tour["problems"] == []
