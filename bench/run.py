#!/usr/bin/env python3
"""The benchmark suite: ``python bench/run.py`` (see bench/README.md and docs/benchmarks.md).

Measures the app at the seed's scale (a bloc committee over 65 cells, 4,500+ members) against
baselines run in the same session, interleaved, each subject in a fresh child process; prints a
table and writes ``bench/results.json``.

    python bench/run.py                      # the full suite (about 5 minutes on 2 cores)
    python bench/run.py --quick              # small sizes, for a fast look
    python bench/run.py --only import,rollup --repeat 5
    python bench/run.py --out /tmp/results.json

Everything happens in a temporary directory (data folders, response files, PDFs, settings, a
temporary HOME for the children), removed at the end (``--keep`` keeps it). The installed
``selfreview`` package is what is measured: run it with the interpreter of the environment that
has it (``.venv/bin/python bench/run.py`` after ``python3 dev.py test``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    BenchError, child_env, compile_package, format_table, interleaved, machine_info, median, percentile, run_subject,
)

SECTIONS = ("import", "rollup", "cell", "startup", "autosave")
PERIOD = "2025"
EXTRA_CELL = "Chi bộ Đo hiệu năng"  # the cell of --cell-members people, for the cell summary

# the targets: (metric, comparison, limit)
TARGETS = {
    "import_ratio": ("<=", 2.0),
    "import_files_per_s": (">=", 1000.0),
    "rollup_ratio": ("<=", 1.5),
    "startup_ratio": ("<=", 2.0),
    "autosave_p95_ms": ("<=", 10.0),
    "peak_rss_mb": ("<=", 300.0),
}
REQUIRED_KEYS = tuple(TARGETS)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small sizes for a fast look (200 files, 20-member cell)")
    p.add_argument("--repeat", type=int, default=None, metavar="N",
                   help="repetitions of each measured subject and its baseline (default 3)")
    p.add_argument("--only", default="", metavar="LIST", help=f"comma-separated sections: {','.join(SECTIONS)}")
    p.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.json"), metavar="FILE",
                   help="where to write the results (default bench/results.json)")
    p.add_argument("--members", type=int, default=None, help="files per cell (default 70; --quick 20)")
    p.add_argument("--cells", type=int, default=None, help="cells (default 65; --quick 10)")
    p.add_argument("--cell-members", type=int, default=None,
                   help="members of the cell whose summary is printed with every review (default 60; --quick 20)")
    p.add_argument("--saves", type=int, default=None, help="autosaves timed per repetition (default 500; --quick 100)")
    p.add_argument("--startup-runs", type=int, default=None, help="start-ups of each kind (default 7; --quick 5)")
    p.add_argument("--no-warmup", dest="warmup", action="store_false",
                   help="skip the uncounted first start-up of each kind (for smoke tests)")
    p.add_argument("--province", action="store_true",
                   help="a province's scale instead: 5,000 and 50,000 files on SQLite and PostgreSQL (bench/province.py; long)")
    p.add_argument("--province-sizes", default="5000,50000", metavar="LIST", help="the sizes of --province")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    p.add_argument("--workdir", metavar="DIR", help="make the temporary directory under DIR")
    args = p.parse_args(argv)
    size = {"members": (70, 20), "cells": (65, 10), "cell_members": (60, 20), "saves": (500, 100),
            "startup_runs": (7, 5), "repeat": (3, 3)}
    for name, (full, quick) in size.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        p.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    args.sections = only or list(SECTIONS)
    if args.repeat < 1 or args.startup_runs < 1:
        p.error("--repeat and --startup-runs must be 1 or more")
    return args


class Suite:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.env = child_env(work / "home")
        self.python = sys.executable
        compile_package(self.env, self.python)
        self.log = lambda text: print(text, flush=True)

    def run(self, name: str, params: dict[str, Any], **kw):
        return run_subject(name, params, self.env, python=self.python, **kw)

    # -- set-up ------------------------------------------------------------------------------------
    def prepare(self) -> dict[str, Any]:
        """The secretary's data folder with the rounds, the demo's response files, one more cell of
        ``--cell-members`` people. Not measured."""
        a = self.args
        self.seed = self.work / "seed"
        self.files = self.work / "files"
        self.extra_files = self.work / "files-extra"
        self.log(f"set-up: selfreview demo --members {a.members} --cells {a.cells} (+ a {a.cell_members}-member cell)")
        t0 = time.perf_counter()
        cmd = [self.python, "-m", "selfreview", "--data-dir", str(self.seed), "demo", "--members", str(a.members),
               "--cells", str(a.cells), "--out", str(self.files), "--period", PERIOD]
        done = subprocess.run(cmd, env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"selfreview demo failed:\n{done.stdout}\n{done.stderr}")
        extra = self.run("prepare_extra_cell", {"data_dir": str(self.seed), "out": str(self.extra_files),
                                                "members": a.cell_members, "cell_name": EXTRA_CELL, "seed": 60,
                                                "period": PERIOD}).data
        self.secretary_id = extra["secretary_id"]
        self.n_files = sum(1 for _ in self.files.glob("*.selfreview"))
        self.full: Path | None = None
        self.log(f"set-up: {self.n_files} + {extra['files']} files in {time.perf_counter() - t0:.1f} s")
        return {"files": self.n_files, "extra_cell_files": extra["files"]}

    def fresh_copy(self, name: str) -> Path:
        dest = self.work / name
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(self.seed, dest, symlinks=True)
        return dest

    def full_dir(self) -> Path:
        """A data folder holding every review: the demo's files and the extra cell's, imported."""
        if self.full is None:
            self.full = self.fresh_copy("full")
            self.log("set-up: importing every file into the full data folder")
            for folder in (self.files, self.extra_files):
                self.run("import", {"data_dir": str(self.full), "files": str(folder)})
            info = self.run("inspect", {"data_dir": str(self.full)}).data
            extra_id = info["cells"].get(EXTRA_CELL)
            if info["members_per_cell"].get(str(extra_id)) != self.args.cell_members:
                raise BenchError(f"the extra cell has {info['members_per_cell'].get(str(extra_id))} members, "
                                 f"expected {self.args.cell_members}")
            self.full_info = info
            self.log(f"set-up: {info['reviews']} current reviews, database {info['db_bytes'] / 1e6:.1f} MB")
        return self.full

    # -- 1. import ---------------------------------------------------------------------------------
    def bench_import(self) -> dict[str, Any]:
        """``import``: the import as the app runs it (``ctx.exchange.import_paths``, its default number
        of worker processes); ``import_in_process``: every file checked in the importer's own
        process (information: a one-CPU machine); ``import_checks``: the exchange layer's checks
        alone (information). Memory: the import's whole process tree (PSS), and its own process."""
        a = self.args
        names = ("import", "import_bare", "import_checks", "import_in_process")
        times: dict[str, list[float]] = {k: [] for k in names}
        cpu: dict[str, list[float]] = {k: [] for k in names}
        rss: dict[str, list[float]] = {k: [] for k in names}
        tree: dict[str, list[float]] = {k: [] for k in names}
        proc_wall: list[float] = []
        workers = None
        for name in interleaved(a.repeat, "import_bare", "import", "import_checks", "import_in_process"):
            params = {"files": str(self.files), "secretary_id": self.secretary_id, "data_dir": str(self.seed)}
            if name in ("import", "import_in_process"):
                params["data_dir"] = str(self.fresh_copy("import-target"))
            r = self.run(name, params, tree_memory=True)
            if r.data["files"] != self.n_files:
                raise BenchError(f"{name} saw {r.data['files']} files, expected {self.n_files}")
            times[name].append(r.data["seconds"])
            cpu[name].append(r.data["cpu_seconds"])
            rss[name].append(r.peak_rss_mb)
            if r.peak_tree_pss_mb is not None:
                tree[name].append(r.peak_tree_pss_mb)
            if name == "import":
                proc_wall.append(r.wall_s)
                workers = r.data.get("workers")
            if name in ("import", "import_in_process"):
                shutil.rmtree(params["data_dir"])
            mem = f"peak {r.peak_rss_mb:5.0f} MB" + (f", all processes {r.peak_tree_pss_mb:5.0f} MB"
                                                     if r.peak_tree_pss_mb is not None else "")
            self.log(f"  {name:<17} {r.data['seconds']:7.2f} s  {self.n_files / r.data['seconds']:7.0f} files/s  {mem}")
        imp, bare, checks, local = (median(times[k]) for k in ("import", "import_bare", "import_checks",
                                                                "import_in_process"))
        # the import's memory: its own peak RSS, or the peak of all its processes together when larger
        peak = max(rss["import"] + tree["import"])
        return {"files": self.n_files, "workers": workers, "import_s": times["import"],
                "bare_s": times["import_bare"], "checks_s": times["import_checks"], "import_median_s": imp,
                "bare_median_s": bare, "checks_median_s": checks, "import_files_per_s": self.n_files / imp,
                "cpu_ratio": median(cpu["import"]) / median(cpu["import_bare"]),
                "import_cpu_median_s": median(cpu["import"]),  # the importer's process only, not its workers
                "bare_cpu_median_s": median(cpu["import_bare"]),
                "bare_files_per_s": self.n_files / bare, "ratio": imp / bare, "checks_ratio": checks / bare,
                "in_process_s": times["import_in_process"], "in_process_median_s": local,
                "in_process_ratio": local / bare, "in_process_files_per_s": self.n_files / local,
                "in_process_cpu_median_s": median(cpu["import_in_process"]),
                "import_process_wall_s": proc_wall, "peak_rss_mb": peak,
                "own_peak_rss_mb": max(rss["import"]),
                "tree_peak_pss_mb": max(tree["import"]) if tree["import"] else None,
                "in_process_peak_rss_mb": max(rss["import_in_process"] + tree["import_in_process"]),
                "bare_peak_rss_mb": max(rss["import_bare"])}

    # -- 2. reports --------------------------------------------------------------------------------
    def _report_pair(self, subject: str, baseline: str, params: dict[str, Any],
                     others: tuple[str, ...] = ()) -> dict[str, Any]:
        """``subject`` against ``baseline`` (and, for information, against each of ``others``)."""
        runs: dict[str, list[Any]] = {name: [] for name in (subject, baseline, *others)}
        for name in interleaved(self.args.repeat, baseline, subject, *others):
            out = self.work / f"out-{name}"
            out.mkdir(exist_ok=True)
            r = self.run(name, {**params, "out_dir": str(out)})
            runs[name].append(r)
            self.log(f"  {name:<19} {r.data['seconds']:7.3f} s  (again in the same process {r.data['warm_seconds']:.3f} s)"
                     f"  {r.data['pages']} pages  peak {r.peak_rss_mb:5.0f} MB")
            shutil.rmtree(out)
        s, b = runs[subject], runs[baseline]
        cold, bare = median([r.data["seconds"] for r in s]), median([r.data["seconds"] for r in b])
        warm, bare_warm = median([r.data["warm_seconds"] for r in s]), median([r.data["warm_seconds"] for r in b])
        cpu_ratio = median([r.data["cpu_seconds"] for r in s]) / median([r.data["cpu_seconds"] for r in b])
        result = {"seconds": [r.data["seconds"] for r in s], "bare_seconds": [r.data["seconds"] for r in b],
                  "median_s": cold, "bare_median_s": bare, "ratio": cold / bare, "cpu_ratio": cpu_ratio,
                  "warm_median_s": warm, "bare_warm_median_s": bare_warm, "warm_ratio": warm / bare_warm,
                  "pages": s[0].data["pages"], "bare_pages": b[0].data["pages"],
                  "peak_rss_mb": max(r.peak_rss_mb for r in s), "bare_peak_rss_mb": max(r.peak_rss_mb for r in b),
                  **{k: s[0].data[k] for k in ("cells", "members") if k in s[0].data}}
        for name in others:
            o = runs[name]
            other, other_warm = median([r.data["seconds"] for r in o]), median([r.data["warm_seconds"] for r in o])
            result[name] = {"seconds": [r.data["seconds"] for r in o], "median_s": other, "warm_median_s": other_warm,
                            "ratio": cold / other, "warm_ratio": warm / other_warm, "pages": o[0].data["pages"],
                            "cpu_ratio": median([r.data["cpu_seconds"] for r in s])
                            / median([r.data["cpu_seconds"] for r in o])}
        return result

    def bench_rollup(self) -> dict[str, Any]:
        return self._report_pair("rollup", "rollup_bare", {"data_dir": str(self.full_dir()), "period": PERIOD},
                                 others=("rollup_cells_bare", "rollup_content_bare"))

    def bench_cell(self) -> dict[str, Any]:
        result = self._report_pair("cell", "cell_bare", {"data_dir": str(self.full_dir()), "period": PERIOD,
                                                         "cell_name": EXTRA_CELL})
        return {**result, "members": self.args.cell_members}

    # -- 3. start-up -------------------------------------------------------------------------------
    def bench_startup(self) -> dict[str, Any]:
        full = self.full_dir()
        first = self.work / "first-of-day"  # the same data, but no automatic copy made today yet
        if first.exists():
            shutil.rmtree(first)
        shutil.copytree(full, first)
        kinds = ("startup_bare", "startup_app", "startup_first_of_day")
        times: dict[str, list[float]] = {k: [] for k in kinds}
        ready: dict[str, list[float]] = {k: [] for k in kinds}
        rss: dict[str, list[float]] = {k: [] for k in kinds}
        pages = set()

        def once(kind: str, counted: bool) -> float:
            params: dict[str, Any] = {}
            if kind != "startup_bare":
                params = {"data_dir": str(full if kind == "startup_app" else first)}
            if kind == "startup_first_of_day":
                shutil.rmtree(first / "backups", ignore_errors=True)
            r = self.run("startup_bare" if kind == "startup_bare" else "startup_app", params)
            if kind != "startup_bare":
                pages.add(r.data.get("page"))
            shown = r.data["shown_at"] - r.spawned_at
            if counted:
                times[kind].append(shown)
                ready[kind].append(r.data["ready_at"] - r.spawned_at)
                rss[kind].append(r.peak_rss_mb)
            return shown

        for kind in ("startup_bare", "startup_app") if self.args.warmup else ():
            once(kind, False)  # warm-up (page cache, .pyc files), not counted
        for kind in interleaved(self.args.startup_runs, *kinds):
            s = once(kind, True)
            self.log(f"  {kind:<21} {s:6.3f} s to shown")
        app, bare, first_day = (median(times[k]) for k in ("startup_app", "startup_bare", "startup_first_of_day"))
        return {"app_s": times["startup_app"], "bare_s": times["startup_bare"],
                "first_of_day_s": times["startup_first_of_day"], "app_median_s": app, "bare_median_s": bare,
                "app_ready_median_s": median(ready["startup_app"]), "first_of_day_median_s": first_day,
                "first_of_day_ready_median_s": median(ready["startup_first_of_day"]),
                "ratio": app / bare, "ready_ratio": median(ready["startup_app"]) / bare,
                "first_of_day_ratio": first_day / bare, "page_shown": sorted(p for p in pages if p),
                "peak_rss_mb": max(rss["startup_app"]), "bare_peak_rss_mb": max(rss["startup_bare"]),
                "reviews_in_db": self.full_info["reviews"]}

    # -- 4. autosave -------------------------------------------------------------------------------
    def bench_autosave(self) -> dict[str, Any]:
        full = self.full_dir()
        p50, p95, mx, b50, b95, cpu95 = [], [], [], [], [], []
        all_ms: list[float] = []
        info: dict[str, Any] = {}
        for i in range(self.args.repeat):
            target = self.work / "autosave"
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(full, target)
            r = self.run("autosave", {"data_dir": str(target), "saves": self.args.saves, "seed": i + 1,
                                      "period": PERIOD})
            shutil.rmtree(target)
            ms, bare = r.data["service_ms"], r.data["bare_ms"]
            all_ms += ms
            p50.append(percentile(ms, 50))
            p95.append(percentile(ms, 95))
            mx.append(max(ms))
            b50.append(percentile(bare, 50))
            b95.append(percentile(bare, 95))
            cpu95.append(percentile(r.data["service_cpu_ms"], 95))
            info = {k: r.data[k] for k in ("saves", "kinds", "template", "longest_text")}
            self.log(f"  autosave       p50 {p50[-1]:6.2f} ms  p95 {p95[-1]:6.2f} ms  max {mx[-1]:6.1f} ms  "
                     f"p95 CPU {cpu95[-1]:5.2f} ms  (bare sqlite3 p50 {b50[-1]:.2f} ms, p95 {b95[-1]:.2f} ms)")
        return {"p50_ms": median(p50), "p95_ms": median(p95), "max_ms": median(mx), "p50_runs": p50,
                "p95_runs": p95, "p95_cpu_ms": median(cpu95), "bare_p50_ms": median(b50), "bare_p95_ms": median(b95),
                "p95_ratio": median(p95) / median(b95), "reviews_in_db": self.full_info["reviews"], **info}


def summarise(details: dict[str, Any]) -> dict[str, Any]:
    """The keys a script checks, from whatever sections have been measured."""
    imp, roll, start, save = (details.get(k) for k in ("import", "rollup", "startup", "autosave"))
    peaks = [s["peak_rss_mb"] for s in (imp, roll) if s]
    metrics = {
        "import_ratio": imp["ratio"] if imp else None,
        "import_files_per_s": imp["import_files_per_s"] if imp else None,
        "rollup_ratio": roll["ratio"] if roll else None,
        "startup_ratio": start["ratio"] if start else None,
        "autosave_p95_ms": save["p95_ms"] if save else None,
        "peak_rss_mb": max(peaks) if peaks else None,
    }
    passed = {}
    for key, (op, limit) in TARGETS.items():
        v = metrics[key]
        passed[key] = None if v is None else (v <= limit if op == "<=" else v >= limit)
    return {**metrics, "import_peak_rss_mb": imp["peak_rss_mb"] if imp else None,
            "rollup_peak_rss_mb": roll["peak_rss_mb"] if roll else None,
            "cell_ratio": details["cell"]["ratio"] if details.get("cell") else None,
            # information, not targets: the roll-up against the same content drawn with bare reportlab and
            # against its cells table alone (the first baseline),
            # and the import with every file checked in the importer's own process
            "rollup_content_ratio": (roll["rollup_content_bare"]["ratio"]
                                     if roll and "rollup_content_bare" in roll else None),
            "rollup_cells_table_ratio": (roll["rollup_cells_bare"]["ratio"]
                                         if roll and "rollup_cells_bare" in roll else None),
            "import_in_process_ratio": imp.get("in_process_ratio") if imp else None,
            "import_workers": imp.get("workers") if imp else None,
            "autosave_p50_ms": save["p50_ms"] if save else None,
            "targets": {k: f"{op} {limit:g}" for k, (op, limit) in TARGETS.items()}, "pass": passed}


def _fmt(v: float | None, unit: str = "", digits: int = 2) -> str:
    return "—" if v is None else f"{v:.{digits}f}{unit}"


def table(details: dict[str, Any], summary: dict[str, Any]) -> str:
    rows = []

    def verdict(key: str) -> str:
        ok = summary["pass"].get(key)
        return "" if ok is None else ("PASS" if ok else "MISS")

    if (d := details.get("import")):
        rows.append(["import", f"{d['files']} files, {d.get('workers', '?')} workers", _fmt(d["import_median_s"], " s"), _fmt(d["bare_median_s"], " s"),
                     f"{_fmt(d['ratio'], '×')} (CPU {_fmt(d.get('cpu_ratio'), '×')})", "≤ 2×", verdict("import_ratio")])
        rows.append(["import speed", "", f"{d['import_files_per_s']:.0f} files/s", f"{d['bare_files_per_s']:.0f} files/s",
                     "", "≥ 1000 files/s", verdict("import_files_per_s")])
        rows.append(["  checks only", "(no database)", _fmt(d["checks_median_s"], " s"), _fmt(d["bare_median_s"], " s"),
                     _fmt(d["checks_ratio"], "×"), "", ""])
        if "in_process_median_s" in d:
            rows.append(["  in one process", "(no workers)", _fmt(d["in_process_median_s"], " s"),
                         _fmt(d["bare_median_s"], " s"), _fmt(d["in_process_ratio"], "×"),
                         f"{d['in_process_files_per_s']:.0f} files/s", ""])
    if (d := details.get("rollup")):
        rows.append(["roll-up", f"{d.get('members', '?')} members, {d.get('cells', '?')} cells",
                     _fmt(d["median_s"], " s"), _fmt(d["bare_median_s"], " s"),
                     f"{_fmt(d['ratio'], '×')} (CPU {_fmt(d.get('cpu_ratio'), '×')})", "≤ 1.5×", verdict("rollup_ratio")])
        rows.append(["  roll-up again", "(same process)", _fmt(d["warm_median_s"], " s"),
                     _fmt(d["bare_warm_median_s"], " s"), _fmt(d["warm_ratio"], "×"), "", ""])
        if (c := d.get("rollup_cells_bare")):
            rows.append(["  vs cells table", "(its table alone)", _fmt(d["median_s"], " s"), _fmt(c["median_s"], " s"),
                         f"{_fmt(c['ratio'], '×')} (warm {_fmt(c['warm_ratio'], '×')})", "(information)", ""])
        if (c := d.get("rollup_content_bare")):
            rows.append(["  vs same content", "(bare reportlab)", _fmt(d["median_s"], " s"), _fmt(c["median_s"], " s"),
                         f"{_fmt(c['ratio'], '×')} (warm {_fmt(c['warm_ratio'], '×')})", "(information)", ""])
    if (d := details.get("cell")):
        rows.append(["cell + reviews", f"{d['members']} members, {d['pages']} pages", _fmt(d["median_s"], " s"),
                     _fmt(d["bare_median_s"], " s"), _fmt(d["ratio"], "×"), "(none)", ""])
    if (d := details.get("startup")):
        rows.append(["start-up", f"{d['reviews_in_db']} reviews", _fmt(d["app_median_s"], " s"),
                     _fmt(d["bare_median_s"], " s"), _fmt(d["ratio"], "×"), "≤ 2×", verdict("startup_ratio")])
        rows.append(["  usable", "(first page built)", _fmt(d["app_ready_median_s"], " s"), _fmt(d["bare_median_s"], " s"),
                     _fmt(d["ready_ratio"], "×"), "", ""])
        rows.append(["  first of the day", "(daily copy made)", _fmt(d["first_of_day_median_s"], " s"),
                     _fmt(d["bare_median_s"], " s"), _fmt(d["first_of_day_ratio"], "×"), "", ""])
        if (ready := d.get("first_of_day_ready_median_s")):
            rows.append(["  · usable", "(first page built)", _fmt(ready, " s"), _fmt(d["bare_median_s"], " s"),
                         _fmt(ready / d["bare_median_s"], "×"), "", ""])
    if (d := details.get("autosave")):
        rows.append(["autosave p95", f"{d['saves']} saves", _fmt(d["p95_ms"], " ms"), _fmt(d["bare_p95_ms"], " ms"),
                     _fmt(d["p95_ratio"], "×"), "≤ 10 ms", verdict("autosave_p95_ms")])
        rows.append(["autosave p50", "", _fmt(d["p50_ms"], " ms"), _fmt(d["bare_p50_ms"], " ms"), "", "", ""])
        if "p95_cpu_ms" in d:
            rows.append(["  p95 CPU time", "(not waiting)", _fmt(d["p95_cpu_ms"], " ms"), "", "", "", ""])
    if summary["peak_rss_mb"] is not None:
        parts = [f"import {summary['import_peak_rss_mb']:.0f}" if summary["import_peak_rss_mb"] else "",
                 f"roll-up {summary['rollup_peak_rss_mb']:.0f}" if summary["rollup_peak_rss_mb"] else ""]
        rows.append(["peak memory", ", ".join(p for p in parts if p) + " MB", _fmt(summary["peak_rss_mb"], " MB", 0),
                     "", "", "≤ 300 MB", verdict("peak_rss_mb")])
    return format_table(["measure", "size", "selfreview", "baseline", "ratio", "target", ""], rows)


def params(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k) for k in ("quick", "repeat", "members", "cells", "cell_members", "saves",
                                          "startup_runs")}


def load_previous(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data.get("details", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = Path(args.out)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="selfreview-bench-", dir=args.workdir))
    machine = machine_info()
    print(f"selfreview benchmarks: {machine['nproc']} × {machine['cpu']}, {machine['ram_mb']} MB, "
          f"Python {machine['python']}, load {machine['loadavg_at_start']}")
    print(f"working in {work}")
    details: dict[str, Any] = {}
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if args.province:
        return province_main(args, work, machine, stamp, started)
    try:
        suite = Suite(args, work)
        setup = suite.prepare()
        for section in args.sections:
            print(f"[{section}]", flush=True)
            details[section] = {**getattr(suite, f"bench_{section}")(), "measured_at": stamp,
                                "params": params(args)}
    except BenchError as e:
        print(f"benchmark failed: {e}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.only:  # keep the sections measured earlier, each with its own date
        details = {**{k: v for k, v in load_previous(out).items() if k in SECTIONS}, **details}
    summary = summarise(details)
    result = {**summary, "details": details, "machine": machine,
              "params": params(args) | {"files": setup["files"], "sections": args.sections},
              "measured_at": stamp, "duration_s": round(time.perf_counter() - started, 1)}
    print()
    print(table(details, summary))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out} ({result['duration_s']:.0f} s)")
    return 0


def province_main(args: argparse.Namespace, work: Path, machine: dict[str, Any], stamp: str, started: float) -> int:
    from province import run_province, table as province_table
    out = Path(args.out).with_name("province-results.json") if args.out == parse_args([]).out else Path(args.out)
    env = child_env(work / "home")
    compile_package(env, sys.executable)
    sizes = tuple(int(x) for x in args.province_sizes.split(","))
    try:
        results = run_province(work, env, sys.executable, sizes)
    except BenchError as e:
        print(f"benchmark failed: {e}", file=sys.stderr)
        return 2
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results.update({"machine": machine, "measured_at": stamp, "duration_s": round(time.perf_counter() - started, 1)})
    print()
    print(province_table(results))
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out} ({results['duration_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
