#!/usr/bin/env python3
"""Size and start-up time of the desktop bundle beside the venv's app (standard library only).

    python3 packaging/measure.py dist/selfreview/selfreview .venv/bin/selfreview [--runs 5]

Prints a Markdown table for docs/benchmarks.md: the folder's size (the bundle; the venv's site-packages
and the Python it runs on), and the median wall time, over ``--runs`` runs after one warm-up run, of
``--version`` (interpreter and argument parsing), ``forms list`` (the services and the bundled forms),
and the desktop app from its start to its first page shown and closed (``SELFREVIEW_EXIT_AFTER_START``,
offscreen, a fresh data folder each run: the first-run page). Each run is a new process, as a
double-click is; "warm" means the files are in the OS cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def folder_size(path: Path, skip: str = "") -> int:
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink() and not (skip and skip in p.parts))


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children; 0 where os.times() has no children's)."""
    before, start = os.times(), time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall, after = time.perf_counter() - start, os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def median_of(cmd_for_run, env: dict[str, str], cwd: Path, runs: int) -> tuple[float, float]:
    timed(cmd_for_run(-1), env, cwd)  # warm-up
    results = [timed(cmd_for_run(i), env, cwd) for i in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle_exe", type=Path)
    parser.add_argument("venv_exe", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    venv_python = args.venv_exe.resolve().parent / ("python.exe" if os.name == "nt" else "python")
    site, stdlib = (Path(p) for p in subprocess.run(
        [str(venv_python), "-c", "import sysconfig; print(sysconfig.get_path('purelib')); print(sysconfig.get_path('stdlib'))"],
        capture_output=True, text=True, check=True).stdout.split())
    sizes = {"bundle": folder_size(args.bundle_exe.resolve().parent),
             "venv": folder_size(site) + folder_size(stdlib, skip="site-packages")}
    rows = []
    with tempfile.TemporaryDirectory(prefix="selfreview-measure-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(work / "home"),
               "XDG_CONFIG_HOME": str(work / "home" / ".config"), "SELFREVIEW_EXIT_AFTER_START": "1"}
        env.pop("SELFREVIEW_DATA_DIR", None)
        data = work / "data"
        for name, exe in (("bundle", args.bundle_exe.resolve()), ("venv", args.venv_exe.resolve())):
            subprocess.run([str(exe), "--data-dir", str(data / name), "forms", "list"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            version = median_of(lambda i: [str(exe), "--version"], env, work, args.runs)
            forms = median_of(lambda i: [str(exe), "--data-dir", str(data / name), "forms", "list"], env, work,
                              args.runs)
            gui = median_of(lambda i: [str(exe), "--data-dir", str(data / f"{name}-gui-{i}")], env, work, args.runs)
            rows.append((name, sizes[name], version, forms, gui))
    print("| | size on disk | `--version` | `forms list` | desktop app to its first page, closed |")
    print("|---|---|---|---|---|")
    for name, size, version, forms, gui in rows:
        label = "bundle (`dist/selfreview/`)" if name == "bundle" else "venv (site-packages + the Python stdlib)"
        cells = " | ".join(f"{w:.2f} s wall, {c:.2f} s CPU" for w, c in (version, forms, gui))
        print(f"| {label} | {size / 1e6:.0f} MB | {cells} |")
    print(f"\nmedian of {args.runs} runs after a warm-up; load average {os.getloadavg()[0]:.1f}"
          if hasattr(os, "getloadavg") else f"\nmedian of {args.runs} runs after a warm-up")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
