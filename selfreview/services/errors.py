"""The error services raise: it carries a bilingual message a person can act on."""

from __future__ import annotations

from selfreview.messages import Message, msg


class ServiceError(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.vi)

    @classmethod
    def of(cls, code: str, **params: object) -> "ServiceError":
        return cls(msg(code, **params))


class NotFound(ServiceError):
    pass


class Locked(ServiceError):
    pass
