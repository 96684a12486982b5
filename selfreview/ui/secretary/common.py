"""Small pieces the secretary's pages share: texts for codes, the rating choices, the quota banner,
the system viewer, and long report jobs wired to the task runner's progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFrame, QInputDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from selfreview.rating import Category, Rating, quota_check
from selfreview.ui.i18n import arg, language
from selfreview.ui.operations import error_text

RATINGS = tuple(r.value for r in Rating)  # htxsnv, httnv, htnv, khtnv: best first


def rating_text(value: str | None, short: bool = False) -> str:
    """"Hoàn thành tốt nhiệm vụ" (or "HTTNV" when ``short``); "" for none."""
    if not value:
        return ""
    try:
        r = Rating(value)
    except ValueError:
        return str(value)
    return r.short if short else r.label(language())


def category_text(category: str) -> str:
    """E.g. "2B · Không giữ chức vụ lãnh đạo, quản lý"."""
    try:
        c = Category(category)
    except ValueError:
        return category
    label = c.label_en if language() == "en" else c.label_vi
    form = getattr(c, "form", "")
    return f"{form} · {label}" if form else label


def fill_rating_combo(combo: QComboBox, none_text: str, short: bool = False) -> None:
    """The four levels (data: the rating value) after a first "none" item (data: None)."""
    combo.clear()
    combo.addItem(none_text, None)
    for value in RATINGS:
        combo.addItem(rating_text(value, short), value)


def set_combo_data(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(i if i >= 0 else 0)


def open_in_viewer(path: Path) -> bool:
    """Open a written file in the system's viewer (the default opener; tests replace it)."""
    from selfreview.ui.open_file import open_path
    return open_path(path)


PASSPHRASE_CODES = ("keys.need_passphrase", "keys.wrong_passphrase")


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


class SecretaryKey:
    """The passphrase of the secretary's key, asked once when the key has one and kept for the session
    (opening members' files and signing the invitation need it)."""

    def __init__(self) -> None:
        self.passphrase: str | None = None
        self.ask = ask_passphrase  # tests answer it

    def retry(self, error: Exception, parent: QWidget | None, again: Callable[[], Any]) -> bool:
        """When ``error`` asks for the passphrase: ask it and call ``again``; True when handled so."""
        code = getattr(getattr(error, "message", None), "code", "")
        if code not in PASSPHRASE_CODES:
            return False
        entered = self.ask(parent, QCoreApplication.translate("Secretary", "Passphrase of the secretary's key"),
                           error_text(error))
        if entered is not None:
            self.passphrase = entered
            again()
        return True


def wired(progress: Any, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a service that takes ``progress(done, total)`` and ``should_cancel()`` inside a job: its
    progress goes to the job's dialog, and Cancel reaches it (its ``Cancelled`` is the job's)."""
    return fn(*args, progress=lambda done, total: progress.report(done, total),
              should_cancel=lambda: progress.cancelled, **kwargs)


class QuotaBanner(QFrame):
    """The HTXSNV quota in a line: quiet when within it, a warning banner when over it, e.g.
    "HTXSNV 3 / HTTNV 10: tối đa 2 (20%) — vượt 1"."""

    def __init__(self, parent: QWidget | None = None, name: str = "quotaBanner") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("over", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setObjectName("quotaText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.state: Any = None
        self.hide()

    def show_quota(self, quota: Any, preview: Any = None) -> None:
        """``quota``: the ``QuotaState`` of the saved proposals (ctx.assessments.quota); ``preview``:
        the state a rating being chosen would give, shown on a line of its own and never counted."""
        self.state = quota
        lang = language()
        line = quota.summary_en if lang == "en" else quota.summary_vi
        if quota.ok:
            text = arg(self.tr("Quota of excellent ratings: %1"), line)
        elif not exceeded(quota):
            text = arg(self.tr("Quota of excellent ratings so far: %1; %n member(s) not rated yet", "",
                               quota.unrated), line)
        else:
            text = arg(self.tr("Too many proposed excellent (HTXSNV): %1"), line)
        for cat, check in quota.by_category.items():
            if not check.ok and len(quota.by_category) > 1:
                text += "\n" + f"{category_text(cat)}: {check.summary(lang)}"
        if preview is not None and not isinstance(preview, bool):
            text += "\n" + arg(self.tr("With the rating being chosen, once saved: %1"),
                                preview.summary_en if lang == "en" else preview.summary_vi)
        self.label.setText(text)
        self.show()
        self.setProperty("over", exceeded(quota))
        self.style().unpolish(self)
        self.style().polish(self)

    @property
    def over(self) -> bool:
        return bool(self.state is not None and exceeded(self.state))


def exceeded(quota: Any) -> bool:
    """The saved proposals are over the HTXSNV quota for good: every member is rated, or even if all
    those not rated yet were rated HTTNV the quota would still be exceeded (one HTXSNV among the first
    proposals is not "over a quota of 0")."""
    if quota.ok:
        return False
    if not quota.unrated:
        return True
    return not quota_check(quota.check.excellent, quota.check.good + quota.unrated, quota.percent).ok


# the secretary's pages add these to the application's style sheet (set on the workspace)
STYLE_SHEET = """
QFrame#quotaBanner, QFrame#panelQuota { border: 1px solid #c9d2dc; border-radius: 4px; background: #f3f5f8; }
QFrame#quotaBanner[over="true"], QFrame#panelQuota[over="true"] {
    background: #fdecea; border: 1px solid #c62828; }
QFrame#quotaBanner[over="true"] QLabel, QFrame#panelQuota[over="true"] QLabel { color: #8e0000; font-weight: bold; }
QLabel#countLabel { color: #1b2a3a; }
QLabel#missingLabel { color: #b00020; font-weight: bold; }
QLabel#missingLabel[good="true"] { color: #1b5e20; font-weight: normal; }
QFrame#onBehalfBanner { background: #fff4e0; border: 1px solid #e0a030; border-radius: 4px; }
QFrame#dropHint { border: 1px dashed #9aa5b4; border-radius: 4px; }
"""
