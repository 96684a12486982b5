"""``bench/run.py --province``: a province's scale (50,000 files) on SQLite and on PostgreSQL, with
the growth from 5,000 measured in the same run.

For each size the demo's files for ``size / 70`` cells of 70 are made once (set-up, not measured;
the secretary's rows are copied to the PostgreSQL database), then for each database, in fresh
processes: the import as the app runs it (time, files/s, peak memory of
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
    results: dict[str, Any] = {"sizes": list(sizes), "per_cell": PER_CELL, "sqlite": {}, "postgresql": {}}
    sys.path.insert(0, str(TESTS_DIR))
    import pg_server
    server = pg_server.start()
    try:
        for n in sizes:
            seed, files = _demo(work / f"seed-{n}", n, env, python, log)
            for db in ("sqlite", "postgresql"):
                data = work / f"{db}-{n}"
                shutil.copytree(seed, data)
                child = dict(env)
                if db == "postgresql":
                    url = server.url(server.create_database(empty=True))
                    _clone_to_server(data, url, python)
                    child["SELFREVIEW_DB_URL"] = url
                results[db][str(n)] = _measure(data, files, child, python, log, db, n)
                shutil.rmtree(data, ignore_errors=True)
            shutil.rmtree(seed.parent, ignore_errors=True)  # the files: half a gigabyte at 50,000
        for db in ("sqlite", "postgresql"):
            results[f"{db}_growth"] = growth(results[db][str(sizes[0])], results[db][str(sizes[-1])],
                                             sizes[-1] / sizes[0])
    finally:
        server.stop()
    return results


def _demo(folder: Path, n: int, env: dict[str, str], python: str, log) -> tuple[Path, Path]:
    """The secretary's folder (SQLite) and the demo's files for ``n`` members: made once per size
    and used by both databases (the PostgreSQL one gets the same rows: :func:`_clone_to_server`)."""
    data, files = folder / "data", folder / "files"
    cells = math.ceil(n / PER_CELL)
    log(f"[province {n}] set-up: selfreview demo --members {PER_CELL} --cells {cells}")
    done = subprocess.run([python, "-m", "selfreview", "--data-dir", str(data), "demo", "--members", str(PER_CELL),
                           "--cells", str(cells), "--out", str(files), "--period", PERIOD],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"demo failed:\n{done.stdout}\n{done.stderr}")
    return data, files


_CLONE = """
import sys
from sqlalchemy import MetaData, create_engine, select, text
from selfreview.db.engine import connect
from selfreview.db.migrate import upgrade
data, url = sys.argv[1], sys.argv[2]
target = connect(url)
upgrade(target)
source = create_engine(f"sqlite:///{data}/selfreview.db")
meta = MetaData()
meta.reflect(source)
with source.connect() as src, target.engine.begin() as dst:
    for table in meta.sorted_tables:
        if table.name == "alembic_version":
            continue
        rows = [dict(r._mapping) for r in src.execute(select(table))]
        if rows:
            dst.execute(table.insert(), rows)
        if "id" in table.c:
            dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                             f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
target.dispose()
"""


def _clone_to_server(data: Path, url: str, python: str) -> None:
    """The seed's rows (profile, cells, rounds, settings) copied into a migrated PostgreSQL database;
    the folder keeps its keys. The SQLite file is then removed: the folder is the server's now."""
    done = subprocess.run([python, "-c", _CLONE, str(data), url], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"copying the seed to PostgreSQL failed:\n{done.stderr}")
    for f in data.glob("selfreview.db*"):
        f.unlink()
    shutil.rmtree(data / "backups", ignore_errors=True)


def _measure(data: Path, files: Path, env: dict[str, str], python: str, log, db: str, n: int) -> dict[str, Any]:
    n_files = sum(1 for _ in files.glob("*.selfreview"))
    r = run_subject("import", {"data_dir": str(data), "files": str(files)}, env, python=python, tree_memory=True,
                    timeout=7200)
    out: dict[str, Any] = {"files": n_files, "import_s": r.data["seconds"],
                           "import_files_per_s": n_files / r.data["seconds"], "import_peak_mb": r.peak_rss_mb,
                           "import_tree_peak_mb": r.peak_tree_pss_mb}
    log(f"  {db} {n}: import {out['import_s']:.1f} s ({out['import_files_per_s']:.0f} files/s), "
        f"peak {r.peak_rss_mb:.0f} MB (all processes {r.peak_tree_pss_mb or 0:.0f} MB)")
    probe = run_subject("province_probe", {"data_dir": str(data), "period": PERIOD, "out_dir": str(data / "out")},
                        env, python=python, timeout=3600)
    out.update({k: probe.data[k] for k in ("open_s", "list_reviews_s", "reviews_listed", "rollup_cold_s",
                                           "rollup_pages")})
    out["list_peak_mb"] = probe.peak_rss_mb
    log(f"  {db} {n}: open {out['open_s']:.2f} s, list reviews {out['list_reviews_s']:.2f} s "
        f"({out['reviews_listed']}), roll-up cold {out['rollup_cold_s']:.2f} s ({out['rollup_pages']} pages), "
        f"peak {probe.peak_rss_mb:.0f} MB")
    start = run_subject("startup_app", {"data_dir": str(data)}, env, python=python, timeout=600)
    out["startup_shown_s"] = start.data["shown_at"] - start.spawned_at
    out["startup_ready_s"] = start.data["ready_at"] - start.spawned_at
    log(f"  {db} {n}: start-up shown {out['startup_shown_s']:.2f} s, first page {out['startup_ready_s']:.2f} s")
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
