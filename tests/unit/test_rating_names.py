"""One rating level, one name: the rating engine's names of the four levels (what the score panel,
the explanations and the secretary's tables show) are the bundled forms' own option labels (what
the "proposed rating" question shows), in Vietnamese and in English; and every engine or service
message that names a level in one language names the same level in the other."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from selfreview import messages as app_messages
from selfreview.forms import canonical_json, registry
from selfreview.rating import RATING_ORDER, Category, Rating, RatingInput, check_proposed, suggest
from selfreview.rating import messages as M

LEVELS = [r.value for r in RATING_ORDER]  # htxsnv, httnv, htnv, khtnv
REFERENCE_EN = Path(__file__).resolve().parents[2] / "docs" / "reference" / "forms-2025-en.md"


def option_lists(node: Any) -> Iterator[list[dict]]:
    """Every ``options`` list anywhere in a template (items, record fields, …), from its JSON."""
    if isinstance(node, dict):
        if isinstance(node.get("options"), list):
            yield node["options"]
        for value in node.values():
            yield from option_lists(value)
    elif isinstance(node, list):
        for value in node:
            yield from option_lists(value)


def rating_questions(template) -> list[list[dict]]:
    """The option lists of a template that offer rating levels."""
    return [opts for opts in option_lists(json.loads(canonical_json(template)))
            if any(o["value"] in LEVELS for o in opts)]


def form_text(label: str) -> str:
    """A form's label as a name: Mẫu 01 prints its options as sentences ("…nhiệm vụ.")."""
    return label.removesuffix(".")


BUNDLED = sorted(registry.bundled().values(), key=lambda i: i.template.id)
RATED = [info for info in BUNDLED if rating_questions(info.template)]


def test_the_bundled_forms_with_a_rating_question_are_the_four_official_ones():
    assert sorted(i.template.id for i in RATED) == ["hd43-2025-01", "hd43-2025-2a", "hd43-2025-2b",
                                                    "hd43-2025-2c"]
    for info in RATED:  # each one's rating question is the one the engine is told about
        proposed = info.template.role_item("proposed_rating")
        assert proposed is not None and [o.value for o in proposed.options] == LEVELS, info.template.id


@pytest.mark.parametrize("info", RATED, ids=lambda i: i.template.id)
def test_each_levels_form_label_is_the_engines_name(info):
    questions = rating_questions(info.template)
    assert questions
    for options in questions:
        assert [o["value"] for o in options] == LEVELS  # all four, best first, nothing else
        for o in options:
            level = Rating(o["value"])
            assert form_text(o["label"]["en"]) == level.label_en == level.label("en"), (info.template.id, o)
            assert form_text(o["label"]["vi"]) == level.label_vi == level.label("vi"), (info.template.id, o)


def test_the_engines_english_names_are_those_of_the_english_reference_of_article_11():
    text = REFERENCE_EN.read_text(encoding="utf-8")
    for n, level in enumerate(RATING_ORDER, start=1):
        assert f"**{n}. {level.label_en}:**" in text, level


def test_the_engines_own_sentences_use_the_same_names():
    # the score panel's line and the explanations: the form's English and Vietnamese names
    s = suggest(RatingInput(86, Category.NON_LEADER, all_tasks_done=True))
    assert s.summary("en") == "86/100 → Good completion of tasks"
    assert s.summary("vi") == "86/100 → Hoàn thành tốt nhiệm vụ"
    (problem,) = [p for p in check_proposed(RatingInput(86, Category.NON_LEADER, all_tasks_done=True), Rating.HTXSNV)
                  if p.code == "above_score_band"]
    assert '"Excellent completion of tasks"' in problem.en and '"Good completion of tasks"' in problem.en
    assert '"Hoàn thành xuất sắc nhiệm vụ"' in problem.vi and '"Hoàn thành tốt nhiệm vụ"' in problem.vi


def bilingual_texts() -> Iterator[tuple[str, str, str]]:
    """(where, vi, en) for every two-language text of the rating catalogue and the app's messages."""
    def pairs(where: str, value: Any) -> Iterator[tuple[str, str, str]]:
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
            yield where, value[0], value[1]
        elif isinstance(value, dict):
            for key, v in value.items():
                yield from pairs(f"{where}[{key!r}]", v)
    for name, value in vars(M).items():
        if name.isupper():
            yield from pairs(f"rating.messages.{name}", value)
    yield from pairs("messages.CATALOGUE", app_messages.CATALOGUE)


def levels_named(text: str, names: dict[str, str]) -> set[str]:
    """The levels whose name is in ``text`` as a whole phrase ("Hoàn thành nhiệm vụ" is not in
    "Không hoàn thành nhiệm vụ": names are matched case-sensitively, not inside a word)."""
    return {level for level, name in names.items() if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)}


def test_every_message_naming_a_level_names_it_alike_in_both_languages():
    texts = list(bilingual_texts())
    assert len(texts) > 100
    naming = 0
    for where, vi, en in texts:
        in_vi, in_en = levels_named(vi, M.RATING_LABEL_VI), levels_named(en, M.RATING_LABEL_EN)
        assert in_vi == in_en, (where, vi, en)
        naming += bool(in_vi)
    assert naming >= 3  # Article 11's "rated …" case, the residual note, the quota message
