"""``crash_harness.py --mode typing``: a person typing into the real form, killed mid-word.

    python tools/crash_harness.py --mode typing --kills 200 --out docs/reliability/typing.json

The child (``python tools/crash_typing.py --child ...``) starts the desktop app as it starts for a
member: QApplication (offscreen), fonts, style, the Vietnamese translators, ``AppContext.open`` on the
data directory, the real threaded ``TaskRunner``, the ``MainWindow`` with the review open. It then
types one character every ``1 / rate`` seconds (8 a second: a steady human rate, never pausing
long enough for the debounce) into a long-text answer, the way an input method delivers text
(``QInputMethodEvent`` commit strings), and prints ``K <index> <monotonic time>`` once each
character is in the editor. The text is a fixed Vietnamese stream per question, so whatever is stored
must be a prefix of it.

The harness SIGKILLs the child at a random moment while it types, then reads the answer straight from
the database. The *loss* of that kill is the time from the first keystroke that is not stored to the
kill (0 when every keystroke is stored). Whitespace at the end is not counted as lost: the app
stores answers without outer spaces. A stored value that is not a prefix of the stream is *torn*.
The next child opens the same files (the app's own start-up after a crash) and goes on typing after
what was stored, into the next question.

``--control no-deadline`` is the negative control: the child's autosave has no maximum wait (a
debounce alone, as before), and the harness must then report losses of more than a second.

The figure that matters is the worst loss over all kills: the autosave promises at most about one
second (ui/autosave.py: debounce with a maximum wait).
"""

from __future__ import annotations

import argparse
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = ("a1_political", "a1_duties", "a1_pledge", "a2_shortcomings", "a2_causes", "a6_direction")
_PARAGRAPH = unicodedata.normalize("NFC", (
    "Trong năm, tôi luôn giữ vững lập trường chính trị, chấp hành nghiêm chủ trương của Đảng, "
    "chính sách, pháp luật của Nhà nước. Tôi không né tránh, đùn đẩy hay sợ trách nhiệm; "
    "dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung. Hạn chế: đôi khi còn chậm đổi mới "
    "phương pháp làm việc, chưa thật quyết liệt trong đấu tranh tự phê bình và phê bình. "))


def stream(qid: str, length: int) -> str:
    """The first ``length`` characters this question is typed with (a fixed text per question)."""
    start = QUESTIONS.index(qid) * 37 % len(_PARAGRAPH)
    out = (_PARAGRAPH[start:] + _PARAGRAPH * (length // len(_PARAGRAPH) + 2))
    return out[:length]


# -- the child: the app, typing ---------------------------------------------------------------------------
def child(data_dir: str, review_id: int, qid: str, settings_path: str, rate: float, no_deadline: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    if no_deadline:  # the negative control: autosave as it was, a debounce with no maximum wait
        from selfreview.ui import autosave
        autosave.MAX_WAIT_MS = 10 ** 7
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from selfreview.services.context import AppContext
    from selfreview.ui.app import make_application, setup_application
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.settings import AppSettings
    from selfreview.ui.tasks import TaskRunner

    app = make_application()
    settings = AppSettings(QSettings(settings_path, QSettings.Format.IniFormat))
    translators = setup_application(app, settings)
    ctx = AppContext.open(Path(data_dir))
    runner = TaskRunner()
    window = MainWindow(ctx, settings, runner, None, translators)
    window.resize(1280, 720)
    window.show()
    if not window.open_review(review_id):
        raise SystemExit(f"review {review_id} does not open")
    editor = window.editor
    editor.show_section(next(section.id for section, item in editor.template.items() if item.id == qid))
    edit = editor.widget_for(qid).edit
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    typed = edit.toPlainText()
    text = stream(qid, len(typed) + 100000)
    if text[:len(typed)] != typed:
        raise SystemExit(f"{qid} holds text that is not the stream: {typed[:60]!r}")
    index = len(typed)
    out = sys.stdout

    def key() -> None:
        nonlocal index
        event = QInputMethodEvent()
        event.setCommitString(text[index])
        QApplication.sendEvent(edit, event)
        out.write(f"K {index} {time.monotonic():.4f}\n")
        out.flush()
        index += 1

    out.write(f"READY {index} {time.monotonic():.4f}\n")
    out.flush()
    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(int(1000 / rate))
    app.exec()


# -- the harness side -------------------------------------------------------------------------------------
def setup(data_dir: Path) -> int:
    from selfreview.services.context import AppContext
    from selfreview.services.dto import ProfileData

    with AppContext.open(data_dir) as ctx:
        member = ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Gõ Phím", work_unit="Phòng Tư pháp"))
        return ctx.reviews.create(member.id, "2026", "hd43-2025-2b").summary.id


def stored(db: Path, review_id: int, qid: str) -> str:
    con = sqlite3.connect(db, timeout=10)
    try:
        row = con.execute("SELECT value FROM answer WHERE review_id = ? AND question_id = ?",
                          (review_id, qid)).fetchone()
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if integrity != "ok":
        raise RuntimeError(f"integrity_check: {integrity}")
    import json
    return json.loads(row[0]) if row else ""


def run(args, work: Path) -> dict:
    rng = random.Random(args.seed)
    data = work / "data"
    review_id = setup(data)
    db = data / "selfreview.db"
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"))
    losses: list[float] = []
    s = {"mode": "typing", "rate_per_second": args.rate, "runs": 0, "kills": 0, "keystrokes": 0,
         "keystrokes_stored": 0, "torn_values": 0, "unexpected_child_exits": 0, "failures": []}
    for n in range(args.kills):
        qid = QUESTIONS[n % len(QUESTIONS)]
        proc = subprocess.Popen([sys.executable, str(Path(__file__)), "--child", "--data-dir", str(data),
                                 "--review-id", str(review_id), "--question", qid, "--rate", str(args.rate),
                                 "--settings", str(work / "settings.ini")]
                                + (["--no-deadline"] if args.control == "no-deadline" else []),
                                stdout=subprocess.PIPE, stderr=open(work / "child-stderr.log", "ab"), env=env)
        s["runs"] += 1
        keys: dict[int, float] = {}
        buf, ready, typing_for = b"", None, rng.uniform(args.min_typing, args.max_typing)
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + 60
        killed_at = None
        while time.monotonic() < deadline:
            if ready is not None and time.monotonic() >= ready + typing_for:
                proc.send_signal(signal.SIGKILL)
                killed_at = time.monotonic()
                break
            readable, _, _ = select.select([fd], [], [], 0.01)
            if not readable:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                parts = line.decode().split()
                if parts and parts[0] == "READY":
                    ready = time.monotonic()
                elif parts and parts[0] == "K":
                    keys[int(parts[1])] = float(parts[2])
        proc.wait()
        rest = proc.stdout.read()
        proc.stdout.close()
        for line in rest.split(b"\n"):
            parts = line.decode(errors="replace").split()
            if len(parts) == 3 and parts[0] == "K":
                keys[int(parts[1])] = float(parts[2])
        if killed_at is None:
            s["unexpected_child_exits"] += 1
            s["failures"].append(f"run {n}: the child ended by itself (see child-stderr.log)")
            continue
        s["kills"] += 1
        value = stored(db, review_id, qid)
        expected = stream(qid, len(value) + 1000)
        if expected[:len(value)] != value:
            s["torn_values"] += 1
            s["failures"].append(f"run {n}: {qid} holds text that is not what was typed: {value[-40:]!r}")
            continue
        first_lost = len(value)
        while first_lost in keys and expected[first_lost].isspace():
            first_lost += 1  # a space at the end is kept only once the next word follows it
        s["keystrokes"] += len(keys)
        s["keystrokes_stored"] += sum(1 for i in keys if i < first_lost)
        loss = max(0.0, killed_at - keys[first_lost]) if first_lost in keys else 0.0
        losses.append(round(loss, 3))
        if args.progress and (n + 1) % args.progress == 0:
            print(f"{n + 1} kills, worst loss {max(losses):.3f} s", file=sys.stderr, flush=True)
    losses.sort()
    s["loss_seconds"] = {
        "worst": max(losses, default=None),
        "p95": losses[int(0.95 * (len(losses) - 1))] if losses else None,
        "median": losses[len(losses) // 2] if losses else None,
        "kills_with_no_loss": sum(1 for x in losses if x == 0.0),
    }
    s["worst_loss_seconds"] = s["loss_seconds"]["worst"]
    s["limit_seconds"] = args.max_loss
    s["ok"] = (not s["failures"] and s["kills"] == args.kills and losses
               and max(losses) <= args.max_loss)
    return s


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--child", action="store_true")
    p.add_argument("--data-dir")
    p.add_argument("--review-id", type=int)
    p.add_argument("--question")
    p.add_argument("--settings")
    p.add_argument("--rate", type=float, default=8.0)
    p.add_argument("--no-deadline", action="store_true")
    a = p.parse_args()
    if a.child:
        child(a.data_dir, a.review_id, a.question, a.settings, a.rate, a.no_deadline)


if __name__ == "__main__":
    main()
