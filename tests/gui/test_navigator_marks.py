"""The navigator's marks ("1/2", a check mark) follow the answers, and a keystroke that changes no
mark touches no item: every item set again made the view measure all its rows again (about 30 ms a
keystroke on a slow PC, found by tests/gui/test_typing_soak.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from selfreview.forms import registry
from selfreview.forms.answers import section_completion
from selfreview.ui.navigator import Navigator


def test_marks_follow_the_answers_and_nothing_is_set_again(qtbot):
    template = registry.find("hd43-2025-2b", None).template
    nav = Navigator(template, "vi")
    qtbot.addWidget(nav)
    nav.show()
    changes: list[int] = []
    nav.model().dataChanged.connect(lambda a, b, roles=(): changes.append(a.row()))
    answers: dict = {}
    nav.set_completion(section_completion(template, answers))
    item = nav.items["a_ii"]
    assert item.text(1) == "0/2"
    assert item.data(1, Qt.ItemDataRole.AccessibleTextRole) == "0 of 2 answered"  # no translator installed
    changes.clear()
    for text in ("K", "Kh", "Khắc phục"):  # typing into a question whose section mark does not change
        answers["a2_shortcomings"] = text
        nav.set_completion(section_completion(template, answers))
        if text == "K":
            assert item.text(1) == "1/2" and changes  # the first letter changes the mark
            changes.clear()
    assert changes == []  # the next letters change nothing
    answers["a2_causes"] = "Chủ quan"
    nav.set_completion(section_completion(template, answers))
    assert item.text(1) == "2/2" and changes
    assert item.icon(1).cacheKey() == nav._done.cacheKey()
    del answers["a2_causes"]
    nav.set_completion(section_completion(template, answers))
    assert item.text(1) == "1/2" and item.icon(1).cacheKey() == nav._open.cacheKey()
