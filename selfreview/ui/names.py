"""People's names in lists: Vietnamese order and search as people type.

Order: the given name (the last word) first, then the family and middle names, compared with Qt's
collator in the Vietnamese locale (ICU's Vietnamese rules: Ă Â after A, Đ after D, Ô Ơ after O, tones
second), whatever language the interface is in. The column header says so (:func:`name_header`).
Search: :func:`selfreview.text.text_matches` ("duc" finds "Đức").
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable, Sequence

from PySide6.QtCore import (
    QCollator, QCoreApplication, QElapsedTimer, QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex,
    QSortFilterProxyModel, Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QCompleter

from selfreview.text import nfc, text_matches

__all__ = ["PeopleProxy", "find_people_in", "type_to_find", "name_header", "order_note", "name_sort_key", "text_matches", "vi_collator"]


@cache
def vi_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def _key(text: str) -> Any:
    return vi_collator().sortKey(text)


class _Key:
    """Comparable wrapper of a QCollatorSortKey (which has ``compare`` but no ``<``)."""

    __slots__ = ("k",)

    def __init__(self, text: str) -> None:
        self.k = _key(text)

    def __lt__(self, other: _Key) -> bool:
        return self.k.compare(other.k) < 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.k.compare(other.k) == 0


def name_sort_key(full_name: str) -> tuple:
    """Sort key of a full name in Vietnamese order: given name, then family and middle names."""
    words = nfc(full_name or "").split()
    given, rest = (words[-1], " ".join(words[:-1])) if words else ("", "")
    return (_Key(given), _Key(rest), nfc(full_name or ""))


def order_note() -> str:
    """How names are sorted, for a column header: "(theo tên)"."""
    return QCoreApplication.translate("Names", "(by given name)")


def name_header(title: str, sep: str = " ") -> str:
    """A name column's title with the order it is sorted in: "Họ và tên (theo tên)"."""
    return title + sep + order_note()


class PeopleProxy(QSortFilterProxyModel):
    """Sorts and filters a :class:`~selfreview.ui.table_model.RowsTableModel` of people: the name
    column in Vietnamese order (:func:`name_sort_key`), other columns by ``sort_values`` (else their
    text); rows whose ``search_fields`` contain the typed text (:func:`text_matches`)."""

    def __init__(self, name_of: Callable[[Any], str], search_fields: Callable[[Any], Sequence[str]],
                 name_column: int, sort_values: Callable[[Any, int], Any] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.name_of, self.search_fields, self.name_column = name_of, search_fields, name_column
        self.sort_values = sort_values
        self.typed = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.typed = text
        self.endFilterChange()

    def _row(self, source_row: int) -> Any:
        rows = getattr(self.sourceModel(), "rows", [])
        return rows[source_row] if 0 <= source_row < len(rows) else None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        row = self._row(source_row)
        return row is None or text_matches(self.typed, *self.search_fields(row))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b, col = self._row(left.row()), self._row(right.row()), left.column()
        if a is None or b is None:
            return super().lessThan(left, right)
        if col == self.name_column:
            return name_sort_key(self.name_of(a)) < name_sort_key(self.name_of(b))
        if self.sort_values is not None:
            va, vb = self.sort_values(a, col), self.sort_values(b, col)
            if va is not None and vb is not None:
                return va < vb
        return _Key(str(left.data() or "")) < _Key(str(right.data() or ""))


class _TypedFilter(QSortFilterProxyModel):
    """The rows of a list of names that contain what was typed (:func:`text_matches`)."""

    typed = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.typed = text
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        text = self.sourceModel().index(source_row, 0, source_parent).data() or ""
        return text_matches(self.typed, str(text))


def find_people_in(combo: QComboBox) -> QCompleter:
    """Make an editable combo box of names complete the way the roll-call finds people: "duc" offers
    "Phạm Minh Đức", anywhere in the name, case and marks the person did not type ignored (Qt's own
    completer only matches the start, with the marks)."""
    names = _TypedFilter(combo)
    names.setSourceModel(combo.model())
    completer = QCompleter(names, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    completer.setObjectName("findPeople")

    def typed(text: str) -> None:
        names.set_text(text)
        if text.strip():
            completer.complete()
    combo.lineEdit().textEdited.connect(typed)
    return completer


class _TypeToFind(QObject):
    """Typing on a list of people goes to the next row whose name contains what was typed, as the
    roll-call's search finds it (Qt's own type-ahead wants the start of the text, with its marks)."""

    def __init__(self, view: QAbstractItemView, column: int) -> None:
        super().__init__(view)
        self.view, self.column = view, column
        self.typed = ""
        self.clock = QElapsedTimer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        text = event.text()  # type: ignore[attr-defined]
        mods = event.modifiers()  # type: ignore[attr-defined]
        if not text or not text.isprintable() or mods & (Qt.KeyboardModifier.ControlModifier
                                                         | Qt.KeyboardModifier.AltModifier):
            return False
        fresh = not self.clock.isValid() or self.clock.elapsed() > QApplication.keyboardInputInterval()
        if fresh and not text.strip():
            return False  # a space on its own keeps its meaning in the list
        self.typed = text if fresh else self.typed + text
        self.clock.start()
        self.find(self.typed, again=fresh)
        return True

    def find(self, typed: str, again: bool = True) -> bool:
        model = self.view.model()
        n = model.rowCount()
        current = self.view.currentIndex().row()
        start = current + 1 if again else max(current, 0)
        for i in range(n):
            index = model.index((start + i) % n, self.column)
            if text_matches(typed, str(index.data() or "")):
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False


def type_to_find(view: QAbstractItemView, column: int = 0) -> None:
    """Make typing on ``view`` (a table or list of people) find names as the roll-call's search does:
    "duc" goes to "Phạm Minh Đức", the letters the person typed in quick succession together."""
    view.installEventFilter(_TypeToFind(view, column))
