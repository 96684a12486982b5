"""Paper, margins, page numbers and the document template every report is built with.

The page number is the bare number at the top centre from page 2 on (:class:`NumberedCanvas`).
A PDF's creation and modification dates are the real time of writing, unless ``SOURCE_DATE_EPOCH``
is set (reproducible builds: then they are that time, and the file is byte-for-byte the same).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any, Callable

from reportlab.lib.pagesizes import A4, A5, legal, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from selfreview.cancel import Cancelled
from selfreview.reports.fonts import SERIF, register_fonts
from selfreview.text import nfc

PAPERS = {"A4": A4, "A5": A5, "LETTER": letter, "LEGAL": legal}
PAGE_NUMBER_SIZE = 13  # 13–14 pt, upright (not italic, not bold)

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins in millimetres. The default is the one most Party documents use."""

    paper: str = "A4"
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15

    def __post_init__(self) -> None:
        paper = str(self.paper).upper()
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r} (known: {', '.join(PAPERS)})")
        object.__setattr__(self, "paper", paper)
        for name in ("top_mm", "bottom_mm", "left_mm", "right_mm"):
            value = float(getattr(self, name))
            if not 5 <= value <= 60:
                raise ValueError(f"{name} must be between 5 and 60 mm, got {value}")
            object.__setattr__(self, name, value)

    @property
    def size(self) -> tuple[float, float]:
        return PAPERS[self.paper]

    @property
    def frame_width(self) -> float:
        return self.size[0] - (self.left_mm + self.right_mm) * mm

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "PageSetup":
        data = data or {}
        return cls(**{k: data[k] for k in ("paper", "top_mm", "bottom_mm", "left_mm", "right_mm") if k in data})


class NumberedCanvas(Canvas):
    """Numbers the pages as Party and state documents do (Hướng dẫn 36-HD/VPTW; Nghị định
    30/2020/NĐ-CP): the bare number in Arabic figures, centred in the top margin, 13 pt upright,
    from page 2 on; page 1 carries none."""

    _pagesize: tuple[float, float]  # set by reportlab's Canvas (its stubs leave it out)

    def __init__(self, *args: Any, number_y: float | None = None, outline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._number_y = number_y
        self._show_outline = outline

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        number = self.getPageNumber()
        if number >= 2:
            self.saveState()
            self.setFont(SERIF, PAGE_NUMBER_SIZE)
            y = self._number_y if self._number_y is not None else self._pagesize[1] - 12 * mm
            self.drawCentredString(self._pagesize[0] / 2, y, str(number))
            self.restoreState()
        super().showPage()

    def save(self) -> None:
        if self._show_outline:
            self.showOutline()
        super().save()


class Bookmark(Flowable):
    """An entry of the PDF outline pointing at the page where this (invisible) flowable lands."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, nfc(title), level
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=True)


def reproducible() -> int:
    """1 when ``SOURCE_DATE_EPOCH`` is set (reportlab then writes that time as the document's dates
    and a fixed file id), 0 otherwise: the PDF carries the real time it was made."""
    return 1 if os.environ.get("SOURCE_DATE_EPOCH", "").strip() else 0


class ReportDocument(BaseDocTemplate):
    """One frame inside the margins; reports progress and checks for cancel after each flowable."""

    def __init__(self, filename: str, setup: PageSetup, title: str = "", author: str = "",
                 progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
                 total_steps: int = 0) -> None:
        register_fonts()
        self.setup = setup
        super().__init__(filename, pagesize=setup.size, leftMargin=setup.left_mm * mm,
                         rightMargin=setup.right_mm * mm, topMargin=setup.top_mm * mm,
                         bottomMargin=setup.bottom_mm * mm, title=nfc(title), author=nfc(author),
                         creator="selfreview", initialFontName=SERIF, invariant=reproducible())
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._progress = progress
        self._should_cancel = should_cancel
        self._total = total_steps
        self._done = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        self._done += 1
        if self._should_cancel is not None and self._should_cancel():
            raise Cancelled()
        if self._progress is not None and self._total:
            self._progress(min(self._done, self._total), self._total)


def build(path: str, story: list[Flowable], setup: PageSetup, title: str = "", author: str = "",
          progress: Progress | None = None, should_cancel: ShouldCancel | None = None,
          outline: bool = False) -> None:
    """Lay ``story`` out into ``path``, pages numbered at the top centre from page 2."""
    doc = ReportDocument(path, setup, title, author, progress, should_cancel, total_steps=len(story))
    # the number's baseline in the middle of the top margin (never closer than 6 mm to the edge)
    number_y = setup.size[1] - max(6 * mm + PAGE_NUMBER_SIZE * 0.7, setup.top_mm * mm / 2 + PAGE_NUMBER_SIZE * 0.35)
    doc.build(story, canvasmaker=partial(NumberedCanvas, number_y=number_y, outline=outline))
    if progress is not None:
        progress(len(story), len(story))
