"""The main window: one page at a time (first run, profile picker, Home, the form), the menus with
their shortcuts, the quiet "Saved" indicator, and the last place remembered.

The window can exist before the data folder is open (``ui/app.py`` shows it first, so the person
sees the app at once): ``MainWindow(None, settings, None, dialogs, translators)`` is the window with
its menus, title and status bar and a centred "Opening your data…"; ``attach(ctx, runner)`` then
makes it the whole app and shows the first page. ``MainWindow(ctx, settings, runner, ...)`` does
both at once. The pages' modules (and through them the services, SQLAlchemy, the form model) are
imported only when a page is built, so importing this module stays light.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from selfreview.ui import i18n, screen_fit
from selfreview.ui.i18n import arg
from selfreview.ui.main_menus import build_menus, update_actions
from selfreview.ui.dialogs import DialogService
from selfreview.ui.settings import (
    TEXT_SIZES, AppSettings, GeometryMixin, apply_text_size, point_size,
)

if TYPE_CHECKING:
    from selfreview.ui.first_run import FirstRunPage
    from selfreview.ui.help import ShortcutsDialog
    from selfreview.ui.home import HomePage
    from selfreview.ui.review_editor import ReviewEditor

# the pages' classes by name, and their modules (imported when the first such page is built)
_PAGES = {"HomePage": "selfreview.ui.home", "ReviewEditor": "selfreview.ui.review_editor",
          "FirstRunPage": "selfreview.ui.first_run", "ProfilePickerPage": "selfreview.ui.profile_picker"}


def _page_class(name: str) -> type:
    """A page class by name, its module imported on first use (see the module's docstring)."""
    return getattr(importlib.import_module(_PAGES[name]), name)


def _is_page(page: Any, name: str) -> bool:
    """``isinstance(page, <name>)`` without importing the page's module (if it is not imported, no
    such page exists)."""
    module = sys.modules.get(_PAGES[name])
    return page is not None and module is not None and isinstance(page, getattr(module, name))


def screen_fit_scale(text_size: str) -> float:
    """How much larger than at the normal size the window would like to be with this text size."""
    return point_size(text_size) / point_size("normal")


class MainWindow(GeometryMixin, QMainWindow):
    geometry_key = "main_window"

    def __init__(self, ctx: Any, settings: AppSettings, runner: Any, dialogs: Any = None,
                 translators: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx, self.settings, self.runner = None, settings, None
        self.dialogs = dialogs or DialogService(self)
        self.translators = translators
        self.profile = None
        self.page: QWidget | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        # "Opening your data…", centred by stretches (no Qt.AlignmentFlag: the first use of the Qt
        # namespace from Python builds all its enums, ≈ 13 ms before the window could be shown)
        self.opening: QWidget | None = QWidget(self.stack)
        self.opening_message = QLabel(self.tr("Opening your data…"), self.opening)
        self.opening_message.setObjectName("openingMessage")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.opening_message)
        row.addStretch(1)
        column = QVBoxLayout(self.opening)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.stack.addWidget(self.opening)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.setWindowTitle(self.tr("Self-review"))
        self._build_menus()
        if not self.restore_geometry(settings) or not screen_fit.fits_screen(self):
            screen_fit.place(self, screen_fit_scale(settings.text_size))
        if ctx is not None:
            self.attach(ctx, runner)

    def attach(self, ctx: Any, runner: Any) -> None:
        """The data folder is open: become the whole app, on the first page (first run, the profile
        picker, Home or the last form)."""
        if self.ctx is not None:
            raise RuntimeError("the main window already has its data folder")
        self.ctx, self.runner = ctx, runner
        self.runner.error.connect(self._background_error)
        from selfreview.ui.operations import changes_of
        changes_of(runner).changed.connect(self._changed)
        self.start()

    # -- pages ----------------------------------------------------------------------------------------
    def _page_is(self, name: str) -> bool:
        return _is_page(self.page, name)

    @property
    def editor(self) -> ReviewEditor | None:
        return self.page if self._page_is("ReviewEditor") else None  # type: ignore[return-value]

    @property
    def home(self) -> HomePage | None:
        return self.page if self._page_is("HomePage") else None  # type: ignore[return-value]

    def may_leave(self) -> bool:
        """Before the form goes away (another page, closing the window): everything typed is saved,
        or the person chose to leave although some of it could not be (autosave.SaveProblem)."""
        unsaved = self.page.unsaved() if hasattr(self.page, "unsaved") else []
        if not unsaved:
            return True
        lines = [arg(self.tr("%1: %2"), p.label, i18n.pick(p.reason)) if p.reason is not None
                 else arg(self.tr("%1: still being saved"), p.label) for p in unsaved]
        return self.dialogs.confirm(
            self, self.tr("Some changes are not saved"),
            self.tr("Some of what you typed could not be saved yet. If you leave now, it is lost."),
            self.tr("Leave without saving"),
            "\n".join(lines) + "\n\n" + self.tr("Cancel to stay: the app keeps trying, and the text stays "
                                                  "on screen so you can copy it."))

    def _set_page(self, page: QWidget) -> bool:
        """Show ``page`` instead of the current one; False (and ``page`` dropped) when the person
        chose to stay on a form whose changes are not all saved."""
        old = self.page
        if old is not None and old is not page and not self.may_leave():
            if hasattr(page, "close_editor"):
                page.close_editor()
            page.deleteLater()
            return False
        if hasattr(old, "close_editor"):  # the form, and the secretary's workspace (a form may be open in it)
            old.close_editor()
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.page = page
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        if self.opening is not None:  # the first page replaces "Opening your data…"
            self.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
        self.saved_label.clear()
        self._update_actions()
        return True

    def start(self) -> None:
        profiles = self.ctx.profiles.list()
        if not profiles:
            self.show_first_run(ask_language=not self.settings.language_chosen)
        elif len(profiles) == 1:
            self.open_profile(profiles[0].id)
        else:
            self.show_picker()

    def show_first_run(self, ask_language: bool = True, cancellable: bool = False) -> FirstRunPage:
        page = _page_class("FirstRunPage")(self.ctx, self.runner, self.dialogs, ask_language, cancellable)
        page.language_chosen.connect(self._first_run_language)
        page.profile_created.connect(lambda p: self.open_profile(p.id))
        page.cancelled.connect(self.show_picker)
        self._set_page(page)
        self.setWindowTitle(self.tr("Self-review"))
        if not ask_language:
            page.show_profile_step()
        return page

    def _first_run_language(self, lang: str) -> None:
        self.set_language(lang, rebuild=False)
        self.show_first_run(ask_language=False, cancellable=False)

    def show_picker(self) -> None:
        page = _page_class("ProfilePickerPage")(self.ctx, self.settings.last_profile)
        page.chosen.connect(self.open_profile)
        page.add_requested.connect(lambda: self.show_first_run(ask_language=False, cancellable=True))
        self._set_page(page)
        self.setWindowTitle(self.tr("Self-review"))

    def open_profile(self, profile_id: int, resume: bool = True) -> None:
        self.profile = self.ctx.profiles.get(profile_id)
        self.settings.last_profile = profile_id
        self.setWindowTitle(arg(self.tr("Self-review — %1"), self.profile.full_name))
        last = self.settings.last_review(profile_id) if resume else None
        if last is not None and self.open_review(last):
            return
        if resume and self._runs_a_round(profile_id) and self.show_secretary() is not None:
            return  # the cell secretary with a round in hand starts where her work is
        self.show_home()

    def _runs_a_round(self, profile_id: int) -> bool:
        """This profile is the cell secretary and a round is open (no deadline, or one less than three
        months ago)."""
        from datetime import date, timedelta
        secretary = self.ctx.profiles.secretary()
        if secretary is None or secretary.id != profile_id:
            return False
        soon = date.today() - timedelta(days=90)
        return any(r.deadline is None or r.deadline >= soon for r in self.ctx.cells.list_rounds())

    def show_home(self) -> None:
        if self.profile is None:
            self.start()
            return
        self.settings.set_last_review(self.profile.id, None)
        page = _page_class("HomePage")(self.ctx, self.runner, self.dialogs, self.profile)
        page.open_review.connect(self.open_review)
        self._set_page(page)
        page.table.setFocus()

    def _changed(self, change: Any) -> None:
        """The operations layer announced a change (ui/operations.py): the current profile's name
        is in the title."""
        from selfreview.ui.operations import PROFILE
        if self.profile is not None and change.touches(PROFILE) and change.about == self.profile.id:
            self.profile = self.ctx.profiles.get(self.profile.id)
            self.setWindowTitle(arg(self.tr("Self-review — %1"), self.profile.full_name))

    def open_review(self, review_id: int, section_id: str | None = None) -> bool:
        """Open the form of one of the current profile's reviews; False if it is not theirs / gone."""
        from selfreview.services.errors import ServiceError
        try:
            summary = self.ctx.reviews.open(review_id).summary
        except ServiceError:
            return False
        if self.profile is None or summary.profile_id != self.profile.id:
            return False
        editor = _page_class("ReviewEditor")(self.ctx, self.runner, self.dialogs, self.settings, review_id, section_id)
        editor.save_state.connect(self._save_state)
        editor.go_home.connect(self.show_home)
        editor.review_replaced.connect(self.open_review)
        editor.reloaded.connect(self._update_actions)
        if self._set_page(editor):
            self.settings.set_last_review(self.profile.id, review_id)
            editor.focus_form()
        return True

    # -- menus (ui/main_menus.py) ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        build_menus(self)

    def _update_actions(self) -> None:
        update_actions(self)

    # -- actions ----------------------------------------------------------------------------------------
    def _member_menu(self, name: str) -> None:
        from selfreview.ui.member_actions import menu_trigger
        menu_trigger(self, name)

    def save_now(self) -> None:
        if self.editor is not None:
            self.editor.save_now()

    def _check(self) -> None:
        if self.editor is not None:
            self.editor.run_check()

    def _new_review(self) -> None:
        if self.profile is None:
            return
        if self.home is None:
            self.show_home()
        self.home.new_review()

    def _switch_person(self) -> None:
        if self.editor is not None:
            self.editor.flush(wait=True)
        if self.profile is not None:
            self.settings.set_last_review(self.profile.id, None)
        self.profile = None
        self.show_picker()

    def _toggle_focus(self) -> None:
        editor = self.editor
        if editor is None:
            return
        if editor.navigator.hasFocus():
            editor.focus_form()
        else:
            editor.focus_navigator()

    def set_text_size(self, key: str) -> None:
        self.settings.text_size = key
        apply_text_size(key)
        action = self.actions_by_name.get(f"size_{key}")
        if action is not None:
            action.setChecked(True)

    def _step_text(self, step: int) -> None:
        keys = [k for k, _, _ in TEXT_SIZES]
        i = max(0, min(len(keys) - 1, keys.index(self.settings.text_size) + step))
        self.set_text_size(keys[i])

    def set_language(self, lang: str, rebuild: bool = True) -> None:
        """Switch the language at once: translators, menus, and the page rebuilt in place."""
        self.settings.language = lang
        if self.translators is not None:
            self.translators.install(lang)
        else:
            i18n.set_language(lang)
        self._build_menus()
        if self.opening is not None:
            self.opening_message.setText(self.tr("Opening your data…"))
        if not rebuild:
            return
        editor = self.editor
        if editor is not None:
            review_id, section = editor.review_id, editor.current_section
            editor.flush(wait=True)
            self.open_review(review_id, section)
        elif self._page_is("HomePage"):
            self.show_home()
        elif self._page_is("ProfilePickerPage"):
            self.show_picker()
        elif self._page_is("FirstRunPage"):
            self.show_first_run(ask_language=self.page.language_step is not None)
        elif getattr(self.page, "objectName", lambda: "")() == "secretaryWorkspace":
            self.show_secretary(self.page.tabs.currentIndex())
        if self.profile is not None:
            self.setWindowTitle(arg(self.tr("Self-review — %1"), self.profile.full_name))

    def show_secretary(self, tab: int | None = None) -> Any:
        """The cell secretary's workspace (selfreview/ui/secretary), in place of the current page."""
        from selfreview.ui.secretary.workspace import SecretaryWorkspace, ensure_secretary
        if not ensure_secretary(self.ctx, self.dialogs, self, self.profile, self.runner):
            return None
        page = SecretaryWorkspace(self.ctx, self.runner, self.dialogs, self.settings)
        page.go_home.connect(self.show_home)
        self._set_page(page)
        if tab is not None:
            page.tabs.setCurrentIndex(tab)
        self.setWindowTitle(self.tr("Self-review — cell secretary"))
        return page

    def show_committee(self) -> Any:
        """The committee's page (selfreview/ui/committee): the organisations' results, decisions."""
        from selfreview.ui.committee.page import CommitteePage
        page = CommitteePage(self.ctx, self.runner, self.dialogs)
        page.go_home.connect(self.show_home)
        self._set_page(page)
        self.setWindowTitle(self.tr("Self-review — committee"))
        return page

    def show_shortcuts(self) -> ShortcutsDialog:
        from PySide6.QtCore import Qt

        from selfreview.ui.help import ShortcutsDialog
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.shortcuts_dialog = dialog
        return dialog

    def show_guide(self, page: str | None = None) -> Any:
        """Help → the user guide (F1), offline, in the app's language (``ui/guide.py``)."""
        from PySide6.QtCore import Qt

        from selfreview.ui.guide import GuideDialog
        dialog = GuideDialog(self, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.guide_dialog = dialog
        return dialog

    def show_security(self) -> Any:
        """File → Security of my key: from Home, in its own dialog (``ui/security_dialog.py``)."""
        if self.profile is None:
            return None
        if self.home is None:
            self.show_home()
        return self.home.open_security()

    def show_sources(self) -> Any:
        """Help → the sources of the forms' wording ("Nguồn văn bản"), on the open form's."""
        from PySide6.QtCore import Qt

        from selfreview.ui.sources_dialog import SourcesDialog
        template_id = self.editor.template.id if self.editor is not None else None
        dialog = SourcesDialog(template_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _about(self) -> None:
        from selfreview.ui.help import about_text
        title, text = about_text()
        self.dialogs.info(self, title, text)

    # -- saving state -----------------------------------------------------------------------------------
    def _save_state(self, state: str, message: Any) -> None:
        texts = {"pending": self.tr("Saving…"), "saving": self.tr("Saving…"), "saved": self.tr("Saved")}
        if state == "error" and hasattr(message, "label"):  # autosave.SaveProblem: which field, why
            reason = i18n.pick(message.reason)
            text = (arg(self.tr("Not saved: “%1” (%2). Trying again…"), message.label, reason) if message.retrying
                    else arg(self.tr("Not saved: “%1” (%2)"), message.label, reason))
        elif state == "error":
            text = arg(self.tr("Not saved: %1"), i18n.pick(message) if message is not None else "")
        else:
            text = texts.get(state, "")
        self.saved_label.setText(text)
        self.saved_label.setProperty("state", state)
        self.saved_label.style().unpolish(self.saved_label)
        self.saved_label.style().polish(self.saved_label)

    def _background_error(self, error: Exception) -> None:
        """A write nobody waits for failed (e.g. remembering the section shown): the operations
        layer's text, quietly in the status bar; the details in the log."""
        from selfreview.ui.operations import error_text, log_error
        log_error(error, "background write")
        self.statusBar().showMessage(error_text(error), 8000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.may_leave():
            event.ignore()
            return
        if hasattr(self.page, "close_editor"):
            self.page.close_editor()
        if self.runner is not None:
            self.runner.drain()
        self.save_geometry(self.settings)
        super().closeEvent(event)
