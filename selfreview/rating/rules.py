"""Rating suggestions after QĐ 366-QĐ/TW (30/8/2025), Điều 11 "Xếp loại chất lượng".

Everything here SUGGESTS and EXPLAINS; nothing decides. The person proposes, the cell reviews and
the competent level (cấp có thẩm quyền) decides. How Article 11 is read where the text left a choice:

* Bands "từ 90 điểm trở lên" / "từ 70 đến dưới 90" / "từ 50 đến dưới 70" / "dưới 50", compared as
  ``Decimal(str(x))`` so 89.9 stays below 90. Khoản 1-3 require the band AND ("Đồng thời") their
  conditions: the suggestion is the highest level, not above the band, whose conditions all hold.
* Khoản 4 (KHTNV) = under 50 OR a case listed for the category: 4.2 for leaders, 4.3 for non-leaders
  and members outside the political system. Only the category's own cases count ("trên 50% phiếu
  tín nhiệm thấp" is a leader case; "vi phạm những điều đảng viên không được làm" and "trên 50% số
  nhiệm vụ ... không hoàn thành" are in 4.3 only). Other ticked cases become notes, not reasons.
* Khoản 1, 2 and 3 all require "Hoàn thành 100% các nhiệm vụ được giao"; khoản 2 adds "đúng thời
  hạn" (any late task rules out HTTNV and above); khoản 3 allows at most 20% behind schedule. So
  ``all_tasks_done=False`` or ``tasks_late_over_20pct=True`` meet no level's conditions, while
  khoản 4 does not list them (its task case is "trên 50%"). The text leaves a gap there: the
  suggestion is the only level left, KHTNV, with a note that this is not a listed case and the
  competent level decides.
* HTXSNV needs every excellence condition of the category (1.2-1.4); "(nếu có)" in 1.4 means a
  person with no earlier shortcomings ticks ``prior_shortcomings_fixed``. One missing → HTTNV.
* Leaders: 2.2 / 3.2 also require their unit to finish 100% of tasks; ``RatingInput`` carries no unit
  data for that, so a note says it is not checked. The mitigation clauses after 4.2 / 4.3 are for the
  competent level: the suggestion stays KHTNV and a note quotes the clause.
* Collectives (Mẫu 01): 1.1 is read as three conditions (100% on time with quality; at least 30%
  beyond the requirement; no subordinate unit or member of the leadership collective disciplined)
  plus 1.4; 2.1 and 3.1 are the same task conditions as for individuals; 4.1 lists the collective's
  cases (wrongdoing in cadre work or disunity, a member disciplined, a member degraded, the unit
  under 70%), followed by its own mitigation clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from selfreview.text import Bilingual

from . import messages as M
from .categories import Category


class Rating(str, Enum):
    """The four levels of Article 11. Compare with ``rank`` / :data:`RATING_ORDER`, not ``<``."""

    HTXSNV = "htxsnv"  # Hoàn thành xuất sắc nhiệm vụ
    HTTNV = "httnv"  # Hoàn thành tốt nhiệm vụ
    HTNV = "htnv"  # Hoàn thành nhiệm vụ
    KHTNV = "khtnv"  # Không hoàn thành nhiệm vụ

    label_vi = property(lambda self: M.RATING_LABEL_VI[self.value])
    label_en = property(lambda self: M.RATING_LABEL_EN[self.value])
    short = property(lambda self: M.RATING_SHORT[self.value])  # "HTXSNV" ...
    rank = property(lambda self: RATING_ORDER.index(self))  # 0 best .. 3 worst

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    def is_better_than(self, other: Rating | str) -> bool:
        return self.rank < Rating(other).rank


RATING_ORDER: tuple[Rating, ...] = (Rating.HTXSNV, Rating.HTTNV, Rating.HTNV, Rating.KHTNV)


# Condition codes. The tuples give the display order; the frozensets are the API.
DISQUALIFIER_ORDER = ("degraded", "disciplined_duty", "violated_prohibitions",
                      "tasks_failed_over_half", "unit_below_70pct", "low_confidence_votes",
                      "corruption_in_scope", "cadre_work_violations", "member_disciplined_duty",
                      "member_degraded")
EXCELLENCE_ORDER = ("all_tasks_on_time_quality", "over_30pct_exceeded",
                    "unit_all_tasks_30pct_exceeded", "no_discipline_in_collective",
                    "prior_shortcomings_fixed")
# Requirements of khoản 2 and 3, derived from the task flags of RatingInput (texts in messages).
TASK_CONDITIONS = ("all_tasks_done", "late_within_20pct", "tasks_on_time")

DISQUALIFIERS_ALL = frozenset(DISQUALIFIER_ORDER)
_CASES_43 = frozenset({"degraded", "disciplined_duty", "violated_prohibitions",
                       "tasks_failed_over_half"})
DISQUALIFIERS_BY_CATEGORY: dict[Category, frozenset[str]] = {
    Category.LEADER: frozenset({"unit_below_70pct", "low_confidence_votes", "disciplined_duty",
                                "degraded", "corruption_in_scope"}),  # 4.2
    Category.NON_LEADER: _CASES_43,  # 4.3 covers both non-leaders ...
    Category.OUTSIDE: _CASES_43,  # ... and members outside the political system
    Category.COLLECTIVE: frozenset({"cadre_work_violations", "member_disciplined_duty",
                                    "member_degraded", "unit_below_70pct"}),  # 4.1
}
EXCELLENCE_CONDITIONS = frozenset({"all_tasks_on_time_quality", "over_30pct_exceeded",
                                   "prior_shortcomings_fixed"})  # 1.3, 1.4
LEADER_EXCELLENCE_CONDITIONS = frozenset({"unit_all_tasks_30pct_exceeded"})  # 1.2
COLLECTIVE_EXCELLENCE_CONDITIONS = frozenset({"no_discipline_in_collective"})  # 1.1, second sentence
EXCELLENCE_ALL = EXCELLENCE_CONDITIONS | LEADER_EXCELLENCE_CONDITIONS | COLLECTIVE_EXCELLENCE_CONDITIONS
EXCELLENCE_BY_CATEGORY: dict[Category, frozenset[str]] = {
    Category.LEADER: EXCELLENCE_CONDITIONS | LEADER_EXCELLENCE_CONDITIONS,
    Category.NON_LEADER: EXCELLENCE_CONDITIONS,
    Category.OUTSIDE: EXCELLENCE_CONDITIONS,
    Category.COLLECTIVE: EXCELLENCE_CONDITIONS | COLLECTIVE_EXCELLENCE_CONDITIONS,  # 1.1 and 1.4
}
CONDITION_TEXT: dict[str, tuple[str, str]] = M.CONDITION_TEXT


def condition_text(code: str, category: Category | None = None, lang: str = "vi") -> str:
    """A condition's text, in the category's own wording where Article 11 words it differently."""
    worded = None if category is None else M.CONDITION_TEXT_FOR.get((Category(category).value, code))
    vi, en = worded or M.CONDITION_TEXT[code]
    return en if lang == "en" else vi


def _to_decimal(total: Decimal | float | int) -> Decimal:
    if isinstance(total, bool) or not isinstance(total, (Decimal, float, int)):
        raise TypeError(f"score must be a number, got {type(total).__name__}")
    d = Decimal(str(total))  # str() first: 89.9 stays 89.9, never 89.90000000000000568...
    if not d.is_finite() or d < 0 or d > 100:
        raise ValueError(f"score must be between 0 and 100, got {total!r}")
    return d


def format_total(total: Decimal | float | int, lang: str = "vi") -> str:
    """86 / 86.0 -> "86"; 86.5 -> "86,5" (vi, decimal comma) or "86.5" (en)."""
    d = _to_decimal(total)
    text = str(int(d)) if d == d.to_integral_value() else format(d, "f").rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def band_for(total: Decimal | float | int) -> Rating:
    """The level the score alone gives: ≥90 HTXSNV, 70..<90 HTTNV, 50..<70 HTNV, <50 KHTNV.

    Raises ValueError outside 0..100 (and for NaN / infinity), TypeError for a non-number.
    """
    d = _to_decimal(total)
    if d >= 90:
        return Rating.HTXSNV
    if d >= 70:
        return Rating.HTTNV
    return Rating.HTNV if d >= 50 else Rating.KHTNV


@dataclass(frozen=True)
class Reason(Bilingual):
    """One explanation line, in both languages."""

    code: str
    vi: str
    en: str


def _codes(value, allowed: frozenset[str], what: str) -> frozenset[str]:
    if isinstance(value, str):
        raise TypeError(f"{what}s must be a set of codes, not a string")
    codes = frozenset(value)
    if codes - allowed:
        raise ValueError(f"unknown {what}: {', '.join(sorted(codes - allowed))}")
    return codes


@dataclass(frozen=True)
class RatingInput:
    """What the person (or the cell) states; :func:`suggest` turns it into a suggestion.

    ``category`` also takes the plain value or another str enum with that value. Unknown condition
    codes raise ValueError (typos, not data); ``total`` is checked by :func:`suggest`.
    ``any_task_late`` (an addition, default False) says some task missed its deadline, which rules
    out HTTNV and above (khoản 2 "đúng thời hạn") while HTNV still allows up to 20% late.
    """

    total: Decimal | float | int | None
    category: Category
    disqualifiers: frozenset[str] = frozenset()  # listed cases of khoản 4 that hold
    excellence_met: frozenset[str] = frozenset()  # conditions of khoản 1 that hold
    tasks_late_over_20pct: bool = False  # more than 20% of tasks behind schedule (khoản 3)
    all_tasks_done: bool = True  # "Hoàn thành 100% các nhiệm vụ được giao" (khoản 1-3)
    any_task_late: bool = False  # some task not on time (khoản 2)

    def __post_init__(self) -> None:
        cat = self.category.value if isinstance(self.category, Enum) else self.category
        object.__setattr__(self, "category", Category(cat))
        object.__setattr__(self, "disqualifiers",
                           _codes(self.disqualifiers, DISQUALIFIERS_ALL, "disqualifier"))
        object.__setattr__(self, "excellence_met",
                           _codes(self.excellence_met, EXCELLENCE_ALL, "excellence condition"))


@dataclass(frozen=True)
class Suggestion:
    """A suggested rating and why. A suggestion, never a decision."""

    rating: Rating | None  # None when total is None
    band: Rating | None  # what the score band alone gives
    reasons: tuple[Reason, ...]  # band line first, then each condition that lowered it
    notes: tuple[Reason, ...] = ()  # context that does not change the suggestion
    total: Decimal | None = None

    def summary(self, lang: str = "vi") -> str:
        """"86/100 → Hoàn thành tốt nhiệm vụ"; names the band too when conditions lowered it."""
        i = 1 if lang == "en" else 0
        if self.rating is None or self.band is None or self.total is None:  # all three or none
            return M.NOT_SCORED[i]
        line = M.BAND_LINE[i].format(total=format_total(self.total, lang),
                                     label=self.rating.label(lang))
        if self.rating is self.band:
            return line
        return M.SUMMARY_DIFFERS[i].format(line=line, band=self.band.label(lang))

    def explain(self, lang: str = "vi") -> list[str]:
        """All reason lines, then the notes, in one language."""
        return [r.get(lang) for r in self.reasons + self.notes]


def _reason(code: str, template: tuple[str, str], level: Rating, cat: Category) -> Reason:
    item = M.RATING_ITEM[level.value]
    return Reason(code,
                  template[0].format(label=level.label_vi, item=item,
                                     text=condition_text(code, cat, "vi")),
                  template[1].format(label=level.label_en, item=item,
                                     text=condition_text(code, cat, "en")))


def _unmet(inp: RatingInput) -> list[tuple[str, Rating, Rating]]:
    """Unmet conditions of khoản 3, 2, 1 as (code, level it belongs to, best level left)."""
    unmet = []
    if not inp.all_tasks_done:
        unmet.append(("all_tasks_done", Rating.HTNV, Rating.KHTNV))
    if inp.tasks_late_over_20pct:
        unmet.append(("late_within_20pct", Rating.HTNV, Rating.KHTNV))
    elif inp.any_task_late:
        unmet.append(("tasks_on_time", Rating.HTTNV, Rating.HTNV))
    return unmet + [(code, Rating.HTXSNV, Rating.HTTNV) for code in EXCELLENCE_ORDER
                    if code in EXCELLENCE_BY_CATEGORY[inp.category]
                    and code not in inp.excellence_met]


def suggest(inp: RatingInput) -> Suggestion:
    """Suggest a rating and explain it, reading Article 11 as the module docstring says.

    Reasons: the band line, then either the khoản 4 cases listed for the category (which settle it
    alone) or the unmet conditions of khoản 3, 2, 1 for levels the band reaches.
    Raises ValueError when the total is outside 0..100. It suggests; it never decides.
    """
    cat = inp.category
    disclaimer = Reason("disclaimer", *M.DISCLAIMER)
    if inp.total is None:
        return Suggestion(None, None, (), (disclaimer,))
    total = _to_decimal(inp.total)
    rating = band = band_for(total)
    reasons = [Reason("band", M.BAND_LINE[0].format(total=format_total(total, "vi"),
                                                    label=band.label_vi),
                      M.BAND_LINE[1].format(total=format_total(total, "en"), label=band.label_en))]
    notes: list[Reason] = []

    applicable = inp.disqualifiers & DISQUALIFIERS_BY_CATEGORY[cat]
    for code in DISQUALIFIER_ORDER:
        if code in applicable:
            reasons.append(_reason(code, M.REASON_DISQUALIFIER, Rating.KHTNV, cat))
        elif code in inp.disqualifiers:
            notes.append(Reason(f"not_applicable:{code}", *(
                M.NOTE_IGNORED[i].format(category=lab, text=condition_text(code, cat, lang))
                for i, lab, lang in ((0, cat.label_vi, "vi"), (1, cat.label_en, "en")))))
    if applicable:
        rating = Rating.KHTNV
        notes.append(Reason("mitigation", *M.MITIGATION_TEXT[cat.value]))

    residual = False
    for code, level, cap in () if applicable else _unmet(inp):  # a listed case settles it alone
        if cap.rank > band.rank:  # only conditions of levels the band reaches matter
            reasons.append(_reason(code, M.REASON_UNMET, level, cat))
            residual = residual or cap is Rating.KHTNV
            rating = cap if cap.rank > rating.rank else rating
    if residual:
        notes.append(Reason("residual", *M.NOTE_RESIDUAL))
    if cat is Category.LEADER and rating in (Rating.HTTNV, Rating.HTNV):
        notes.append(Reason("leader_unit_not_checked", *M.NOTE_LEADER_UNIT))
    notes.append(disclaimer)
    return Suggestion(rating, band, tuple(reasons), tuple(notes), total)


@dataclass(frozen=True)
class Problem(Bilingual):
    """Something to look at in a proposed rating. ``severity`` is "warning" or "error"."""

    code: str
    vi: str
    en: str
    severity: str = "warning"


def _problem(code: str, by: str = "self", **fields: tuple[str, str]) -> Problem:
    vi, en = (M.PROBLEM_TEXT_CELL if by == "cell" else M.PROBLEM_TEXT)[code]
    return Problem(code, vi.format(**{k: v[0] for k, v in fields.items()}),
                   en.format(**{k: v[1] for k, v in fields.items()}), "warning")


def check_proposed(inp: RatingInput, proposed: Rating | str | None, by: str = "self") -> tuple[Problem, ...]:
    """Compare a proposed rating with :func:`suggest`; () when they agree.

    ``by`` names who proposed it, for the wording: "self" (the person or collective) or "cell"
    (the cell committee's proposal for a member).

    All problems are warnings (the competent level decides; nothing here blocks): "above_score_band"
    (better than the score allows), "above_conditions" (better than the conditions allow),
    "below_suggestion" (modesty is allowed; noted only), "proposed_missing", "not_scored".
    """
    if by not in ("self", "cell"):
        raise ValueError(f"by must be 'self' or 'cell', got {by!r}")
    problems: list[Problem] = []
    if proposed is None:
        problems.append(_problem("proposed_missing", by))
    else:
        proposed = Rating(proposed.value if isinstance(proposed, Enum) else proposed)
    sug = suggest(inp)
    if sug.rating is None or sug.band is None or sug.total is None or proposed is None:  # all three or none
        if sug.rating is None and proposed is not None:
            problems.append(_problem("not_scored", by))
        return tuple(problems)
    names = {"proposed": (proposed.label_vi, proposed.label_en),
             "suggested": (sug.rating.label_vi, sug.rating.label_en)}
    if proposed.is_better_than(sug.band):
        total = (format_total(sug.total, "vi"), format_total(sug.total, "en"))
        problems.append(_problem("above_score_band", by, **names, total=total,
                                 band=(sug.band.label_vi, sug.band.label_en)))
    elif proposed.is_better_than(sug.rating):
        why = sug.reasons[1:]
        problems.append(_problem("above_conditions", by, **names,
                                 why=("; ".join(r.vi for r in why), "; ".join(r.en for r in why))))
    elif sug.rating.is_better_than(proposed):
        problems.append(_problem("below_suggestion", by, **names))
    return tuple(problems)
