"""The crash harness's other two modes, driving the real commands (``python -m selfreview``).

``--mode import``: the secretary's batch import (``selfreview import FOLDER``) killed mid-batch.
A demo round writes ``--files`` encrypted review files; a reference copy of the data directory
imports them once without interruption. Then, on the working copy, each run starts the import and
SIGKILLs it at a random moment; afterwards:

* ``PRAGMA integrity_check`` must say ok (else: a corrupted database);
* every imported review must equal the reference import of the same file (same answers, same
  count), and must have its receipt (else: a *partial import*);
* every ``imported``/``updated`` receipt must point at an existing review, no file may be imported
  twice, and no file may be rejected (else: an *inconsistent receipt*).

Half of the runs resume the interrupted batch (as a secretary would after a crash: files already in
give ``already_present``); otherwise, and whenever every file is in, the working copy is reset to its
state before any import, so the kills keep landing inside real imports. Finally one run imports to the
end and the result must equal the reference.

``--mode pdf``: ``selfreview report cell --with-reviews --out FILE`` killed while it writes; the
target must always be either absent or a whole PDF (pypdf reads every page), never a half file.
Temporary ``.part`` files a kill leaves next to it are counted (they are not under the target name).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PERIOD = "2025"


def _cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "selfreview", "--data-dir", str(data_dir), *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _run(cmd: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(cmd, check=True, env=_env(), cwd=REPO, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def _kill_delay(rng: random.Random, startup: float, full: float) -> float:
    """Mostly inside the work (after the interpreter and the app have started), sometimes before."""
    if rng.random() < 0.15:
        return rng.uniform(0, startup)
    return rng.uniform(startup * 0.9, startup + max(full - startup, 0.05) * 1.2)


def _killed_run(cmd: list[str], delay: float) -> bool:
    """Start ``cmd``, SIGKILL it after ``delay`` seconds. True if it was killed (not finished)."""
    proc = subprocess.Popen(cmd, env=_env(), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    finally:
        proc.stderr.close()


def _integrity(db: Path) -> list[str]:
    con = sqlite3.connect(db, timeout=10)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    finally:
        con.close()


# -- import ---------------------------------------------------------------------------------------
def _imported(db: Path) -> tuple[dict[int, dict[str, str]], list[tuple[str, str, int | None]]]:
    """Imported reviews (id -> answers as stored JSON text) and receipts (sha256, outcome, review)."""
    con = sqlite3.connect(db, timeout=10)
    try:
        reviews = {rid: {} for (rid,) in con.execute("SELECT id FROM review WHERE member_id IS NOT NULL")}
        for rid, qid, value in con.execute("SELECT review_id, question_id, value FROM answer"):
            if rid in reviews:
                reviews[rid][qid] = value
        receipts = con.execute("SELECT sha256, outcome, review_id FROM import_receipt").fetchall()
    finally:
        con.close()
    return reviews, receipts


def _reference(db: Path) -> dict[str, dict[str, str]]:
    reviews, receipts = _imported(db)
    return {sha: reviews[rid] for sha, outcome, rid in receipts if outcome == "imported"}


def _check_import(db: Path, ref: dict[str, dict[str, str]], s: dict, run: int) -> int:
    """Count problems after a kill; returns how many files are fully in."""
    s["integrity_checks"] += 1
    result = _integrity(db)
    if result != ["ok"]:
        s["corrupted_databases"] += 1
        s["failures"].append(f"run {run}: integrity_check {result[:3]}")
    reviews, receipts = _imported(db)
    by_review: dict[int, str] = {}
    seen_imported: set[str] = set()
    for sha, outcome, rid in receipts:
        if outcome == "rejected":
            s["inconsistent_receipts"] += 1
            s["failures"].append(f"run {run}: a good file was rejected ({sha[:12]})")
        elif outcome in ("imported", "updated"):
            if rid not in reviews or sha in seen_imported:
                s["inconsistent_receipts"] += 1
                s["failures"].append(f"run {run}: receipt {sha[:12]} {outcome} -> review {rid}")
            seen_imported.add(sha)
            by_review[rid] = sha
    for rid, answers in reviews.items():
        sha = by_review.get(rid)
        if sha is None or ref.get(sha) != answers:
            s["partial_imports"] += 1
            s["failures"].append(f"run {run}: review {rid} has {len(answers)} answers, its file "
                                 f"{len(ref.get(sha, {})) if sha else '?'} (receipt {'yes' if sha else 'missing'})")
    return len(reviews)


def run_import(args, work: Path) -> dict:
    rng = random.Random(args.seed)
    files, pristine, data, ref = work / "files", work / "pristine", work / "data", work / "reference"
    _run(_cli(pristine, "demo", "--members", str(args.files), "--out", str(files), "--seed", str(args.seed),
              "--period", PERIOD))
    shutil.copytree(pristine, ref)
    full = _run(_cli(ref, "import", str(files)))
    startup = _run(_cli(ref, "list", "cells"))  # start-up alone: the import's share is the rest
    reference = _reference(ref / "selfreview.db")
    s = {"mode": "import", "files_per_batch": args.files, "full_import_seconds": round(full, 2),
         "startup_seconds": round(startup, 2), "runs": 0,
         "kills": 0, "kills_mid_batch": 0, "finished_before_kill": 0, "resets_to_before_import": 0,
         "files_in_at_kill": 0, "integrity_checks": 0,
         "corrupted_databases": 0, "partial_imports": 0, "inconsistent_receipts": 0, "failures": []}
    if len(reference) != args.files:
        s["failures"].append(f"the reference import took {len(reference)} of {args.files} files")
    shutil.copytree(pristine, data)
    before = 0
    for run in range(args.kills):
        killed = _killed_run(_cli(data, "import", str(files)), _kill_delay(rng, startup, full))
        s["runs"] += 1
        s["kills"] += killed
        s["finished_before_kill"] += not killed
        n = _check_import(data / "selfreview.db", reference, s, run)
        s["files_in_at_kill"] += n
        s["kills_mid_batch"] += killed and before < n < len(reference)  # files went in, others did not
        before = n
        # all in, or half of the time: start again before any import (else the next run resumes the batch)
        if n == len(reference) or rng.random() < 0.5:
            shutil.rmtree(data)
            shutil.copytree(pristine, data)
            s["resets_to_before_import"] += 1
            before = 0
    _run(_cli(data, "import", str(files)))
    final, _ = _imported(data / "selfreview.db")
    s["final_import_matches_reference"] = sorted(map(json.dumps, final.values())) == sorted(
        map(json.dumps, reference.values()))
    s["ok"] = (s["corrupted_databases"] == s["partial_imports"] == s["inconsistent_receipts"] == 0
               and s["final_import_matches_reference"] and not s["failures"])
    return s


# -- pdf ------------------------------------------------------------------------------------------
def _whole_pdf(path: Path) -> str | None:
    """None if ``path`` is a complete, readable PDF; else what is wrong."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return f"not a whole PDF ({len(data)} bytes)"
    try:
        from pypdf import PdfReader
    except ImportError:
        return None  # the header and trailer checks above stand alone
    try:
        reader = PdfReader(path, strict=True)
        for page in reader.pages:
            page.extract_text()
        return None if len(reader.pages) > 0 else "no pages"
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        return f"pypdf: {type(e).__name__}: {e}"[:200]


def run_pdf(args, work: Path) -> dict:
    rng = random.Random(args.seed)
    data, files, out = work / "data", work / "files", work / "out"
    out.mkdir()
    _run(_cli(data, "demo", "--members", str(args.files), "--out", str(files), "--seed", str(args.seed),
              "--period", PERIOD))
    _run(_cli(data, "import", str(files)))
    target = out / "chi-bo.pdf"
    cmd = _cli(data, "report", "cell", "--cell", "1", "--period", PERIOD, "--with-reviews", "--out", str(target))
    s = {"mode": "pdf", "members": args.files, "runs": 0, "kills": 0, "finished_before_kill": 0,
         "half_written_targets": 0, "targets_checked": 0, "temp_files_left_by_kills": 0, "failures": []}
    s["full_report_seconds"] = round(_run(cmd), 2)  # a whole file is there from the start
    s["startup_seconds"] = round(_run(_cli(data, "list", "cells")), 2)
    for run in range(args.kills):
        killed = _killed_run(cmd, _kill_delay(rng, s["startup_seconds"], s["full_report_seconds"]))
        s["runs"] += 1
        s["kills"] += killed
        s["finished_before_kill"] += not killed
        s["targets_checked"] += 1
        problem = _whole_pdf(target) if target.exists() else "the target disappeared"
        if problem:
            s["half_written_targets"] += 1
            s["failures"].append(f"run {run}: {problem}")
    s["temp_files_left_by_kills"] = len([p for p in out.iterdir() if p.name.endswith(".part")])
    s["ok"] = s["half_written_targets"] == 0 and not s["failures"]
    return s


def run(args, work: Path) -> dict:
    started = time.monotonic()
    result = run_import(args, work) if args.mode == "import" else run_pdf(args, work)
    result["seconds"] = round(time.monotonic() - started, 1)
    result["seed"] = args.seed
    result["sqlite_version"] = sqlite3.sqlite_version
    return result
