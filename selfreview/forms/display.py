"""What a person sees of a template's texts: clean labels.

Some of the app's own labels carry a note about their source or about what is not yet confirmed
("Gợi ý cho mục 2 (chưa xác nhận là dòng gợi ý của mẫu 2025; giống mẫu 2023)"). The bundled
templates keep those notes (their content hash identifies the form a review was written on, so
their text is not changed lightly); the screens show the label without them (``Text.shown``), and the notes with
every source in one "Nguồn văn bản" panel per form (:func:`sources`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfreview.forms.model import Status, Template, Text

# a trailing "( … )" is a note about the text's source when it says one of these
_NOTE_WORDS = ("không thuộc", "chưa xác nhận", "phần của ứng dụng", "phần này không", "not in form",
               "not in the official", "not confirmed", "the app's own", "this part is not")
_TRAILING = re.compile(r"\s*\(([^()]*)\)\s*$")


def clean_label(text: str) -> str:
    """``text`` without a trailing note about its source (see the module's docstring)."""
    m = _TRAILING.search(text)
    if m and any(w in m.group(1).casefold() for w in _NOTE_WORDS):
        return text[:m.start()].rstrip()
    return text


@dataclass(frozen=True)
class Source:
    where: str  # the section (and item) the text belongs to, as shown
    text: str  # the text, whole (with any note)
    status: Status
    src: str  # where the wording comes from ("" for the app's own)


def sources(template: Template, lang: str = "vi") -> list[Source]:
    """Every text of the template with its source and status, in the order of the form."""
    out: list[Source] = []

    def add(where: str, text: Text | None) -> None:
        if text is None:
            return
        out.append(Source(where, text.get(lang), text.status, text.src or ""))

    for part in template.parts:
        add(part.label.shown(lang), part.label)
        for section in part.sections:
            title = section.label.shown(lang)
            add(title, section.label)
            add(title, section.hint)
            for item in section.items:
                add(title, getattr(item, "label", None))
                add(title, getattr(item, "hint", None))
                for bullet in getattr(item, "bullets", None) or ():
                    add(title, bullet)
                for behaviour in getattr(item, "behaviours", None) or ():
                    add(title, behaviour.label)
                for option in getattr(item, "options", None) or ():
                    add(title, getattr(option, "label", None))
    return out
