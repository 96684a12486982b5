"""The code runs on Windows too: no POSIX-only module or call outside a guarded branch, and text
files written with a chosen line ending.

The member's PC runs Windows, where ``import fcntl`` fails and ``os.getuid`` does not exist; this
machine runs Linux, so nothing else would notice. The check reads the source tree (``ast``): a
POSIX-only import, ``os`` call or signal counts as guarded inside an ``if``/conditional expression/
``and`` whose test asks about the platform (``os.name``, ``sys.platform``, ``platform.system()``,
``hasattr``/``getattr``, or the guarded module itself: ``if fcntl is not None``), or inside a ``try``
that catches the error it would raise there (``ImportError``/``AttributeError``/…).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# what the shipped app, its build and its set-up run: all of it must at least import on Windows
SCANNED = [ROOT / "selfreview", ROOT / "packaging", ROOT / "tools", ROOT / "bench", ROOT / "dev.py"]
# developer harnesses that kill processes mid-write (fork, SIGKILL) or time them (wait4) on Linux: never
# shipped, never run by dev.py, and meaningless without those calls
POSIX_TOOLS = {ROOT / "tools" / "crash_harness.py", ROOT / "tools" / "crash_modes.py", ROOT / "tools" / "crash_typing.py",
               ROOT / "bench" / "harness.py"}

POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "syslog", "crypt", "spwd"}
WINDOWS_MODULES = {"msvcrt", "winreg", "winsound", "_winapi"}
PLATFORM_MODULES = POSIX_MODULES | WINDOWS_MODULES
POSIX_OS_NAMES = {
    "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "setgid", "seteuid", "setegid",
    "fchmod", "fchown", "chown", "lchown", "lchmod", "fork", "forkpty", "setsid", "getsid", "setpgid",
    "getpgid", "killpg", "nice", "getloadavg", "sync", "mkfifo", "mknod", "statvfs", "fstatvfs", "uname",
    "sched_getaffinity", "sched_setaffinity", "sysconf", "pathconf", "pipe2", "wait3", "wait4",
    "getpriority", "setpriority", "posix_fadvise", "posix_fallocate", "openpty", "ttyname", "ctermid",
    "O_NOFOLLOW", "O_CLOEXEC", "O_DIRECTORY", "O_NONBLOCK", "O_SYNC", "O_DSYNC", "O_NOCTTY",
    "WNOHANG", "EX_OK",
}
# what Python's signal module offers on Windows too
PORTABLE_SIGNAL_NAMES = {
    "signal", "getsignal", "raise_signal", "default_int_handler", "set_wakeup_fd", "valid_signals", "strsignal",
    "SIG_DFL", "SIG_IGN", "Signals", "Handlers", "NSIG",
    "SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK", "CTRL_C_EVENT", "CTRL_BREAK_EVENT",
}
GUARD_NAMES = {"hasattr", "getattr"}
CAUGHT = {"ImportError", "ModuleNotFoundError", "AttributeError", "OSError", "NotImplementedError", "Exception",
          "BaseException"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _is_platform_test(test: ast.AST) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in {("os", "name"), ("sys", "platform"), ("platform", "system")}:
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GUARD_NAMES:
            return True
        if isinstance(node, ast.Name) and node.id in PLATFORM_MODULES:
            return True
    return False


def _catches(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = [handler.type] if not isinstance(handler.type, ast.Tuple) else handler.type.elts
    return any(isinstance(n, ast.Name) and n.id in CAUGHT for n in names)


def _guarded(chain: list[ast.AST]) -> bool:
    """``chain``: the node's ancestors, outermost first, ending with the node itself."""
    for parent, child in zip(chain, chain[1:]):
        if isinstance(parent, (ast.If, ast.IfExp, ast.While)) and child is not parent.test \
                and _is_platform_test(parent.test):
            return True
        if isinstance(parent, ast.Try) and child in parent.body and any(_catches(h) for h in parent.handlers):
            return True
        if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And):
            before = parent.values[:parent.values.index(child)] if child in parent.values else []
            if any(_is_platform_test(v) for v in before):
                return True
    return False


def _problem(node: ast.AST, signal_module: bool) -> str | None:
    """``signal_module``: the file imports the ``signal`` module (elsewhere ``signal`` is, say, a Qt
    signal held in a variable)."""
    if isinstance(node, ast.Import):
        bad = [a.name for a in node.names if a.name.split(".")[0] in PLATFORM_MODULES]
        return f"import {', '.join(bad)}" if bad else None
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        top = node.module.split(".")[0]
        if top in PLATFORM_MODULES:
            return f"from {node.module} import …"
        if top == "os":
            bad = [a.name for a in node.names if a.name in POSIX_OS_NAMES]
            return f"from os import {', '.join(bad)}" if bad else None
        if top == "signal":
            bad = [a.name for a in node.names if a.name not in PORTABLE_SIGNAL_NAMES]
            return f"from signal import {', '.join(bad)}" if bad else None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "os" and node.attr in POSIX_OS_NAMES:
            return f"os.{node.attr}"
        if node.value.id == "signal" and signal_module and node.attr not in PORTABLE_SIGNAL_NAMES:
            return f"signal.{node.attr}"
    return None


def findings_in(source: str, path: str = "<source>") -> list[Finding]:
    """Every POSIX- (or Windows-) only import, ``os`` name and signal in ``source`` outside a guard."""
    found: list[Finding] = []
    tree = ast.parse(source)
    signal_module = any(isinstance(n, ast.Import) and any(a.name == "signal" for a in n.names) for n in ast.walk(tree))

    def visit(node: ast.AST, chain: list[ast.AST]) -> None:
        chain = chain + [node]
        what = _problem(node, signal_module)
        if what is not None and not _guarded(chain):
            found.append(Finding(path, getattr(node, "lineno", 0), what))
        for child in ast.iter_child_nodes(node):
            visit(child, chain)

    visit(tree, [])
    return found


def _text_writes(source: str, path: str) -> list[Finding]:
    """``open(..., "w")`` in text mode and ``write_text(...)`` must say ``newline=``: otherwise Windows
    writes CRLF where Linux writes LF, and the same export differs by platform."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        keywords = {k.arg for k in node.keywords}
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "write_text" and "newline" not in keywords:
            found.append(Finding(path, node.lineno, "write_text without newline="))
        if name in ("open", "fdopen") and "newline" not in keywords:
            mode = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "mode"), None)
            if isinstance(mode, ast.Constant) and isinstance(mode.value, str) \
                    and set(mode.value) & set("wax") and "b" not in mode.value:
                found.append(Finding(path, node.lineno, f"open(mode={mode.value!r}) without newline="))
    return found


def _sources() -> list[Path]:
    files: list[Path] = []
    for entry in SCANNED:
        if entry.is_file():
            files.append(entry)
        else:
            files += sorted(entry.rglob("*.py")) + sorted(entry.rglob("*.spec"))
    return [f for f in files if f not in POSIX_TOOLS]


def test_the_source_tree_has_no_unguarded_posix_only_code():
    files = _sources()
    assert len(files) > 100 and ROOT / "selfreview" / "services" / "instance.py" in files
    found = [f for p in files for f in findings_in(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert not found, "POSIX-only code that fails on Windows:\n" + "\n".join(map(str, found))


def test_the_app_writes_text_files_with_a_chosen_line_ending():
    found = [f for p in sorted((ROOT / "selfreview").rglob("*.py"))
             for f in _text_writes(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert not found, "text written in the platform's line ending:\n" + "\n".join(map(str, found))


def test_the_check_finds_what_it_is_meant_to_find():
    # the old services/instance.py: fcntl imported inside a method, no guard
    old_lock = "def acquire(self):\n    import errno\n    import fcntl\n    fcntl.flock(fd, fcntl.LOCK_EX)\n"
    assert [f.what for f in findings_in(old_lock)] == ["import fcntl"]
    assert [f.what for f in findings_in("import os\nuid = os.getuid()\n")] == ["os.getuid"]
    assert [f.what for f in findings_in("import signal\nos.kill(pid, signal.SIGKILL)\n")] == ["signal.SIGKILL"]
    assert findings_in("signal = self.changed\nsignal.connect(slot)\n") == []  # a Qt signal, not the module
    assert [f.what for f in findings_in("from os import fchmod\n")] == ["from os import fchmod"]
    assert [f.what for f in findings_in("import msvcrt\n")] == ["import msvcrt"]
    # … and lets the guarded forms through
    guarded = [
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n",
        "if os.name == 'posix':\n    import pwd\n",
        "if sys.platform == 'win32':\n    import msvcrt\nelse:\n    import fcntl\n",
        "uid = str(os.getuid()) if hasattr(os, 'getuid') else ''\n",
        "if hasattr(os, 'nice'):\n    os.nice(5)\n",
        "root = hasattr(os, 'geteuid') and os.geteuid() == 0\n",
        "flags = getattr(os, 'O_NOFOLLOW', 0)\n",
        "import signal\nsignal.signal(signal.SIGTERM, handler)\n",
        "if fcntl is not None:\n    x = os.O_CLOEXEC\n",
    ]
    for source in guarded:
        assert findings_in(source) == [], source
    assert [f.what for f in _text_writes("open(p, 'w', encoding='utf-8')\np.write_text(s)\n", "x")] == \
        ["open(mode='w') without newline=", "write_text without newline="]
    assert _text_writes("open(p, 'w', newline='')\nopen(p, 'wb')\nopen(p)\np.write_text(s, newline='\\n')\n", "x") == []
