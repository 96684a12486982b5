"""Kill the app's writer at random moments and prove nothing is lost or corrupted.

    python tools/crash_harness.py --kills 200 --mode autosave --out reliability/autosave.json

``--mode autosave`` (docs/reliability.md): a child process (tools/crash_child.py) opens the data
directory as the app does and saves answers in a loop through ``ReviewService.save_answer``,
printing ``ACK`` after each save returned. The harness sends SIGKILL at a random moment (sometimes
while the child is still starting: integrity check, migration, backup; mostly while it saves), then

1. runs ``PRAGMA integrity_check`` on the database (a corrupted database is counted and kept);
2. checks every acknowledged save: the answer holds the acknowledged value or a later one for the
   same question, never an older one (a *lost save*), and every stored value is exactly the text of
   its sequence number (a *torn value*);
3. starts the next child on the same files, which opens them as the app would after a crash.

At the end the app itself opens the directory (``AppContext.open``, its own start-up check) and
reads the answers back. The JSON summary goes to ``--out``; the exit status is 0 only when
lost saves, torn values, corrupted databases and unexpected child deaths are all zero.

``--mode typing`` (tools/crash_typing.py): the real editor, typed into at a human rate and killed
mid-word; per kill, the seconds of typing lost. Prints the worst loss (the promise: at most 1 s).

``--spawn exec`` (default) starts each child as a fresh interpreter, as a real restart would;
``--spawn fork`` forks it from the harness (same code path after start-up, much faster: the short
test uses it). ``--mode import`` and ``--mode pdf`` drive ``selfreview import`` / ``selfreview
report`` when those commands exist (tools/crash_modes.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(TOOLS.parent))

import crash_child  # noqa: E402


@dataclass
class Summary:
    mode: str
    command: str
    spawn: str
    seed: int
    control: str = "none"
    runs: int = 0
    kills: int = 0
    kills_during_startup: int = 0
    kills_while_saving: int = 0
    acked_saves: int = 0
    lost_saves: int = 0
    torn_values: int = 0
    corrupted_databases: int = 0
    unexpected_child_exits: int = 0
    integrity_checks: int = 0
    final_app_open: str = "not run"
    seconds: float = 0.0
    sqlite_version: str = sqlite3.sqlite_version
    python: str = platform.python_version()
    platform: str = platform.platform()
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.lost_saves == self.torn_values == self.corrupted_databases
                == self.unexpected_child_exits == 0 and self.final_app_open == "ok")


def setup_autosave(data_dir: Path) -> int:
    """A profile and its 2B review, made through the services. Returns the review id."""
    from selfreview.services.context import AppContext
    from selfreview.services.dto import ProfileData

    with AppContext.open(data_dir) as ctx:
        member = ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Thử Nghiệm", work_unit="Phòng Tư pháp"))
        return ctx.reviews.create(member.id, "2026").summary.id


def spawn_child(how: str, data_dir: Path, review_id: int, start_seq: int, err_path: Path, ack_early: bool):
    """Start a child; returns (pid, read fd, popen or None)."""
    if how == "exec":
        err = open(err_path, "ab")
        proc = subprocess.Popen(
            [sys.executable, str(TOOLS / "crash_child.py"), "--data-dir", str(data_dir),
             "--review-id", str(review_id), "--start-seq", str(start_seq)] + (["--ack-early"] if ack_early else []),
            stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL)
        err.close()
        return proc.pid, proc.stdout.fileno(), proc
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(r)
            crash_child.autosave_loop(str(data_dir), review_id, start_seq, os.fdopen(w, "w"), ack_early)
        except BaseException as e:  # noqa: BLE001 - report, then die without running the parent's cleanup
            with open(err_path, "a", encoding="utf-8") as f:
                f.write(f"{type(e).__name__}: {e}\n")
        finally:
            os._exit(3)
    os.close(w)
    return pid, r, None


def run_once(how: str, data_dir: Path, review_id: int, start_seq: int, rng: random.Random,
             startup_share: float, max_after_ready: float, startup_estimate: float,
             err_path: Path, ack_early: bool = False) -> tuple[list[tuple[int, str]], str, float]:
    """One child, one kill. Returns (acks, phase killed in or 'exited', seconds to READY)."""
    spawned = time.monotonic()
    pid, fd, proc = spawn_child(how, data_dir, review_id, start_seq, err_path, ack_early)
    kill_during_startup = rng.random() < startup_share
    kill_at = spawned + rng.uniform(0, startup_estimate) if kill_during_startup else None
    buf, ready_at, eof = b"", None, False
    while True:
        now = time.monotonic()
        if kill_at is not None and now >= kill_at:
            break
        timeout = 0.05 if kill_at is None else max(0.0, min(0.05, kill_at - now))
        readable, _, _ = select.select([fd], [], [], timeout)
        if readable:
            chunk = os.read(fd, 65536)
            if not chunk:
                eof = True
                break
            buf += chunk
            if ready_at is None and b"READY\n" in buf:
                ready_at = time.monotonic()
                if kill_at is None or kill_at > ready_at:  # a startup kill that came too late
                    kill_during_startup = False
                    kill_at = ready_at + rng.uniform(0, max_after_ready)
    if not eof:
        os.kill(pid, signal.SIGKILL)
    while chunk := os.read(fd, 65536):  # the rest of what it wrote before it died
        buf += chunk
    if proc is not None:
        proc.wait()
        proc.stdout.close()
        status = proc.returncode
        killed = status == -signal.SIGKILL
    else:
        os.close(fd)
        _, raw = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(raw) and os.WTERMSIG(raw) == signal.SIGKILL
    acks = []
    for line in buf.split(b"\n")[:-1]:  # a last line without its newline was not acknowledged
        parts = line.decode("utf-8").split()
        if parts and parts[0] == "ACK":
            acks.append((int(parts[1]), parts[2]))
    if eof or not killed:
        phase = "exited"
    else:
        phase = "startup" if ready_at is None else "saving"
    return acks, phase, (ready_at - spawned) if ready_at else 0.0


def verify(db_path: Path, review_id: int, latest_ack: dict[str, int], summary: Summary,
           keep_dir: Path, run: int) -> int:
    """Integrity check and the acknowledged saves. Returns the highest sequence number stored."""
    summary.integrity_checks += 1
    con = sqlite3.connect(db_path, timeout=10)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        rows = con.execute("SELECT question_id, value FROM answer WHERE review_id = ?", (review_id,)).fetchall()
    finally:
        con.close()
    if result != ["ok"]:
        summary.corrupted_databases += 1
        summary.failures.append(f"run {run}: integrity_check: {result[:3]}")
        shutil.copy(db_path, keep_dir / f"corrupted-run{run}.db")
    stored = {qid: json.loads(value) for qid, value in rows}
    highest = -1
    for qid, value in stored.items():
        s = crash_child.seq_of(value)
        if s is None or crash_child.question_for(s) != qid or value != crash_child.make_value(s):
            summary.torn_values += 1
            summary.failures.append(f"run {run}: {qid} holds a value that is not whole: {str(value)[:60]!r}")
            continue
        highest = max(highest, s)
    for qid, acked in latest_ack.items():
        s = crash_child.seq_of(stored.get(qid))
        if s is None or s < acked:
            summary.lost_saves += 1
            summary.failures.append(f"run {run}: {qid}: acknowledged #{acked}, found {s}")
    return highest


def last_line(path: Path) -> str:
    try:
        lines = [x for x in path.read_text(encoding="utf-8", errors="replace").splitlines() if x.strip()]
    except OSError:
        return "(no error output)"
    return lines[-1][:300] if lines else "(no error output)"


def final_check(data_dir: Path, review_id: int, latest_ack: dict[str, int]) -> str:
    """The app's own start-up on the files left by the last kill, then its own read of the answers."""
    from selfreview.services.context import AppContext

    try:
        with AppContext.open(data_dir) as ctx:
            answers = ctx.reviews.answers(review_id)
    except Exception as e:  # noqa: BLE001 - the summary says what happened
        return f"{type(e).__name__}: {e}"
    for qid, acked in latest_ack.items():
        s = crash_child.seq_of(answers.get(qid))
        if s is None or s < acked:
            return f"the app reads #{s} for {qid}, acknowledged #{acked}"
    return "ok"


def run_autosave(args, summary: Summary, work: Path) -> None:
    data_dir = work / "data"
    review_id = setup_autosave(data_dir)
    db_path = data_dir / "selfreview.db"
    rng = random.Random(args.seed)
    latest_ack: dict[str, int] = {}
    next_seq, startup_estimate = 0, 0.2 if args.spawn == "fork" else 1.0
    err_path = work / "child-stderr.log"
    for run in range(args.kills):
        acks, phase, ready_after = run_once(args.spawn, data_dir, review_id, next_seq, rng, args.startup_share,
                                            args.max_after_ready, startup_estimate, err_path,
                                            args.control == "ack-early")
        summary.runs += 1
        if ready_after:
            startup_estimate = 0.8 * startup_estimate + 0.2 * ready_after
        if phase == "exited":
            summary.unexpected_child_exits += 1
            summary.failures.append(f"run {run}: the child ended by itself: {last_line(err_path)}")
        else:
            summary.kills += 1
            summary.kills_during_startup += phase == "startup"
            summary.kills_while_saving += phase == "saving"
        for seq, qid in acks:
            latest_ack[qid] = max(latest_ack.get(qid, -1), seq)
        summary.acked_saves += len(acks)
        highest = verify(db_path, review_id, latest_ack, summary, work, run)
        next_seq = max(next_seq, highest + 1, max(latest_ack.values(), default=-1) + 1)
        if args.progress and (run + 1) % args.progress == 0:
            print(f"{run + 1} runs, {summary.acked_saves} acked, {summary.lost_saves} lost, "
                  f"{summary.corrupted_databases} corrupted", file=sys.stderr, flush=True)
    summary.final_app_open = final_check(data_dir, review_id, latest_ack)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Crash the writer with SIGKILL and check what survives.")
    p.add_argument("--mode", choices=["autosave", "typing", "import", "pdf"], default="autosave")
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--files", type=int, default=None,
                   help="import: files per batch (default 200); pdf: members in the report (default 30)")
    p.add_argument("--out", type=Path, help="write the JSON summary here")
    p.add_argument("--seed", type=int, default=20251125)
    p.add_argument("--spawn", choices=["exec", "fork"], default="exec")
    p.add_argument("--startup-share", type=float, default=0.15,
                   help="share of kills aimed at the child's start-up (open, check, backup)")
    p.add_argument("--max-after-ready", type=float, default=0.5, help="seconds after READY the kill may wait")
    p.add_argument("--work-dir", type=Path, help="keep the files here (default: a temporary folder, removed)")
    p.add_argument("--progress", type=int, default=0, help="print a line every N runs")
    p.add_argument("--rate", type=float, default=8.0, help="typing: characters per second")
    p.add_argument("--max-typing", type=float, default=5.0, help="typing: the kill comes up to this many "
                   "seconds after the child starts typing")
    p.add_argument("--min-typing", type=float, default=0.3, help="typing: the kill comes at least this late")
    p.add_argument("--max-loss", type=float, default=1.0, help="typing: the worst loss allowed, in seconds")
    p.add_argument("--control", choices=["none", "ack-early", "no-deadline"], default="none",
                   help="negative controls: autosave: the child acknowledges before saving, lost saves must be "
                        "found; typing: autosave without its maximum wait, losses over a second must be found")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if os.name != "posix":
        print("the crash harness needs POSIX signals (SIGKILL)", file=sys.stderr)
        return 2
    command = "python tools/crash_harness.py " + " ".join(sys.argv[1:] if argv is None else argv)
    summary = Summary(args.mode, command, args.spawn, args.seed, args.control)
    started = time.monotonic()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="selfreview-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict = {"ok": False}
    try:
        if args.mode == "autosave":
            run_autosave(args, summary, work)
            summary.seconds = round(time.monotonic() - started, 1)
            result = {**asdict(summary), "ok": summary.ok}
        elif args.mode == "typing":
            import crash_typing
            result = {"command": command, **crash_typing.run(args, work)}
            result["seconds"] = round(time.monotonic() - started, 1)
            print(f"worst loss: {result['worst_loss_seconds']} s over {result['kills']} kills "
                  f"(limit {args.max_loss} s)", file=sys.stderr)
        else:
            import crash_modes
            args.files = args.files or (200 if args.mode == "import" else 30)
            result = {"command": command, **crash_modes.run(args, work)}
    except Exception as e:  # the set-up or a command failed: say so in the summary too
        result = {"command": command, "mode": args.mode, "ok": False, "error": f"{type(e).__name__}: {e}"}
    finally:
        if args.work_dir is None and result.get("ok"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            result["files_kept_in"] = str(work)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
