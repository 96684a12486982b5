"""``bench/run.py --province``: a province's scale (50,000 files) on SQLite and on PostgreSQL, with
the growth from 5,000 measured in the same run.

For each database and each size: the demo's files for ``size / 70`` cells of 70 (set-up, not
measured), then in fresh processes: the import as the app runs it (time, files/s, peak memory of
the importer and of its whole process tree), the data opened, ``list reviews``, the roll-up PDF
cold (``province_probe``), and the desktop app's start-up to its first page (``startup_app``).
PostgreSQL is a throw-away local server (tests/pg_server.py), one database per size.

Growth: each figure at 50,000 divided by the same at 5,000, and the exponent ``log(ratio)/log(10)``
(1: linear, 0: flat).
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from harness import BenchError, run_subject

SIZES = (5_000, 50_000)
PER_CELL = 70
PERIOD = "2025"
TESTS_DIR = Path(__file__).resolve().parent.parent / "tests"
# the figures whose growth is reported, and the targets at a province's scale
FIGURES = ("import_s", "import_peak_mb", "import_tree_peak_mb", "open_s", "list_reviews_s", "rollup_cold_s",
           "startup_shown_s")
TARGETS = {"import_peak_mb_at_70k": 300.0, "list_reviews_s": 2.0, "rollup_cold_s": 2.0}


def run_province(work: Path, env: dict[str, str], python: str, sizes=SIZES, log=print) -> dict[str, Any]:
    results: dict[str, Any] = {"sizes": list(sizes), "per_cell": PER_CELL}
    server = None
    try:
        for db in ("sqlite", "postgresql"):
            if db == "postgresql":
                sys.path.insert(0, str(TESTS_DIR))
                import pg_server
                server = pg_server.start()
            by_size = results[db] = {}
            for n in sizes:
                child = dict(env)
                if server is not None:
                    child["SELFREVIEW_DB_URL"] = server.url(server.create_database(empty=True))
                by_size[str(n)] = _one(work / f"{db}-{n}", n, child, python, log, db)
            results[f"{db}_growth"] = growth(by_size[str(sizes[0])], by_size[str(sizes[-1])], sizes[-1] / sizes[0])
    finally:
        if server is not None:
            server.stop()
    return results


def _one(folder: Path, n: int, env: dict[str, str], python: str, log, db: str) -> dict[str, Any]:
    data, files = folder / "data", folder / "files"
    cells = math.ceil(n / PER_CELL)
    log(f"[province {db} {n}] set-up: selfreview demo --members {PER_CELL} --cells {cells}")
    done = subprocess.run([python, "-m", "selfreview", "--data-dir", str(data), "demo", "--members", str(PER_CELL),
                           "--cells", str(cells), "--out", str(files), "--period", PERIOD],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"demo failed:\n{done.stdout}\n{done.stderr}")
    n_files = sum(1 for _ in files.glob("*.selfreview"))
    r = run_subject("import", {"data_dir": str(data), "files": str(files)}, env, python=python, tree_memory=True,
                    timeout=7200)
    out: dict[str, Any] = {"files": n_files, "import_s": r.data["seconds"],
                           "import_files_per_s": n_files / r.data["seconds"], "import_peak_mb": r.peak_rss_mb,
                           "import_tree_peak_mb": r.peak_tree_pss_mb}
    log(f"  import {out['import_s']:.1f} s ({out['import_files_per_s']:.0f} files/s), peak {r.peak_rss_mb:.0f} MB"
        f" (all processes {r.peak_tree_pss_mb or 0:.0f} MB)")
    shutil.rmtree(files)  # half a gigabyte at 50,000
    probe = run_subject("province_probe", {"data_dir": str(data), "period": PERIOD, "out_dir": str(folder / "out")},
                        env, python=python, timeout=3600)
    out.update({k: probe.data[k] for k in ("open_s", "list_reviews_s", "reviews_listed", "rollup_cold_s",
                                           "rollup_pages")})
    out["list_peak_mb"] = probe.peak_rss_mb
    log(f"  open {out['open_s']:.2f} s, list reviews {out['list_reviews_s']:.2f} s ({out['reviews_listed']}), "
        f"roll-up cold {out['rollup_cold_s']:.2f} s ({out['rollup_pages']} pages), peak {probe.peak_rss_mb:.0f} MB")
    start = run_subject("startup_app", {"data_dir": str(data)}, env, python=python, timeout=600)
    out["startup_shown_s"] = start.data["shown_at"] - start.spawned_at
    out["startup_ready_s"] = start.data["ready_at"] - start.spawned_at
    log(f"  start-up: shown {out['startup_shown_s']:.2f} s, first page {out['startup_ready_s']:.2f} s")
    shutil.rmtree(folder, ignore_errors=True)
    return out


def growth(small: dict[str, Any], large: dict[str, Any], factor: float) -> dict[str, Any]:
    out = {}
    for key in FIGURES:
        a, b = small.get(key), large.get(key)
        if a and b:
            ratio = b / a
            out[key] = {"ratio": round(ratio, 2), "exponent": round(math.log(ratio) / math.log(factor), 2)}
    return out


def table(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    lines = ["| figure | " + " | ".join(f"{db} {n:,}" for db in ("sqlite", "postgresql") for n in sizes)
             + " | growth SQLite | growth PostgreSQL |", "|---" * (2 + 2 * len(sizes) + 1) + "|"]
    for key in FIGURES + ("import_files_per_s",):
        cells = []
        for db in ("sqlite", "postgresql"):
            for n in sizes:
                v = results.get(db, {}).get(str(n), {}).get(key)
                cells.append("" if v is None else f"{v:.2f}" if v < 100 else f"{v:.0f}")
        grow = [results.get(f"{db}_growth", {}).get(key) for db in ("sqlite", "postgresql")]
        cells += ["" if g is None else f"×{g['ratio']} (exp. {g['exponent']})" for g in grow]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
