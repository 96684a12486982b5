"""The one error a template can raise: it names the file, the place in it and the reason, each
readable in both languages (``text(lang)``; ``str()`` is the English, for logs and exceptions)."""

from __future__ import annotations

from selfreview.messages import Message, msg

Words = Message | str  # a place or a reason; a plain string is a key or an id, the same in both languages


def words(value: Words, lang: str) -> str:
    return value.get(lang) if isinstance(value, Message) else value


def place_of(*steps: Words) -> Message:
    """Steps of a place in the file, joined with " > " in each language."""
    return Message("forms.place", " > ".join(words(s, "vi") for s in steps if words(s, "vi")),
                   " > ".join(words(s, "en") for s in steps if words(s, "en")))


def named(what: str, ident: object) -> Message:
    """``part 'a'`` / ``phần “a”``: ``what`` is a key of ``forms.what.*``."""
    label = msg(f"forms.what.{what}")
    return msg("forms.place.named", what=label.vi, what_en=label.en, id=ident)


class TemplateError(Exception):
    def __init__(self, file: str, place: Words, reason: Words) -> None:
        self.file = file
        self.place = place
        self.reason = reason
        super().__init__(self.text("en"))

    def text(self, lang: str = "vi") -> str:
        place, reason = words(self.place, lang), words(self.reason, lang)
        return f"{self.file}: {place}: {reason}" if place else f"{self.file}: {reason}"


class TemplateErrors(Exception):
    """Several problems in one template; ``errors`` lists each."""

    def __init__(self, errors: list[TemplateError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
