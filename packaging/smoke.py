#!/usr/bin/env python3
"""Smoke run of a built app folder, outside any virtual environment (standard library only).

    python3 packaging/smoke.py dist/selfreview/selfreview          # Linux
    python packaging\\smoke.py dist\\selfreview\\selfreview.exe      # Windows (the CI workflow)

Runs the frozen executable with a clean environment (no venv, no PYTHONPATH, a fresh HOME and data
folder) through what a member and a secretary do first: ``--version``, ``forms list``, ``demo``,
``import`` (enough files for the import's worker processes: they are this executable again),
``report cell`` (PDF and Word), and the desktop app started offscreen, shown, and closed (``SELFREVIEW_EXIT_AFTER_START``).
Prints one line per step with its time; exits 1 at the first step that fails, saying why.
tests/bundle/test_bundle.py runs it on the bundle built here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMS = ("hd43-2025-01", "hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c", "responsibility-selfcheck-2025")
MEMBERS = 1000  # services/importing/workers.py PARALLEL_MIN_FILES: the import checks files in worker processes


class SmokeFailed(Exception):
    pass


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a person's session: no Python of ours anywhere, a fresh home."""
    keep = ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP", "COMSPEC", "PATHEXT", "LANG", "LC_ALL")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PATH"] = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                                  if p and "venv" not in p.lower() and "python" not in p.lower()) or os.defpath
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
               LOCALAPPDATA=str(home / "AppData" / "Local"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(home / "run"), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


def run(exe: Path, args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> tuple[str, float]:
    start = time.perf_counter()
    done = subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True, timeout=timeout,
                          encoding="utf-8", errors="replace")
    took = time.perf_counter() - start
    print(f"  {' '.join(args)[:60]:<60} {took:6.2f} s  exit {done.returncode}", flush=True)
    if done.returncode != 0:
        raise SmokeFailed(f"{' '.join(args)} exited {done.returncode}\n--- stdout\n{done.stdout[-3000:]}\n"
                          f"--- stderr\n{done.stderr[-3000:]}")
    for bad in ("Traceback", "usage: selfreview"):  # a worker that ran the command line again prints usage
        if bad in done.stderr:
            raise SmokeFailed(f"{' '.join(args)} printed {bad!r} on stderr:\n{done.stderr[-3000:]}")
    return done.stdout, took


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailed(what)


def smoke(exe: Path, work: Path, version: str | None = None, members: int = MEMBERS) -> dict[str, float]:
    """Every step in ``work`` (a fresh folder); the times of the steps by name."""
    exe = exe.resolve()
    expect(exe.is_file(), f"no executable at {exe}")
    env = clean_env(work / "home")
    data = work / "dữ liệu"  # a Vietnamese folder name, as a member's Windows user folder may have
    times: dict[str, float] = {}

    out, times["version"] = run(exe, ["--version"], work, env)
    expect(out.startswith("selfreview "), f"--version printed {out!r}")
    if version:
        expect(out.split()[1] == version, f"--version printed {out!r}, expected {version}")

    out, times["forms list"] = run(exe, ["forms", "list"], work, env)
    missing = [f for f in FORMS if f not in out]
    expect(not missing and "BẢN KIỂM ĐIỂM" in out, f"forms list lacks {missing}:\n{out}")

    out, times["demo"] = run(exe, ["--data-dir", str(data), "demo", "--members", str(members), "--out", "tệp"],
                             work, env)
    files = sorted((work / "tệp").glob("*.selfreview"))
    expect(len(files) == members, f"demo wrote {len(files)} files, not {members}:\n{out}")

    out, times["import"] = run(exe, ["--data-dir", str(data), "import", "tệp"], work, env)
    # the command line speaks Vietnamese by default: "<n> đã nhập, 0 đã cập nhật, …"
    expect(f"{members} đã nhập" in out, f"import did not import {members} files:\n{out[-2000:]}")

    rounds = json.loads(run(exe, ["--data-dir", str(data), "list", "rounds", "--json"], work, env)[0])
    expect(bool(rounds), "no round after the demo")
    cell, period = str(rounds[0]["cell_id"]), str(rounds[0]["period"])
    out, times["report cell"] = run(exe, ["--data-dir", str(data), "report", "cell", "--cell", cell, "--period",
                                          period, "--out", "cell.pdf"], work, env)
    pdf = work / "cell.pdf"
    expect(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000,
           f"report cell wrote no sound PDF at {pdf}")

    # the same as a Word document (python-docx's template must be inside the bundle)
    out, times["report cell (Word)"] = run(exe, ["--data-dir", str(data), "report", "cell", "--cell", cell,
                                                 "--period", period, "--out", "cell.docx"], work, env)
    docx = work / "cell.docx"
    expect(docx.is_file() and docx.read_bytes()[:2] == b"PK" and docx.stat().st_size > 5_000,
           f"report cell wrote no Word document at {docx}")

    gui_env = clean_env(work / "home", SELFREVIEW_EXIT_AFTER_START="1")
    out, times["desktop app, demo data"] = run(exe, ["--data-dir", str(data)], work, gui_env, timeout=120)
    expect("selfreview: started, page" in out, f"the desktop app did not show its first page:\n{out}")
    # closed cleanly: the data folder's lock released (its holder's pid file goes with it)
    expect(not (data / "selfreview.lock.pid").exists(), "the desktop app left its lock behind")
    out, times["desktop app, first start"] = run(exe, ["--data-dir", str(work / "mới")], work, gui_env,
                                                 timeout=120)
    expect("selfreview: started, page FirstRunPage" in out, f"a first start did not show the first-run page:\n{out}")
    return times


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="selfreview-smoke-") as tmp:
        try:
            times = smoke(Path(argv[0]), Path(tmp))
        except SmokeFailed as e:
            print(f"SMOKE FAILED: {e}", file=sys.stderr)
            return 1
    print("smoke run passed: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
