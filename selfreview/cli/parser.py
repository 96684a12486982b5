"""The command line's argument parser: argparse's own error messages ("the following arguments are
required: …", "invalid choice: …") in the command line's language (:mod:`selfreview.cli.lang`), which
is chosen from ``--lang`` before the arguments are parsed (:func:`lang_in`). The help texts stay as
argparse writes them."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn, Sequence

from selfreview.cli.lang import LANGS, say

_TYPES_VI = {"int": "số nguyên", "float": "số"}

# argparse's messages (Python 3.11–3.13) and their Vietnamese; the last catches "argument X: <our own
# ArgumentTypeError text>", which is already in the command line's language
_VI = (
    (r"the following arguments are required: (.*)", lambda m: f"thiếu tham số bắt buộc: {m[1]}"),
    (r"argument (.+?): invalid choice: (.*?) \(choose from (.*)\)",
     lambda m: f"tham số {m[1]}: không có lựa chọn {m[2]} (chọn một trong: {m[3]})"),
    (r"argument (.+?): invalid (\w+) value: (.*)",
     lambda m: f"tham số {m[1]}: {m[3]} không phải {_TYPES_VI.get(m[2], m[2])} hợp lệ"),
    (r"argument (.+?): expected one argument", lambda m: f"tham số {m[1]}: cần một giá trị"),
    (r"argument (.+?): expected at least one argument", lambda m: f"tham số {m[1]}: cần ít nhất một giá trị"),
    (r"argument (.+?): expected at most one argument", lambda m: f"tham số {m[1]}: chỉ nhận tối đa một giá trị"),
    (r"argument (.+?): not allowed with argument (.*)", lambda m: f"tham số {m[1]}: không dùng cùng với {m[2]}"),
    (r"argument (.+?): ignored explicit argument (.*)", lambda m: f"tham số {m[1]}: không nhận giá trị {m[2]}"),
    (r"one of the arguments (.*) is required", lambda m: f"cần một trong các tham số {m[1]}"),
    (r"unrecognized arguments: (.*)", lambda m: f"tham số không nhận ra: {m[1]}"),
    (r"ambiguous option: (.*) could match (.*)", lambda m: f"tùy chọn {m[1]} chưa rõ, có thể là {m[2]}"),
    (r"argument (.+?): (.*)", lambda m: f"tham số {m[1]}: {m[2]}"),
)


def vietnamese(message: str) -> str:
    """argparse's English ``message`` in Vietnamese (unchanged if it is not one argparse writes)."""
    for pattern, make in _VI:
        m = re.fullmatch(pattern, message, re.DOTALL)
        if m:
            return make(m)
    return message


def lang_in(argv: Sequence[str]) -> str | None:
    """The last ``--lang vi|en`` (or ``--lang=…``) among the arguments, before they are parsed."""
    found = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else \
            arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if value in LANGS:
            found = value
    return found


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are in the command line's language (the sub-commands' parsers
    are of this class too: argparse makes them of their parent's)."""

    def error(self, message: str) -> NoReturn:
        usage = self.format_usage()
        sys.stderr.write(say(usage.replace("usage: ", "cách dùng: ", 1), usage))
        text = say(vietnamese(message), message)
        self.exit(2, f"{self.prog}: {say('lỗi', 'error')}: {text}\n")
