"""Why a file was refused: a message code from :mod:`selfreview.messages`, in plain words."""

from __future__ import annotations

from selfreview.messages import Message, msg


class Rejected(Exception):
    """A file that cannot be accepted. ``message`` says why, in Vietnamese and English."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.message: Message = msg(code, **params)
        super().__init__(self.message.en)
