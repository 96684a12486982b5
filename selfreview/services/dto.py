"""Plain data the services return: never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from selfreview.forms.model import Template
from selfreview.rating import member_category


@dataclass
class ProfileData:
    full_name: str
    date_of_birth: date | None = None
    party_post: str = ""
    government_post: str = ""
    mass_org_post: str = ""
    work_unit: str = ""
    cell_name: str = ""
    superior_body: str = ""
    is_leader: bool = False
    in_political_system: bool = True
    language: str = "vi"
    id: int | None = None
    fingerprint: str | None = None

    @property
    def category(self) -> str:
        """The member category that decides the form: 2A, 2B or 2C (Hướng dẫn 43, 2.1 b)."""
        return member_category(self.is_leader, self.in_political_system)


@dataclass(frozen=True)
class ReviewSummary:
    id: int
    owner: str
    period: str
    template_id: str
    template_version: int
    form_code: str
    form_title: str
    status: str
    revision: int
    is_current: bool
    updated_at: datetime
    finalized_at: datetime | None
    profile_id: int | None
    member_id: int | None
    round_id: int | None
    entered_by_secretary: bool = False


@dataclass(frozen=True)
class ReviewDetail:
    summary: ReviewSummary
    template: Template
    template_hash: str
    answers: dict[str, Any]
    last_section: str | None

    @property
    def locked(self) -> bool:
        return self.summary.status != "draft"


@dataclass(frozen=True)
class ScoreState:
    general: Decimal | None
    tasks: Decimal | None
    total: Decimal | None
    total_max: Decimal
    proposed: str | None
    suggestion: Any  # selfreview.rating.Suggestion
    problems: tuple[Any, ...] = field(default_factory=tuple)  # selfreview.rating.Problem


@dataclass(frozen=True)
class CellSummary:
    id: int
    name: str
    superior_body: str


@dataclass(frozen=True)
class RoundSummary:
    id: int
    cell_id: int
    cell: str
    period: str
    deadline: date | None
    uid: str
    forms: dict[str, Any]
