"""The dialog service the GUI tests give the app: answers without a modal loop and records what
was asked (the ``dialogs`` fixture, tests/gui/conftest.py)."""

from __future__ import annotations


class FakeDialogs:
    """Answers dialogs without a modal loop and records what was asked."""

    def __init__(self) -> None:
        self.confirm_answers: list[bool] = []
        self.choose_answers: list[int | None] = []  # an index, or None for Cancel
        self.choices: list[list[str]] = []  # the choices each ``choose`` showed
        self.asked: list[tuple[str, str, str]] = []  # (kind, title, text)

    def confirm(self, parent, title, text, ok_text="", detail=""):
        self.asked.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else True

    def choose(self, parent, title, text, choices, ok_text="", detail="", current=0):
        self.asked.append(("choose", title, text))
        self.choices.append(list(choices))
        return self.choose_answers.pop(0) if self.choose_answers else current

    def info(self, parent, title, text, detail=""):
        self.asked.append(("info", title, text))

    def error(self, parent, title, text, detail=""):
        self.asked.append(("error", title, text))

    def open_file(self, *a, **k):
        return None

    def open_files(self, *a, **k):
        return []

    def save_file(self, *a, **k):
        return None
