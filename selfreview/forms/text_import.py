"""Place a member's own written kiểm điểm (last year's, or a colleague's template) into a form:
its headings are matched to the form's sections and questions, the text under each heading goes to
the question it matched, and what could not be placed is listed. Pure: paragraphs in, a plan out
(``services/docx_import.py`` reads the Word file and writes the accepted plan).

Headings are recognised by their numbering ("I.", "1.", "a)", "A."), a heading style, bold or capitals,
and matched by the words they share with the form's labels, so the 2025 layout ("I. Ưu điểm, kết
quả đạt được", "1. Về phẩm chất chính trị, đạo đức, lối sống; …") and the 2023 one (HD 25: I.1 "Về
tư tưởng chính trị", I.2 "Về đạo đức, lối sống", I.3 "Về tác phong, lề lối làm việc", I.4 "Việc thực
hiện chức trách, nhiệm vụ được giao", I.5 "cam kết tu dưỡng…", VII "Tự nhận mức xếp loại…") both land
where they belong; 2023 sub-headings that 2025 merged go into the same question, one after the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from selfreview.forms.model import LongText, Records, ShortText, Template
from selfreview.text import nfc

# numbering in front of a heading: "I.", "IV -", "1.", "1)", "a)", "A.", "-"
_NUMBERING = re.compile(r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Da-dđ])\s*[.):/-]|[-–•*])\s*", re.I)
_WORD = re.compile(r"\w+", re.U)
MIN_SCORE = 0.55  # a numbered heading
MIN_SCORE_UNNUMBERED = 0.7  # a heading by its look only (bold, capitals, a heading style): sections only
MAX_HEADING = 400  # characters: a longer paragraph is content, whatever its numbering

# 2023 headings (HD 25-HD/BTCTW) whose words differ from the 2025 label they became part of:
# a key phrase of the 2023 heading -> a phrase of the 2025 label that stands for the same thing
ALIASES_2023 = {
    "tư tưởng chính trị": "phẩm chất chính trị",
    "chức trách, nhiệm vụ": "thực hiện nhiệm vụ, quyền hạn",
    "chức trách nhiệm vụ": "thực hiện nhiệm vụ, quyền hạn",
}


# lines after which nothing more belongs to the member's text (the signature, the committee's blocks)
STOPS = ("NGƯỜI TỰ KIỂM ĐIỂM", "Đánh giá, xếp loại chất lượng đảng viên", "T/M CHI ỦY", "T/M ĐẢNG ỦY",
         "Đánh giá, xếp loại chất lượng công chức, viên chức")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the file: its text and whether the file styled it as a heading (style, bold)."""

    text: str
    styled_heading: bool = False


@dataclass
class Placement:
    """Text for one question: where it goes, what it says, which headings of the file led there."""

    question_id: str
    label: str  # the question's label (or its section's, for an app-worded prompt)
    text: str
    headings: list[str] = field(default_factory=list)
    records: bool = False  # a list question: one entry per line


@dataclass
class ImportPlan:
    placements: list[Placement]
    unplaced: list[str]  # paragraphs that match no part of the form, in the file's order
    layout: str  # "2025", "2023" or "" (no heading recognised)

    @property
    def empty(self) -> bool:
        return not self.placements


@dataclass(frozen=True)
class _Target:
    question_id: str
    label: str
    words: frozenset[str]
    section: str
    records: bool


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(nfc(text).casefold()))


def _strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1).strip()


def _targets(template: Template) -> tuple[list[_Target], list[_Target]]:
    """(question targets, section targets). A section points at its first question that takes text;
    a part, a section with no question that takes text, and the signature lines are stops (question
    id ""): what follows them is not placed."""
    items: list[_Target] = []
    sections: list[_Target] = [_Target("", line, words(line), "", False) for line in STOPS]
    for part in template.parts:
        sections.append(_Target("", part.label.vi, words(_strip_numbering(part.label.vi)), part.id, False))
        for section in part.sections:
            first: _Target | None = None
            for item in section.items:
                if not isinstance(item, (ShortText, LongText, Records)):
                    continue
                if isinstance(item, Records) and not any(isinstance(f, (ShortText, LongText)) for f in item.fields):
                    continue
                label = item.label.vi
                target = _Target(item.id, label, words(_strip_numbering(label)), section.id, isinstance(item, Records))
                items.append(target)
                first = first or target
            sections.append(_Target(first.question_id if first else "", section.label.vi,
                                    words(_strip_numbering(section.label.vi)), section.id,
                                    bool(first and first.records)))
    return items, sections


def _score(heading: frozenset[str], label: frozenset[str]) -> float:
    if not heading or not label:
        return 0.0
    shared = len(heading & label)
    return 0.7 * shared / len(heading) + 0.3 * shared / len(label)


def _looks_like_heading(p: Paragraph) -> bool:
    text = p.text.strip()
    if not text or len(text) > MAX_HEADING:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return p.styled_heading or capitals or bool(_NUMBERING.match(text))


def _aliased(text: str) -> tuple[str, bool]:
    """The heading in 2025's words where it used 2023's (and whether it did)."""
    low = nfc(text).casefold()
    for old, new in ALIASES_2023.items():
        if old in low:
            return low.replace(old, new), True
    return low, False


def _match(text: str, items: list[_Target], sections: list[_Target], current_section: str | None
           ) -> tuple[_Target | None, bool, bool]:
    """(the best target or None, whether it is a section, whether a 2023 wording was needed).

    A numbered heading may name a section or a question; a line that only looks like a heading (bold,
    capitals: the issuing body above the title is one) must name a section, and closely."""
    numbered = _NUMBERING.match(text) is not None
    body, aliased = _aliased(_strip_numbering(text))
    heading = words(body)
    best: tuple[float, int, _Target | None, bool] = (0.0, 0, None, False)
    for kind, pool in ((1, sections), (0, items) if numbered else (0, [])):
        for t in pool:
            score = _score(heading, t.words) + (0.05 if t.section == current_section else 0.0)
            if (score, kind) > best[:2]:
                best = (score, kind, t, kind == 1)
    score, _, target, is_section = best
    if target is None or score < (MIN_SCORE if numbered else MIN_SCORE_UNNUMBERED):
        return None, False, False
    return target, is_section, aliased


def plan_import(template: Template, paragraphs: list[Paragraph]) -> ImportPlan:
    """Where each paragraph of a written kiểm điểm goes in ``template``; nothing is written here."""
    items, sections = _targets(template)
    placed: dict[str, Placement] = {}
    segments: dict[str, list[tuple[str, list[str]]]] = {}  # question -> (heading, lines under it)
    unplaced: list[str] = []
    current: str | None = None
    current_section: str | None = None
    saw_2023 = saw_heading = False
    for p in paragraphs:
        text = nfc(p.text).strip()
        if not text:
            continue
        if re.match(r"^\s*VII\b", text) or "tự nhận mức xếp loại" in text.casefold():
            saw_2023 = True  # 2023's self-rating section: 2025 rates by scores, nothing takes it
            current = None
            unplaced.append(text)
            continue
        target, aliased = None, False
        if _looks_like_heading(Paragraph(text, p.styled_heading)):
            target, _, aliased = _match(text, items, sections, current_section)
        if target is None:
            if current is None:
                unplaced.append(text)
            else:
                segments[current][-1][1].append(text)
            continue
        saw_heading = True
        saw_2023 = saw_2023 or aliased
        current_section = target.section
        if not target.question_id:  # a stop: a part, a section without text, the signature
            current = None
            unplaced.append(text)
            continue
        current = target.question_id
        if current not in placed:
            placed[current] = Placement(current, target.label, "", records=target.records)
            segments[current] = []
        placed[current].headings.append(text)
        segments[current].append((text, []))
    placements = []
    for q, placement in placed.items():
        filled = [(h, lines) for h, lines in segments[q] if lines]
        if not filled:  # a heading with nothing under it places nothing, and says so
            unplaced += placement.headings
            continue
        if len(filled) == 1:
            placement.text = "\n".join(filled[0][1])
        else:  # several headings of the file into one question (2023's I.1-I.3 -> 2025's 1.): keep them
            placement.text = "\n".join(line for h, lines in filled for line in [h, *lines])
        placements.append(placement)
    layout = "2023" if saw_2023 else ("2025" if saw_heading else "")
    return ImportPlan(placements, unplaced, layout)


def answer_value(placement: Placement, item: Any) -> Any:
    """The answer a placement gives ``item``: the text, or for a list question one entry per line
    (in the first text field of the entry)."""
    if not placement.records:
        return placement.text
    field_id = next(f.id for f in item.fields if isinstance(f, (ShortText, LongText)))
    return [{field_id: line.strip()} for line in placement.text.split("\n") if line.strip()]
