"""What the commands print goes through :func:`selfreview.safe_text.terminal_text`: a member's name
or a file name holding ESC sequences or text-direction controls is shown with U+FFFD in their
place, never sent raw to the secretary's terminal."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator, TextIO

from selfreview.safe_text import terminal_text


class SafeStream:
    """A text stream that replaces control characters before writing to ``inner``."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(terminal_text(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
