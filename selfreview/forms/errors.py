"""The one error a template can raise: it names the file, the place in it and the reason."""

from __future__ import annotations


class TemplateError(Exception):
    def __init__(self, file: str, place: str, reason: str) -> None:
        self.file = file
        self.place = place
        self.reason = reason
        super().__init__(f"{file}: {place}: {reason}" if place else f"{file}: {reason}")


class TemplateErrors(Exception):
    """Several problems in one template; ``errors`` lists each."""

    def __init__(self, errors: list[TemplateError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
