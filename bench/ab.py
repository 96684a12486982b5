#!/usr/bin/env python3
"""Before/after: the import and the roll-up of two copies of the package, interleaved.

    python bench/ab.py --before /tmp/old-tree --after /tmp/new-tree [--repeat 5] [--workdir DIR]

Each tree is a folder holding ``selfreview/`` and ``resources/`` (e.g. ``git archive`` of two
commits). Every subject runs in a fresh process through ``bench/subjects.py`` with that tree first
on ``PYTHONPATH``: the import of the demo's 4,550 files into a fresh copy of the set-up folder
(before, after, and the bare loop), then the roll-up over them (before, after, and the bare tables).
The set-up (``selfreview demo`` and the folder the roll-up reads) is made with the *before* tree,
so both can open it (the after tree migrates its copy when it opens it). Prints the medians and
ratios and writes them as JSON (``--out``). See docs/benchmarks.md, "Before and after".
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import child_env, interleaved, median, run_subject  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--before", required=True, type=Path)
    p.add_argument("--after", required=True, type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--members", type=int, default=70)
    p.add_argument("--cells", type=int, default=65)
    p.add_argument("--workdir", type=Path, help="keep the files here (default: a temporary folder, removed)")
    p.add_argument("--out", type=Path, help="write the medians and every run as JSON")
    a = p.parse_args(argv)
    work = a.workdir or Path(tempfile.mkdtemp(prefix="selfreview-ab-"))
    work.mkdir(parents=True, exist_ok=True)
    trees = {"before": a.before.resolve(), "after": a.after.resolve()}
    base = child_env(work / "home")

    def env(tree: str) -> dict[str, str]:
        return {**base, "PYTHONPATH": str(trees[tree])}

    def cli(tree: str, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "selfreview", *args], env=env(tree), cwd=trees[tree], check=True,
                       capture_output=True)

    try:
        seed, files = work / "seed", work / "files"
        if not seed.exists():
            cli("before", "--data-dir", str(seed), "demo", "--members", str(a.members), "--cells", str(a.cells),
                "--out", str(files), "--period", "2025")
        for tree in trees:
            full = work / f"full-{tree}"
            if not full.exists():
                shutil.copytree(seed, full)
                cli(tree, "--data-dir", str(full), "import", str(files))
        runs: dict[str, list[float]] = {}

        def record(key: str, value: float) -> None:
            runs.setdefault(key, []).append(value)

        for name in interleaved(a.repeat, "import_bare", "import:before", "import:after"):
            subject, tree = (name.split(":") + ["after"])[:2]
            params = {"files": str(files), "secretary_id": 1, "data_dir": str(seed)}
            if subject == "import":
                target = work / "target"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(seed, target)
                params["data_dir"] = str(target)
            r = run_subject(subject, params, env(tree))
            record(name, r.data["seconds"])
            print(f"  {name:<15} {r.data['seconds']:7.3f} s", flush=True)
        out_dir = work / "out"
        out_dir.mkdir(exist_ok=True)
        for name in interleaved(a.repeat, "rollup_bare", "rollup:before", "rollup:after"):
            subject, tree = (name.split(":") + ["after"])[:2]
            r = run_subject(subject, {"data_dir": str(work / f"full-{tree}"), "period": "2025",
                                      "out_dir": str(out_dir)}, env(tree))
            record(name, r.data["seconds"])
            record(name + " warm", r.data["warm_seconds"])
            print(f"  {name:<15} {r.data['seconds']:7.3f} s  (again {r.data['warm_seconds']:.3f} s)", flush=True)
    finally:
        if a.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    med = {k: median(v) for k, v in runs.items()}
    n = a.members * a.cells
    print()
    for tree in trees:
        print(f"{tree:>6}: import {med[f'import:{tree}']:.2f} s = {med[f'import:{tree}'] / med['import_bare']:.2f}× "
              f"the bare loop, {n / med[f'import:{tree}']:.0f} files/s; roll-up {med[f'rollup:{tree}']:.3f} s = "
              f"{med[f'rollup:{tree}'] / med['rollup_bare']:.2f}× the bare tables, again "
              f"{med[f'rollup:{tree} warm']:.3f} s = {med[f'rollup:{tree} warm'] / med['rollup_bare warm']:.2f}×")
    if a.out:
        a.out.write_text(json.dumps({"medians": med, "runs": runs}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
