"""The main window's menus: File, Review, View, Help, and which of their actions are enabled.

The texts keep the ``MainWindow`` translation context (they were the window's own ``tr``): PySide6's
``tr()`` takes the object's class as context, so they are translated here with it named.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from selfreview.ui import i18n
from selfreview.ui.settings import TEXT_SIZES, text_size_name

translate = QCoreApplication.translate

# actions that need the data folder: off while the window waits for it (``MainWindow.attach``)
NEEDS_DATA = ("home", "save", "switch", "invite", "secretary", "security", "committee", "new", "check", "finalize",
        "revision", "send", "pdf", "word", "next", "previous", "focus")


def _action(w: Any, menu: Any, text: str, slot: Any, keys: Any = None, name: str = "") -> QAction:
    action = QAction(text, w)
    if keys is not None:
        action.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
    action.triggered.connect(slot)
    action.setObjectName(name)
    menu.addAction(action)
    w.actions_by_name[name] = action
    return action


def build_menus(w: Any) -> None:
    """The window's menu bar, made again on a change of language."""
    bar = w.menuBar()
    bar.clear()
    w.actions_by_name = {}
    file = bar.addMenu(translate("MainWindow", "&File"))
    _action(w, file, translate("MainWindow", "&Home"), w.show_home, "Alt+Home", "home")
    _action(w, file, translate("MainWindow", "&Save now"), w.save_now, QKeySequence.StandardKey.Save, "save")
    _action(w, file, translate("MainWindow", "Switch &person…"), w._switch_person, None, "switch")
    _action(w, file, translate("MainWindow", "Open an &invitation from the secretary…"), lambda: w._member_menu("invite"),
        None, "invite")
    _action(w, file, translate("MainWindow", "Cell se&cretary's workspace"), w.show_secretary, "Ctrl+B", "secretary")
    _action(w, file, translate("MainWindow", "Securit&y of my key…"), w.show_security, None, "security")
    _action(w, file, translate("MainWindow", "Co&mmittee: results of the organisations"), w.show_committee, None,
        "committee")
    file.addSeparator()
    _action(w, file, translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit, "quit")
    review = bar.addMenu(translate("MainWindow", "&Review"))
    _action(w, review, translate("MainWindow", "Create a &new review…"), w._new_review, "Ctrl+N", "new")
    _action(w, review, translate("MainWindow", "&Check for problems"), w._check, "F7", "check")
    _action(w, review, translate("MainWindow", "Finali&ze…"), lambda: w.editor and w.editor.finalize(), None, "finalize")
    _action(w, review, translate("MainWindow", "New &revision"), lambda: w.editor and w.editor.new_revision(), None,
        "revision")
    _action(w, review, translate("MainWindow", "&Send to the cell…"), lambda: w._member_menu("send"), None, "send")
    _action(w, review, translate("MainWindow", "&Export PDF…"), lambda: w._member_menu("pdf"), None, "pdf")
    _action(w, review, translate("MainWindow", "Export as &Word…"), lambda: w._member_menu("word"), None, "word")
    review.aboutToShow.connect(w._update_actions)  # Home's selection decides "send" and "pdf"
    review.addSeparator()
    _action(w, review, translate("MainWindow", "Ne&xt section"), lambda: w.editor and w.editor.next_section(1),
        "Ctrl+PgDown", "next")
    _action(w, review, translate("MainWindow", "&Previous section"), lambda: w.editor and w.editor.next_section(-1),
        "Ctrl+PgUp", "previous")
    _action(w, review, translate("MainWindow", "Switch between sections and &form"), w._toggle_focus, "F6", "focus")
    view = bar.addMenu(translate("MainWindow", "&View"))
    sizes = view.addMenu(translate("MainWindow", "&Text size"))
    group = QActionGroup(w)
    for key, _name, _pt in TEXT_SIZES:
        action = _action(w, sizes, text_size_name(key), lambda _c=False, k=key: w.set_text_size(k), None,
                         f"size_{key}")
        action.setCheckable(True)
        action.setChecked(key == w.settings.text_size)
        group.addAction(action)
    _action(w, view, translate("MainWindow", "&Larger text"), lambda: w._step_text(1),
        [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], "larger")
    _action(w, view, translate("MainWindow", "&Smaller text"), lambda: w._step_text(-1), "Ctrl+-", "smaller")
    _action(w, view, translate("MainWindow", "&Normal text size"), lambda: w.set_text_size("normal"), "Ctrl+0", "normal")
    languages = view.addMenu(translate("MainWindow", "L&anguage"))
    lgroup = QActionGroup(w)
    for code, name in i18n.LANGUAGES:
        action = _action(w, languages, name, lambda _c=False, c=code: w.set_language(c), None, f"lang_{code}")
        action.setCheckable(True)
        action.setChecked(code == i18n.language())
        lgroup.addAction(action)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _action(w, help_menu, translate("MainWindow", "&User guide"), w.show_guide, "F1", "guide")
    _action(w, help_menu, translate("MainWindow", "&Keyboard shortcuts"), w.show_shortcuts, "Shift+F1", "shortcuts")
    _action(w, help_menu, translate("MainWindow", "&Sources of the forms' wording"), w.show_sources, None, "sources")
    _action(w, help_menu, translate("MainWindow", "&About"), w._about, None, "about")
    update_actions(w)


def update_actions(w: Any) -> None:
    """Each action enabled when it can do something on the page shown."""
    if not hasattr(w, "actions_by_name"):
        return
    if w.ctx is None:  # still opening the data folder: only the view and help menus work
        for name in NEEDS_DATA:
            w.actions_by_name[name].setEnabled(False)
        return
    from selfreview.ui.member_actions import menu_state as member_menu_state
    editor, has_profile = w.editor, w.profile is not None
    draft = editor is not None and not editor.locked
    enabled = {"home": has_profile and not w._page_is("HomePage"), "save": editor is not None,
               "switch": has_profile, "security": has_profile, "secretary": True, "committee": True,
               "new": has_profile, "check": draft, "finalize": draft,
               "revision": editor is not None and editor.locked and editor.detail.summary.is_current,
               "next": editor is not None, "previous": editor is not None, "focus": editor is not None}
    enabled.update(member_menu_state(w))
    for name, on in enabled.items():
        w.actions_by_name[name].setEnabled(on)
    if editor is not None:
        editor.finalize_button.setVisible(draft)
