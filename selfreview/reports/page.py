"""Paper, margins, "Trang x/y" and the document template every report is built with.

"Trang x/y" needs the real page count, known only at the end: :class:`NumberedCanvas` keeps each
finished page and writes them all in ``save()`` (one layout pass, no second build). PDF bookmarks
name the page they are made on, so they are deferred the same way and bound when the page is
written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import partial
from typing import Any, Callable, Iterable

from reportlab.lib.pagesizes import A4, A5, legal, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from selfreview.reports.atomic import Cancelled
from selfreview.reports.fonts import SERIF, register_fonts
from selfreview.text import nfc

PAPERS = {"A4": A4, "A5": A5, "LETTER": letter, "LEGAL": legal}
FOOTER_SIZE = 11

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
    """Writes "Trang x/y" at the foot of every page, y being the real page count."""

    def __init__(self, *args: Any, footer_y: float = 10 * mm, outline: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_y = footer_y
        self._show_outline = outline
        self._pages: list[dict[str, Any]] = []
        self._bookmarks: dict[int, list[tuple[str, dict[str, Any]]]] = {}

    def bookmarkPage(self, key, **kw):  # noqa: N802 (reportlab's name)
        self._bookmarks.setdefault(len(self._pages), []).append((key, kw))
        return key

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self._show_outline:
            self.showOutline()
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            for key, kw in self._bookmarks.get(number - 1, ()):
                Canvas.bookmarkPage(self, key, **kw)
            self._footer(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(SERIF, FOOTER_SIZE)
        self.drawCentredString(self._pagesize[0] / 2, self._footer_y, nfc(f"Trang {number}/{total}"))
        self.restoreState()


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
                         creator="selfreview", initialFontName=SERIF, invariant=1)
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
    """Lay ``story`` out into ``path`` with "Trang x/y" footers."""
    doc = ReportDocument(path, setup, title, author, progress, should_cancel, total_steps=len(story))
    footer_y = max(6 * mm, setup.bottom_mm * mm / 2 - 2 * mm)
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_y=footer_y, outline=outline))
    if progress is not None:
        progress(len(story), len(story))


def flatten(parts: Iterable[Iterable[Flowable]]) -> list[Flowable]:
    return [f for part in parts for f in part]
