"""A person typing for a long time into the real app (issue 13): the process that
tests/gui/test_typing_soak.py runs, so that an abort (``Fatal Python error: none_dealloc``) fails
that test instead of killing pytest.

    python tools/typing_soak.py --data-dir DIR --expected OUT.json [--keystrokes 20000] [--seed 1]

In a fresh data directory it makes three members' profiles with a 2A, a 2B and a 2C draft (through
the services, as the first-run page and "New review" do), then starts the app as ``selfreview``
does (:class:`selfreview.ui.app.AppStart`: the window first, the data folder opened from the event
loop, the real threaded ``TaskRunner``) and, inside that event loop, fills every section of the
three forms with the keyboard and the mouse, the navigator shown:

* Vietnamese as input methods deliver it: ibus-style preedit then commit (one event per letter),
  Windows-Unikey-style one commit per letter, and ``Key_unknown`` key presses carrying the text;
  typing mistakes taken back with Backspace; Ctrl+End after coming back to a field;
* every question kind the three forms have: long texts, records (long and short texts, a status
  choice), scores typed as digits with a decimal comma, a single choice, check boxes, and the
  self-check's behaviours (a frequency each, an example and a remedy when asked for);
* sections switched with the navigator (also in the middle of a text, then back to it), the window
  resized, the text size changed from small to extra large.

It keeps what a person meant to type (NFC) for each answer, closes the window normally (its
closeEvent saves and waits for the database writer) and writes ``OUT.json``: the review ids, the
expected answers and the figures (keystrokes by kind, seconds, the autosave's states). Exit status 0
only if the event loop ended normally, no dialog was asked and no save failed; the parent then reads
the database through the services.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the selfreview next to this file, before any installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FORMS = ("hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c")
PEOPLE = ("Nguyễn Văn Hùng", "Trần Thị Thu Hương", "Lê Đức Thắng")
WORDS = ("kiểm điểm", "đảng viên", "trách nhiệm", "không đùn đẩy", "hoàn thành", "nhiệm vụ", "chi bộ",
         "khắc phục", "hạn chế", "tự phê bình", "đoàn kết", "gương mẫu", "Đảng ủy", "tiến độ", "hồ sơ",
         "nghiêm túc", "rèn luyện", "phẩm chất", "đạo đức", "lối sống", "quần chúng", "Nghị quyết",
         "chuyển đổi số", "cải cách hành chính", "ý thức tổ chức kỷ luật", "được giao", "năm 2025,",
         "thường xuyên.", "Bản thân", "tiếp thu", "phê bình", "ưu điểm", "khuyết điểm", "quyết liệt",
         "bồi dưỡng", "lý luận chính trị", "(Sở Tư pháp)", "“đúng hẹn”", "thủ tục", "người dân")
SIZES = ((1280, 820), (1024, 700), (1366, 768), (900, 640), (1600, 900))
TEXT_SIZES = ("normal", "large", "xlarge", "small")
BATCH = 100  # keystrokes between two passes of the event loop (timers, queued saves, layouts)


class NoDialogs:
    """The soak answers no dialog: any question asked is recorded and fails the run."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def _ask(self, kind: str, *args: Any, **kwargs: Any) -> Any:
        self.asked.append(f"{kind}: {args[1:3] if len(args) > 2 else args}")
        return None

    def confirm(self, *a: Any, **k: Any) -> bool:
        self._ask("confirm", *a)
        return True

    def choose(self, *a: Any, **k: Any) -> Any:
        return self._ask("choose", *a)

    def info(self, *a: Any, **k: Any) -> None:
        self._ask("info", *a)

    def error(self, *a: Any, **k: Any) -> None:
        self._ask("error", *a)

    def open_file(self, *a: Any, **k: Any) -> None:
        return self._ask("open_file", *a)

    def open_files(self, *a: Any, **k: Any) -> list:
        self._ask("open_files", *a)
        return []

    def save_file(self, *a: Any, **k: Any) -> None:
        return self._ask("save_file", *a)


def prepare(data_dir: Path) -> list[tuple[int, int, str]]:
    """Three profiles with a draft each: [(profile id, review id, form)]."""
    from selfreview.services.context import AppContext
    from selfreview.services.dto import ProfileData

    ctx = AppContext.open(data_dir)
    try:
        out = []
        for name, form in zip(PEOPLE, FORMS):
            p = ctx.profiles.create(ProfileData(full_name=name, work_unit="Sở Tư pháp", cell_name="Chi bộ Văn phòng",
                                                government_post="Chuyên viên", is_leader=form.endswith("2a")))
            out.append((p.id, ctx.reviews.create(p.id, "2025", form).summary.id, form))
        return out
    finally:
        ctx.close()


class Typist:
    """Keyboard and mouse of one person, and what they meant to type."""

    def __init__(self, app: Any, window: Any, keystrokes: int, seed: int) -> None:
        self.app, self.window = app, window
        self.rng = random.Random(seed)
        self.goal = keystrokes
        self.keys = 0
        self.kinds = {"preedit": 0, "commit": 0, "key": 0, "backspace": 0, "click": 0}
        self.expected: dict[int, dict[str, Any]] = {}
        self.review_id = 0
        self._since_batch = 0
        self._size = 0
        self.switches = 0  # sections opened from the navigator
        self.states: dict[str, int] = {}  # the autosave's states as the status bar shows them
        self.save_errors: list[str] = []

    # -- the event loop, in batches ---------------------------------------------------------------------
    def pump(self) -> None:
        from PySide6.QtCore import QEventLoop
        self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        self._since_batch = 0

    def _count(self, n: int = 1) -> None:
        self.keys += n
        self._since_batch += n
        if self._since_batch >= BATCH:
            self.pump()
        if self.keys // 2500 != (self.keys - n) // 2500:  # now and then: a new window size or text size
            self.disturb()
        if self.keys // 1000 != (self.keys - n) // 1000:  # how far it got, should it die
            print(f"typed {self.keys} keystrokes", file=sys.stderr, flush=True)

    def disturb(self) -> None:
        self._size += 1
        w, h = SIZES[self._size % len(SIZES)]
        self.window.resize(w, h)
        if self._size % 2 == 0:
            self.window.set_text_size(TEXT_SIZES[(self._size // 2) % len(TEXT_SIZES)])
        self.pump()

    # -- keys -----------------------------------------------------------------------------------------
    def _target(self, widget: Any) -> Any:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        if QGuiApplication.focusObject() is not widget:
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
        assert QGuiApplication.focusObject() is widget, (widget, QGuiApplication.focusObject())
        return widget

    def key(self, widget: Any, key: Any, text: str = "", modifiers: Any = None) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        mods = modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier
        target = self._target(widget)
        self.app.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, mods, text))
        self.app.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, mods, text))
        self.kinds["backspace" if key == Qt.Key.Key_Backspace else "key"] += 1
        self._count()

    def ime(self, widget: Any, preedit: str | None = None, commit: str | None = None) -> None:
        from PySide6.QtGui import QInputMethodEvent
        target = self._target(widget)
        event = QInputMethodEvent(preedit or "", [])
        if commit is not None:
            event.setCommitString(commit)
        self.app.sendEvent(target, event)
        self.kinds["commit" if commit is not None else "preedit"] += 1
        self._count()

    def type_text(self, widget: Any, text: str) -> None:
        """``text`` word by word, each word in one of the ways a Vietnamese keyboard delivers it
        (some input methods commit decomposed letters: base plus combining marks, which the app
        must store as NFC); now and then a wrong letter taken back with Backspace."""
        from PySide6.QtCore import Qt
        for n, word in enumerate(text.split(" ")):
            piece = word + (" " if n < len(text.split(" ")) - 1 else "")
            if not piece:
                continue
            way = self.rng.random()
            if self.rng.random() < 0.04:  # a slip of the finger
                self.key(widget, Qt.Key.Key_unknown, self.rng.choice("ươăđêôâ"))
                self.key(widget, Qt.Key.Key_Backspace)
            if way < 0.45:  # ibus-unikey: the word grows as a preedit, then it is committed
                for i in range(1, len(piece)):
                    self.ime(widget, preedit=piece[:i])
                self.ime(widget, commit=piece)
            elif way < 0.5:  # the same, decomposed (NFD)
                nfd = unicodedata.normalize("NFD", piece)
                for i in range(1, len(nfd)):
                    self.ime(widget, preedit=nfd[:i])
                self.ime(widget, commit=nfd)
            elif way < 0.8:  # Unikey on Windows: each letter committed
                for ch in piece:
                    self.ime(widget, commit=ch)
            else:  # a keyboard layout that sends the letters as key presses
                for ch in piece:
                    self.key(widget, Qt.Key.Key_unknown, ch)

    def click(self, button: Any) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        self.editor.scroll.ensureWidgetVisible(button, 20, 20)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(min(8, button.width() // 2), button.height() // 2))
        self.kinds["click"] += 1
        self._count()

    # -- the form ---------------------------------------------------------------------------------------
    @property
    def editor(self) -> Any:
        return self.window.editor

    def sentence(self, words: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(words)).strip()

    def go_to(self, section_id: str) -> None:
        """Click the section in the navigator, as a person does."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        nav = self.editor.navigator
        assert nav.isVisible()
        item = nav.items[section_id]
        self.pump()  # a resize or a new text size lays the rows out again: click where they are now
        nav.doItemsLayout()
        nav.scrollToItem(item)
        self.pump()
        rect = nav.visualItemRect(item).intersected(nav.viewport().rect())  # where a person sees it
        assert not rect.isEmpty(), f"the navigator did not scroll {section_id} into view"
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        self.kinds["click"] += 1
        self._count()
        self.pump()
        assert self.editor.current_section == section_id, (self.editor.current_section, section_id)
        self.switches += 1

    def long_text(self, section_id: str, qid: str, widget: Any, words: int, away: str | None) -> str:
        """Type into a long text; halfway, go to ``away`` and back (the text must still be there)."""
        from PySide6.QtCore import Qt
        first, second = self.sentence(words // 2) + " ", self.sentence(words - words // 2)
        self.editor.scroll.ensureWidgetVisible(widget.edit)
        self.type_text(widget.edit, first)
        if away is not None:
            self.go_to(away)
            self.go_to(section_id)
            widget = self.editor.widget_for(qid)
            shown = unicodedata.normalize("NFC", widget.edit.text())
            assert shown == first, "the text typed before leaving the section is not shown"
            self.key(widget.edit, Qt.Key.Key_End, modifiers=Qt.KeyboardModifier.ControlModifier)
        self.type_text(widget.edit, second)
        return first + second

    def fill_section(self, section_id: str, away: str | None, words: int) -> None:
        from selfreview.forms.model import Checklist, LongText, MultiChoice, Records, Score, SingleChoice
        expected = self.expected[self.review_id]
        self.go_to(section_id)
        for qid in list(self.editor.page.widgets):
            widget = self.editor.widget_for(qid)
            item = widget.item
            if not item.stores_answer or not widget.isVisibleTo(self.editor.page):
                continue
            if isinstance(item, LongText):
                expected[qid] = self.long_text(section_id, qid, widget, words, away)
                away = None  # once per section
            elif isinstance(item, Score):
                expected[qid] = self.score(widget)
            elif isinstance(item, SingleChoice):
                option = self.rng.choice(item.options).value
                self.click(widget.choices[option].button)
                expected[qid] = option
            elif isinstance(item, MultiChoice):
                chosen = self.rng.sample([o.value for o in item.options], 2)
                for value in chosen:
                    self.click(widget.choices[value].button)
                expected[qid] = [o.value for o in item.options if o.value in chosen]
            elif isinstance(item, Records):
                expected[qid] = self.records(widget, words)
            elif isinstance(item, Checklist):
                expected[qid] = self.checklist(widget, words)
            else:
                raise AssertionError(f"no way to answer {type(item).__name__} {qid}")
            self.pump()

    def score(self, widget: Any) -> float | int:
        from PySide6.QtCore import Qt
        item = widget.item
        steps = int((float(item.max) - float(item.min)) / float(item.step))
        value = float(item.min) + self.rng.randint(steps // 2, steps) * float(item.step)
        text = f"{value:g}".replace(".", ",")
        spin = widget.spin
        self.editor.scroll.ensureWidgetVisible(spin)
        self.key(spin, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier)  # select what is there
        for ch in text:
            key = Qt.Key.Key_Comma if ch == "," else Qt.Key(Qt.Key.Key_0.value + int(ch))
            self.key(spin, key, ch)
        self.key(spin, Qt.Key.Key_Tab)  # on to the next field: the spin box takes the value
        return int(value) if value.is_integer() else value

    def records(self, widget: Any, words: int) -> list[dict[str, Any]]:
        from selfreview.forms.model import LongText, ShortText, SingleChoice
        out = []
        for _ in range(2):
            self.click(widget.add_button)
            editor = widget.records[-1]
            record: dict[str, Any] = {}
            for field in widget.item.fields:
                fw = editor.fields[field.id]
                if isinstance(field, LongText):
                    self.editor.scroll.ensureWidgetVisible(fw.edit)
                    record[field.id] = self.sentence(max(3, words // 4))
                    self.type_text(fw.edit, record[field.id])
                elif isinstance(field, ShortText):
                    record[field.id] = self.sentence(4)[: field.max_length].strip()
                    self.type_text(fw.edit, record[field.id])
                elif isinstance(field, SingleChoice):
                    record[field.id] = self.rng.choice(field.options).value
                    self.click(fw.choices[record[field.id]].button)
                else:
                    raise AssertionError(f"no way to answer the record field {field.id}")
            out.append(record)
        return out

    def checklist(self, widget: Any, words: int) -> dict[str, dict[str, str]]:
        item = widget.item
        out: dict[str, dict[str, str]] = {}
        for bid, row in widget.rows.items():
            freq = self.rng.choice(item.frequencies).value
            self.click(row.choices[freq].button)
            entry = {"frequency": freq}
            if freq in item.explain_when:
                for key, edit in (("example", row.example), ("remedy", row.remedy)):
                    self.editor.scroll.ensureWidgetVisible(edit)
                    entry[key] = self.sentence(max(3, words // 6))[: item.example_max_length].strip()
                    self.type_text(edit, entry[key])
            out[bid] = entry
        return out

    def _save_state(self, state: str, message: Any) -> None:
        self.states[state] = self.states.get(state, 0) + 1
        if state == "error":
            self.save_errors.append(str(message))

    def fill_review(self, profile_id: int, review_id: int, words: int) -> None:
        self.window.open_profile(profile_id, resume=False)
        assert self.window.open_review(review_id)
        self.editor.save_state.connect(self._save_state)
        self.pump()
        self.review_id = review_id
        self.expected[review_id] = {}
        order = list(self.editor.order)
        for n, section_id in enumerate(order):
            self.fill_section(section_id, order[(n + 3) % len(order)], words)


def drive(app: Any, start: Any, args: argparse.Namespace, reviews: list, result: dict) -> None:
    """Inside the app's event loop: wait for the data folder, type, close the window."""
    from PySide6.QtCore import QEventLoop
    from selfreview.ui.tasks import TaskRunner
    t0 = time.monotonic()
    while start.window.ctx is None:
        if time.monotonic() - t0 > 60:
            raise SystemExit("the data folder did not open within 60 s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert isinstance(start.runner, TaskRunner) and not start.runner.synchronous
    window = start.window
    window.activateWindow()
    while not window.isActiveWindow() and time.monotonic() - t0 < 60:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    typist = Typist(app, window, args.keystrokes, args.seed)
    # long texts of about this many words reach the goal over the three forms in one pass
    words, started = args.words, time.monotonic()
    for profile_id, review_id, _form in reviews:
        typist.fill_review(profile_id, review_id, words)
    result.update(expected={str(k): v for k, v in typist.expected.items()}, keystrokes=typist.keys,
                  kinds=typist.kinds, resizes=typist._size,
                  text_sizes=typist._size // 2, section_switches=typist.switches,
                  save_states=dict(typist.states), save_errors=typist.save_errors,
                  typing_seconds=round(time.monotonic() - started, 1))
    window.close()  # closeEvent: flush the autosave and wait for the database writer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--expected", required=True, type=Path)
    parser.add_argument("--keystrokes", type=int, default=20000, help="the least to type (default 20000)")
    parser.add_argument("--words", type=int, default=0, help="words per long text (default: from --keystrokes)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.words:
        # 2A+2B+2C have 32 long texts, 24 record texts and about 30 self-check texts; ~8 keys per word
        args.words = max(8, int(args.keystrokes / 8 / 55 * 1.15))
    t0 = time.monotonic()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    reviews = prepare(args.data_dir)

    from PySide6.QtCore import QSettings, QTimer
    from selfreview.ui.app import AppStart
    from selfreview.ui.settings import AppSettings

    settings = AppSettings(QSettings(str(args.data_dir.parent / "soak-settings.ini"), QSettings.Format.IniFormat))
    dialogs = NoDialogs()
    start = AppStart(str(args.data_dir), settings=settings, dialogs=dialogs)
    status = start.show()
    if status is not None:
        print(f"the app did not start: status {status}", file=sys.stderr)
        return 2
    result: dict[str, Any] = {"reviews": [[p, r, f] for p, r, f in reviews]}
    failure: list[BaseException] = []

    def run() -> None:
        try:
            drive(start.app, start, args, reviews, result)
        except BaseException as e:  # noqa: BLE001 - reported and turned into the exit status
            import traceback
            traceback.print_exc()
            failure.append(e)
            start.window.close()

    QTimer.singleShot(0, run)
    try:
        code = start.app.exec()
    finally:
        start.close()
    result.update(seconds=round(time.monotonic() - t0, 1), exit_code=code, dialogs=dialogs.asked,
                  python=sys.version.split()[0])
    from PySide6 import __version__ as pyside_version
    result["pyside6"] = pyside_version
    args.expected.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "expected"}, ensure_ascii=False))
    if failure or code != 0 or start.failed or dialogs.asked or result.get("save_errors"):
        return 1
    if result.get("keystrokes", 0) < args.keystrokes:
        print(f"only {result.get('keystrokes')} keystrokes typed (wanted {args.keystrokes})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
