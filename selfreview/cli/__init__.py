"""The command line: ``selfreview [--data-dir DIR] COMMAND ...``; with no command, the desktop app.

``selfreview [--data-dir DIR] FILE.selfreview-invite|FILE.selfreview`` is the desktop app opening that
file (what a double-click runs: packaging/linux/selfreview.desktop, packaging/windows/selfreview.iss);
if the app is already open on that data folder, the file goes to it (ui/single_instance.py).

Each command lives in its own module with ``register(subparsers, common)``; handlers return the
exit status.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Sequence

from selfreview import __version__

if TYPE_CHECKING:
    import argparse

COMMAND_MODULES = ("forms_cmd", "list_cmd", "exchange_cmd", "demo_cmd", "report_cmd", "doctor_cmd", "roster_cmd",
                   "keys_cmd", "docx_cmd", "committee_cmd")


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not on the way to the desktop app (``_app_only``): every millisecond before its window counts

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="data directory (default: SELFREVIEW_DATA_DIR or the per-user data folder)")
    common.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help="language of the messages (default: SELFREVIEW_LANG, else the desktop app's "
                             "setting, else vi)")
    from selfreview.cli.parser import Parser  # argparse's errors in the command line's language

    parser = Parser(
        prog="selfreview", parents=[common],
        description="Bản kiểm điểm cá nhân — annual self-review, offline. With no command: the desktop app.")
    parser.add_argument("--version", action="version", version=f"selfreview {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib
    for name in COMMAND_MODULES:
        importlib.import_module(f"selfreview.cli.{name}").register(sub, common)
    return parser


# the files a double-click hands to the app (services/exchange.py INVITE_SUFFIX, RESPONSE_SUFFIX)
OPENED_SUFFIXES = (".selfreview-invite", ".selfreview")


def _app_only(argv: list[str]) -> tuple[bool, str | None, str | None]:
    """(True, data dir, file) when the arguments name no command: only ``--data-dir DIR`` or nothing,
    and at most one exchange file to open (``selfreview FILE.selfreview-invite``, a double-click)."""
    data_dir = None
    if len(argv) >= 2 and argv[0] == "--data-dir":
        data_dir, argv = argv[1], argv[2:]
    elif argv and argv[0].startswith("--data-dir="):
        data_dir, argv = argv[0].split("=", 1)[1], argv[1:]
    if not argv:
        return True, data_dir, None
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0].lower().endswith(OPENED_SUFFIXES):
        return True, data_dir, argv[0]
    return False, None, None


def main(argv: Sequence[str] | None = None) -> int:
    app_only, data_dir, opened = _app_only(list(sys.argv[1:] if argv is None else argv))
    if app_only:
        from selfreview.ui.app import run_app  # Qt is imported only for the desktop app
        return run_app(data_dir, opened)
    from selfreview.cli.lang import resolve, set_lang
    from selfreview.cli.parser import lang_in

    set_lang(resolve(lang_in(list(sys.argv[1:] if argv is None else argv))))  # argparse's errors use it
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    if args.command is None:
        from selfreview.ui.app import run_app  # Qt is imported only for the desktop app
        return run_app(data_dir)
    from selfreview.services.errors import ServiceError
    from selfreview.services.safety import DatabaseDamaged

    from selfreview.cli.safe_output import safe_output

    lang = resolve(getattr(args, "lang", None))
    set_lang(lang)
    args.lang = lang
    with safe_output():  # no control character reaches the terminal (issue 14)
        return _run(args, data_dir, ServiceError, DatabaseDamaged)


def _run(args, data_dir, ServiceError, DatabaseDamaged) -> int:  # noqa: N803 - the classes, imported late
    from selfreview.cli.lang import lang, say
    from selfreview.cli.out_path import out_problem, write_error

    error = say("lỗi", "error")
    out = getattr(args, "out", None) if hasattr(args, "force") else None  # a FILE to write (not demo's DIR)
    if out:
        problem = out_problem(out, args.force)
        if problem is not None:
            print(f"{error}: {problem.get(lang())}", file=sys.stderr)
            return 1
    try:
        return args.handler(args, data_dir)
    except BrokenPipeError:
        return 0
    except OSError as e:
        if not out:
            raise
        problem = write_error(out, e)
        print(f"{error}: {problem.get(lang())}", file=sys.stderr)
        return 1
    except DatabaseDamaged as e:
        print(f"{error}: {e.message.get(lang())}", file=sys.stderr)
        print("       → selfreview doctor --restore", file=sys.stderr)
        return 1
    except ServiceError as e:
        print(f"{error}: {e.message.get(lang())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(say("đã dừng", "interrupted"), file=sys.stderr)
        return 130
