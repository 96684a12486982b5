"""The plain data a report draws. Services build these from the database; reports never see a
session or an ORM object. Rating values are the ``selfreview.rating.Rating`` values
("htxsnv", "httnv", "htnv", "khtnv") or None."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from selfreview.forms.model import Template


@dataclass(frozen=True)
class Header:
    """The party header block (Hướng dẫn 36): the body above, the issuing body, number, place, date.

    ``number``: None prints no number line (a member's review); "" prints a blank number field to be
    filled by hand ("Số      -BC/CB"); any other text is printed after "Số ".
    """

    superior: str
    issuer: str
    place: str = ""
    date: date | None = None
    number: str | None = None
    number_suffix: str = "-BC/CB"


@dataclass(frozen=True)
class CommitteeView:
    """What the cell committee entered for one member (the Assessment row)."""

    comments: str = ""
    cell_rating: str | None = None
    competent_rating: str | None = None


@dataclass(frozen=True)
class ReviewReport:
    """One person's self-review, ready to print and sign."""

    header: Header
    template: Template
    period: str
    owner: str
    identity: dict[str, str]  # identity field name -> text (dates already formatted)
    answers: dict[str, Any]
    committee: CommitteeView | None = None
    status: str = "finalized"
    revision: int = 1
    review_id: int | None = None
    cell_secretary: str = ""  # signs "T/M CHI ỦY (CHI BỘ)" under the committee's block (from the roster)
    attach_selfcheck: bool = False  # print the app's optional aid (the responsibility self-check) too


@dataclass(frozen=True)
class MemberRow:
    """One line of the cell's members table, in meeting order."""

    name: str
    post: str = ""
    leader: bool = False
    submitted: bool = False
    total: Decimal | None = None
    total_max: Decimal = Decimal(100)
    self_rating: str | None = None
    cell_rating: str | None = None
    flags: tuple[str, ...] = ()  # codes, see reports.tallies.FLAG_LABELS
    decided_rating: str | None = None  # the level above's decision (a decision file), when known


@dataclass(frozen=True)
class Behaviour:
    id: str
    label: str


@dataclass(frozen=True)
class ResponsibilityTally:
    """How many people marked each behaviour of the responsibility self-check at each frequency.

    ``counts[behaviour_id][frequency] = n``; ``respondents`` = people who answered the checklist.
    """

    behaviours: tuple[Behaviour, ...] = ()
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    respondents: int = 0


@dataclass(frozen=True)
class CellReport:
    """A cell's summary of one review round."""

    header: Header
    cell: str
    period: str
    deadline: date | None
    members: tuple[MemberRow, ...]
    responsibility: ResponsibilityTally = field(default_factory=ResponsibilityTally)
    shortcomings: tuple[tuple[str, int], ...] = ()  # (text, how many people wrote it), most first
    secretary: str = ""
    min_count: int = 3
    quota_percent: int = 20
    reviews: tuple[ReviewReport, ...] = ()  # appended after the summary when given

    @property
    def missing(self) -> list[str]:
        return [m.name for m in self.members if not m.submitted]


@dataclass(frozen=True)
class CellRow:
    """One cell in the committee's roll-up."""

    name: str
    members: int
    submitted: int
    self_counts: dict[str, int]  # rating value -> count (missing ratings not counted)
    cell_counts: dict[str, int]
    quota_percent: int = 20  # the round's HTXSNV quota (20, or 25 where allowed)


@dataclass(frozen=True)
class RollupReport:
    """Many cells' summaries for the committee above."""

    header: Header
    period: str
    rows: tuple[CellRow, ...]
    without_round: tuple[str, ...] = ()  # cells with no review round for this period
    responsibility: ResponsibilityTally = field(default_factory=ResponsibilityTally)
    signer: str = ""
    signer_role: str = "T/M ĐẢNG ỦY"
    min_count: int = 3
    quota_percent: int = 20
    decided_counts: dict[str, int] | None = None  # the committee's decided ratings (level -> people), when any
