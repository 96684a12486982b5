"""Running measured subjects in fresh child processes, and the small statistics the suite needs.

Every measured subject runs as ``python bench/subjects.py NAME PARAMS_JSON`` in its own process, so
its peak resident memory is its own: the parent reaps it with ``os.wait4`` and reads ``ru_maxrss``
from that child's resource usage (kilobytes on Linux). The child prints one line
``BENCH-RESULT {json}`` on stdout; everything else it prints is kept for error messages only.
"""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Sequence

BENCH_DIR = Path(__file__).resolve().parent
SUBJECTS = BENCH_DIR / "subjects.py"
RESULT_PREFIX = "BENCH-RESULT "


class BenchError(RuntimeError):
    """A subject failed (its output is in the message): the suite stops instead of reporting nonsense."""


@dataclass
class ChildResult:
    name: str
    data: dict[str, Any]
    wall_s: float           # from just before the spawn to the child's exit, seen by the parent
    spawned_at: float       # time.monotonic() just before the spawn (CLOCK_MONOTONIC is system-wide)
    peak_rss_mb: float      # the child's own peak resident set size
    user_s: float = 0.0
    sys_s: float = 0.0
    output: str = field(default="", repr=False)
    # with tree_memory: the peak, over samples every TREE_SAMPLE_S, of the proportional set size (PSS:
    # shared pages divided among the processes sharing them) summed over the child and every process
    # it started (the import's forkserver and workers): what the work costs the machine, counted once
    peak_tree_pss_mb: float | None = None


def child_env(home: Path) -> dict[str, str]:
    """The environment of every child: offscreen Qt, and a temporary home so nothing the app does
    (settings, default data folder, fontconfig cache) touches the real user's files."""
    env = dict(os.environ)
    for key in ("SELFREVIEW_DATA_DIR", "SELFREVIEW_DB_URL", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    # compiled modules, as an installed app has them (a wheel install compiles them; a machine with
    # PYTHONDONTWRITEBYTECODE set would otherwise make every child compile selfreview's modules in
    # its clock, which the baselines, importing only precompiled libraries, never do); kept in the
    # working folder so the source tree stays clean (compile_package fills it before anything is timed)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONUNBUFFERED": "1",
    })
    # keep the real fontconfig cache readable: a cold font cache would be measured as start-up otherwise
    real_cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "fontconfig"
    if real_cache.is_dir():
        (home / ".cache").mkdir(parents=True, exist_ok=True)
        link = home / ".cache" / "fontconfig"
        if not link.exists():
            try:
                link.symlink_to(real_cache, target_is_directory=True)
            except OSError:
                pass
    return env


TREE_SAMPLE_S = 0.05


def _process_tree(root: int) -> list[int]:
    """``root`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_supported() -> bool:
    return Path(f"/proc/{os.getpid()}/smaps_rollup").exists()


def compile_package(env: dict[str, str], python: str | None = None) -> None:
    """Compile the installed selfreview package into the children's bytecode cache (set-up, untimed)."""
    code = ("import compileall, pathlib, selfreview; "
            "compileall.compile_dir(str(pathlib.Path(selfreview.__file__).parent), quiet=1)")
    subprocess.run([python or sys.executable, "-c", code], env=env, check=True)


def run_subject(name: str, params: dict[str, Any], env: dict[str, str], timeout: float = 1800.0,
                python: str | None = None, tree_memory: bool = False) -> ChildResult:
    """Run one subject in a fresh interpreter; raise :class:`BenchError` when it fails.
    ``tree_memory``: also sample the memory of its whole process tree (Linux)."""
    argv = [python or sys.executable, str(SUBJECTS), name, json.dumps(params)]
    tree_memory = tree_memory and tree_memory_supported()
    peak_tree_kb = 0
    with tempfile.TemporaryFile("w+b") as out:
        spawned = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=str(BENCH_DIR))
        deadline = spawned + timeout
        next_sample = spawned
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if tree_memory and time.monotonic() >= next_sample:
                peak_tree_kb = max(peak_tree_kb, sum(_pss_kb(p) for p in _process_tree(proc.pid)))
                next_sample = time.monotonic() + TREE_SAMPLE_S
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                raise BenchError(f"{name}: timed out after {timeout:.0f} s")
            time.sleep(0.002)
        ended = time.monotonic()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    data = None
    for line in text.splitlines():
        if line.startswith(RESULT_PREFIX):
            data = json.loads(line[len(RESULT_PREFIX):])
    if proc.returncode != 0 or data is None:
        tail = "\n".join(text.splitlines()[-40:])
        raise BenchError(f"subject {name} failed (exit {proc.returncode}):\n{tail}")
    return ChildResult(name, data, ended - spawned, spawned, usage.ru_maxrss / 1024.0,
                       usage.ru_utime, usage.ru_stime, text, peak_tree_kb / 1024.0 if tree_memory else None)


# -- statistics -------------------------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    s = sorted(values)
    if not s:
        return math.nan
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in 0..100."""
    s = sorted(values)
    if not s:
        return math.nan
    pos = (len(s) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def interleaved(n: int, *subjects: str) -> list[str]:
    """A-B, B-A, A-B, ... so neither subject always runs first (drift, caches and neighbours' load
    fall on both sides alike)."""
    order: list[str] = []
    for i in range(n):
        order += list(subjects) if i % 2 == 0 else list(reversed(subjects))
    return order


# -- the machine --------------------------------------------------------------------------------------
def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    mem_mb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_mb = round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    try:
        load = list(os.getloadavg())
    except OSError:
        load = None
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_mb": mem_mb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": {d: _version(d) for d in ("selfreview", "PySide6-Essentials", "SQLAlchemy", "reportlab",
                                              "cryptography", "pydantic", "alembic")},
        "loadavg_at_start": load,
    }


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(out)
