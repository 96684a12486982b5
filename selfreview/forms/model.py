"""The form template model: what a template file may say, checked by pydantic.

A template is data (YAML under ``resources/forms/``), never code. Structural rules (types, allowed
kinds, required labels) live here as pydantic models; the rules that need the whole template
(unique ids, conditions pointing at real questions, roles) live in ``checks.py``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from selfreview import limits as L
from selfreview.text import Bilingual, nfc

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
TEMPLATE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

Ident = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
# a score's bound or step: finite, at most SCORE_ABS, at most SCORE_PLACES decimal places
ScoreNumber = Annotated[Decimal, Field(allow_inf_nan=False, ge=-L.SCORE_ABS, le=L.SCORE_ABS,
                                       decimal_places=L.SCORE_PLACES)]


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo in a template must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Status(str, Enum):
    """Provenance of an official text, as marked in ``shared/domain/forms-2025.md``."""

    VERBATIM = "verbatim"
    HEADING_INFERRED = "verbatim-heading-inferred"
    RECONSTRUCTED = "reconstructed"
    THIRD_PARTY = "third-party"
    APP = "app"  # written for this app; not official wording


class Category(str, Enum):
    LEADER = "leader"
    NON_LEADER = "non_leader"
    OUTSIDE = "outside_system"
    COLLECTIVE = "collective"  # Mẫu 01: the collective's own report
    ANY = "any"  # e.g. the responsibility self-check run on its own


class Text(Strict, Bilingual):
    """A label or a hint, in both languages, with where the Vietnamese came from."""

    vi: str = Field(min_length=1, max_length=L.LABEL)
    en: str = Field(min_length=1, max_length=L.LABEL)
    src: str | None = Field(default=None, max_length=L.SOURCE_NOTE)
    status: Status = Status.APP

    @field_validator("vi", "en", "src")
    @classmethod
    def _nfc(cls, v: str | None) -> str | None:
        return nfc(v) if isinstance(v, str) else v

    @field_validator("vi")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("the Vietnamese text is empty")
        return v

    def shown(self, lang: str = "vi") -> str:
        """As a screen shows it: the app's own labels without their note about the source (the
        notes are in the "Sources" panel: forms/display.py)."""
        from selfreview.forms.display import clean_label  # (display imports this module)
        value = self.get(lang)
        return clean_label(value) if self.status == Status.APP else value


class Option(Strict):
    value: Ident
    label: Text


class Condition(Strict):
    """Show an item only when another answer has a given value.

    ``equals``: the answer equals the value (for a multiple choice: contains it).
    ``in``: the answer is one of the values (for a multiple choice: shares one).
    """

    question: Ident
    equals: Annotated[str, Field(max_length=L.LABEL)] | int | float | bool | None = None
    in_: list[Annotated[str, Field(max_length=L.LABEL)] | int | float | bool] | None = Field(
        default=None, alias="in", max_length=L.LIST_ITEMS)

    @model_validator(mode="after")
    def _one_test(self) -> "Condition":
        if (self.equals is None) == (self.in_ is None):
            raise ValueError("a condition needs exactly one of 'equals' or 'in'")
        return self

    def holds(self, answer: Any) -> bool:
        wanted = [self.equals] if self.in_ is None else list(self.in_)
        if isinstance(answer, list):
            return any(w in answer for w in wanted)
        return answer in wanted


class ItemBase(Strict):
    id: Ident
    label: Text
    hint: Text | None = None
    required: bool = False
    visible_if: Condition | None = None
    printed: bool = True  # False: shown on screen only (e.g. a criteria framework quoted for reference)

    @property
    def stores_answer(self) -> bool:
        return True


class Guidance(ItemBase):
    """Read-only guidance text (official hints, criteria frameworks)."""

    kind: Literal["guidance"]
    bullets: list[Text] = Field(default=[], max_length=L.LIST_ITEMS)

    @property
    def stores_answer(self) -> bool:
        return False


class ShortText(ItemBase):
    kind: Literal["short_text"]
    min_length: int = Field(default=0, ge=0)
    max_length: int = Field(default=300, ge=1, le=10_000)


class LongText(ItemBase):
    kind: Literal["long_text"]
    min_length: int = Field(default=0, ge=0)
    max_length: int = Field(default=20_000, ge=1, le=200_000)


class SingleChoice(ItemBase):
    kind: Literal["single_choice"]
    options: list[Option] = Field(min_length=2, max_length=L.LIST_ITEMS)


class MultiChoice(ItemBase):
    kind: Literal["multi_choice"]
    options: list[Option] = Field(min_length=1, max_length=L.LIST_ITEMS)
    min_selected: int = Field(default=0, ge=0)
    max_selected: int | None = Field(default=None, ge=1)


DEFAULT_LEVELS = [
    Option(value="xuat_sac", label=Text(vi="Xuất sắc", en="Excellent", status=Status.VERBATIM)),
    Option(value="tot", label=Text(vi="Tốt", en="Good", status=Status.VERBATIM)),
    Option(value="trung_binh", label=Text(vi="Trung bình", en="Average", status=Status.VERBATIM)),
    Option(value="kem", label=Text(vi="Kém", en="Poor", status=Status.VERBATIM)),
]


class Criterion(Strict):
    id: Ident
    label: Text


class Levels(ItemBase):
    """A level per criterion (Xuất sắc / Tốt / Trung bình / Kém, as in the 2019/2023 forms)."""

    kind: Literal["levels"]
    criteria: list[Criterion] = Field(min_length=1, max_length=L.LIST_ITEMS)
    levels: list[Option] = Field(default_factory=lambda: list(DEFAULT_LEVELS), min_length=2, max_length=L.LIST_ITEMS)


class Score(ItemBase):
    """A bounded score such as …/30 or …/70."""

    kind: Literal["score"]
    min: ScoreNumber = Decimal(0)
    max: ScoreNumber
    step: ScoreNumber = Decimal("0.5")

    @field_validator("step")
    @classmethod
    def _positive_step(cls, v: Decimal) -> Decimal:
        if v <= 0:
            raise ValueError("step must be greater than 0")
        return v

    @model_validator(mode="after")
    def _few_steps(self) -> "Score":
        if self.max > self.min and (self.max - self.min) / self.step > L.SCORE_STEPS:
            raise ValueError(f"more than {L.SCORE_STEPS} steps between min and max")
        return self


class Computed(ItemBase):
    """A value computed from other answers (the total …/100)."""

    kind: Literal["computed"]
    op: Literal["sum"] = "sum"
    of: list[Ident] = Field(min_length=1, max_length=L.LIST_ITEMS)

    @property
    def stores_answer(self) -> bool:
        return False


class DateItem(ItemBase):
    kind: Literal["date"]
    min: date | None = None
    max: date | None = None


RecordField = Annotated[
    Union[ShortText, LongText, SingleChoice, DateItem],
    Field(discriminator="kind"),
]


class Records(ItemBase):
    """A repeating list of records, e.g. each earlier shortcoming with its status and a note."""

    kind: Literal["records"]
    fields: list[RecordField] = Field(min_length=1, max_length=L.LIST_ITEMS)
    min_records: int = Field(default=0, ge=0)
    max_records: int = Field(default=100, ge=1, le=1000)
    prefill_from: str | None = None  # a role of the previous period's review, e.g. "shortcomings"


DEFAULT_FREQUENCIES = [
    Option(value="never", label=Text(vi="Không bao giờ", en="Never")),
    Option(value="sometimes", label=Text(vi="Đôi khi", en="Sometimes")),
    Option(value="often", label=Text(vi="Thường xuyên", en="Often")),
]


class Behaviour(Strict):
    id: Ident
    label: Text


class Checklist(ItemBase):
    """Each behaviour gets a frequency, with an example and a remedy."""

    kind: Literal["checklist"]
    behaviours: list[Behaviour] = Field(min_length=1, max_length=L.LIST_ITEMS)
    frequencies: list[Option] = Field(default_factory=lambda: list(DEFAULT_FREQUENCIES), min_length=2,
                                      max_length=L.LIST_ITEMS)
    example_max_length: int = Field(default=2000, ge=1, le=20_000)
    # frequencies (values) for which an example and a remedy are expected
    explain_when: list[Ident] = Field(default=["sometimes", "often"], max_length=L.LIST_ITEMS)


Item = Annotated[
    Union[Guidance, ShortText, LongText, SingleChoice, MultiChoice, Levels, Score, Computed, DateItem,
          Records, Checklist],
    Field(discriminator="kind"),
]

ITEM_KINDS = ("guidance", "short_text", "long_text", "single_choice", "multi_choice", "levels", "score",
              "computed", "date", "records", "checklist")


class Section(Strict):
    id: Ident
    label: Text
    hint: Text | None = None
    items: list[Item] = Field(min_length=1, max_length=L.LIST_ITEMS)


class Part(Strict):
    id: Ident
    label: Text
    sections: list[Section] = Field(min_length=1, max_length=L.SECTIONS)


IdentityFieldName = Literal["full_name", "date_of_birth", "party_post", "government_post",
                            "mass_org_post", "work_unit", "cell"]


class IdentityField(Strict):
    field: IdentityFieldName
    label: Text


ROLE_NAMES = ("score_general", "score_tasks", "score_total", "proposed_rating", "rating_conditions",
              "shortcomings", "previous_shortcomings", "responsibility_check")


class Template(Strict):
    format: Literal[1]
    id: Annotated[str, Field(pattern=TEMPLATE_ID_PATTERN, max_length=80)]
    version: int = Field(ge=1, le=1_000_000)
    rule_set: str = Field(min_length=1, max_length=80)
    category: Category
    code: Text | None = None
    title: Text
    subtitle: Text | None = None
    description: Text | None = None
    identity: list[IdentityField] = Field(default=[], max_length=L.LIST_ITEMS)
    roles: dict[Annotated[str, Field(max_length=64)], Ident] = Field(default={}, max_length=L.LIST_ITEMS)
    parts: list[Part] = Field(min_length=1, max_length=L.PARTS)

    @model_validator(mode="after")
    def _not_too_many_questions(self) -> "Template":
        n = sum(len(s.items) for p in self.parts for s in p.sections)
        if n > L.TEMPLATE_QUESTIONS:
            raise ValueError(f"more than {L.TEMPLATE_QUESTIONS} items")
        return self

    # -- navigation helpers -------------------------------------------------------------------
    def sections(self) -> list[tuple[Part, Section]]:
        return [(p, s) for p in self.parts for s in p.sections]

    def items(self) -> list[tuple[Section, Any]]:
        return [(s, i) for _, s in self.sections() for i in s.items]

    def item_index(self) -> dict[str, Any]:
        return {i.id: i for _, i in self.items()}

    def section_of(self) -> dict[str, str]:
        return {i.id: s.id for s, i in self.items()}

    def role_item(self, role: str) -> Any | None:
        qid = self.roles.get(role)
        return self.item_index().get(qid) if qid else None
