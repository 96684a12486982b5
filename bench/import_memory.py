"""The import's peak memory at two sizes, quicker than ``run.py --province``: the demo's files (70
members a cell) made once, then, each in a fresh process and a fresh copy of the data folder, the
import as the command line runs it (``ctx.exchange.import_each``, the default worker processes), its
wall and CPU time and the importer's peak RSS, for the first ``--small`` files' cells and for all.

    python bench/import_memory.py WORK [--small 2000] [--large 10000] [--postgresql]

``PYTHONPATH=<an older tree>`` measures that tree's import with the same files (an import before
``import_each`` is run through ``import_paths``). docs/benchmarks.md ("A province's scale") has the
figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PER_CELL = 70
HERE = Path(__file__).resolve().parent


def make(work: Path, cells: int) -> None:
    from selfreview.demo.generate import run_demo
    from selfreview.services.context import AppContext

    with AppContext.open(work / "seed", daily_backup=False) as ctx:
        run_demo(ctx, PER_CELL, work / "files", cells=cells)


def measure(data: str, files: str) -> None:
    """In a fresh process: one import, printed as ``files seconds cpu_seconds peak_rss_mb``."""
    from selfreview.services.context import AppContext

    with AppContext.open(data, daily_backup=False) as ctx:
        exchange = ctx.exchange
        t, c = time.perf_counter(), time.process_time()
        if hasattr(exchange, "import_each"):
            n = exchange.import_each([files]).total
        else:  # a tree from before the receipts were streamed
            n = len(exchange.import_paths([files]))
        t, c = time.perf_counter() - t, time.process_time() - c
    if sys.platform != "win32":  # (the peak from the process's resource usage: kilobytes on Linux)
        import resource
        rss = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
    else:
        rss = "?"
    print(n, f"{t:.1f}", f"{c:.1f}", rss)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("work", type=Path)
    p.add_argument("--small", type=int, default=2000)
    p.add_argument("--large", type=int, default=10000)
    p.add_argument("--postgresql", action="store_true", help="on a throw-away local server (tests/pg_server.py)")
    a = p.parse_args()
    cells = -(-a.large // PER_CELL)
    if not (a.work / "files").exists():
        make(a.work, cells)
    small = a.work / "small"
    if not small.exists():
        small.mkdir()
        for f in sorted((a.work / "files").iterdir()):  # the demo names them c<cell>-<member>-...
            if int(f.name[1:f.name.index("-")]) <= -(-a.small // PER_CELL):
                os.link(f, small / f.name)
    server = None
    if a.postgresql:
        sys.path[:0] = [str(HERE.parent / "tests"), str(HERE)]
        import pg_server
        from province import _clone_to_server
        server = pg_server.start()
    try:
        for files in (small, a.work / "files"):
            data = a.work / "data"
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(a.work / "seed", data)
            env = dict(os.environ)
            if server is not None:
                url = server.url(server.create_database(empty=True))
                _clone_to_server(data, url, sys.executable)
                env["SELFREVIEW_DB_URL"] = url
            load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
            out = subprocess.run([sys.executable, __file__, "--measure", str(data), str(files)], env=env,
                                 capture_output=True, text=True, check=True).stdout.split()
            n, wall, cpu, rss = out[-4:]
            print(f"{time.strftime('%H:%M:%S', time.gmtime())} load {load}: {n} files, {wall} s "
                  f"(importer CPU {cpu} s), importer peak RSS {rss} MB", flush=True)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(*sys.argv[2:4])
    else:
        main()
