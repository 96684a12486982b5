"""The bundled form templates (``resources/forms/*.yaml``): they load, they say what they are, and
their official wording keeps its provenance.

Where ``shared/domain/forms-2025.md`` (the research file the wording was copied from) is reachable,
every non-app text citing it is also checked to appear there, character for character (allowing only
cuts marked " … ", a capitalised first letter and a leading item number).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from selfreview.forms import load_template
from selfreview.forms.model import Checklist, MultiChoice, Records, SingleChoice, Status, Template, Text
from selfreview.rating import rules

FORMS = Path(__file__).resolve().parents[2] / "resources" / "forms"
TEMPLATE_FILES = sorted(FORMS.glob("*.yaml"))
ALL_YAML = sorted(FORMS.rglob("*.yaml"))  # templates and fragments

EXPECTED = {
    "hd43-2025-2a.yaml": ("hd43-2025-2a", "leader"),
    "hd43-2025-2b.yaml": ("hd43-2025-2b", "non_leader"),
    "hd43-2025-2c.yaml": ("hd43-2025-2c", "outside_system"),
    "hd43-2025-01.yaml": ("hd43-2025-01", "collective"),
    "responsibility-selfcheck-2025.yaml": ("responsibility-selfcheck-2025", "any"),
}
INDIVIDUAL_2025 = ("hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c")

BEHAVIOURS = {"not_proactive", "no_clear_view", "unclear_law_no_plan", "poor_coordination",
              "not_daring_decide", "pushing_up_sideways", "slow_handling", "fear_of_discipline",
              "avoiding_posts"}
INDIVIDUAL_ROLES = {"score_general", "score_tasks", "score_total", "proposed_rating", "rating_conditions",
                    "shortcomings", "previous_shortcomings", "responsibility_check"}
RATINGS = ["htxsnv", "httnv", "htnv", "khtnv"]

# Condition codes of QĐ 366 Article 11 the templates may offer, per category.
EXCELLENCE = {"all_tasks_on_time_quality", "over_30pct_exceeded", "prior_shortcomings_fixed"}  # 1.3, 1.4
LEADER_EXCELLENCE = {"unit_all_tasks_30pct_exceeded"}  # 1.2
CASES_43 = {"degraded", "disciplined_duty", "violated_prohibitions", "tasks_failed_over_half"}  # 4.3
CASES_42 = {"unit_below_70pct", "low_confidence_votes", "disciplined_duty", "degraded",
            "corruption_in_scope"}  # 4.2
TASK_FLAGS = {"tasks_late_over_20pct", "not_all_tasks_done"}  # khoản 2, 3 in the negative (app wording)
ALL_CODES = EXCELLENCE | LEADER_EXCELLENCE | CASES_43 | CASES_42 | TASK_FLAGS
CODES_BY_CATEGORY = {
    "leader": EXCELLENCE | LEADER_EXCELLENCE | CASES_42 | TASK_FLAGS,
    "non_leader": EXCELLENCE | CASES_43 | TASK_FLAGS,
    "outside_system": EXCELLENCE | CASES_43 | TASK_FLAGS,
}

OFFICIAL_2B_I1 = (
    "1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ "
    "chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, "
    "lề lối làm việc. Liên hệ các biểu hiện về suy thoái, \"tự diễn biến\", \"tự chuyển hoá\"."
)


@pytest.fixture(scope="module")
def templates() -> dict[str, Template]:
    return {t.id: t for t in (load_template(p) for p in TEMPLATE_FILES)}


def texts(obj):
    """Every ``Text`` inside a template (labels, hints, options, bullets, behaviours, ...)."""
    if isinstance(obj, Text):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from texts(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from texts(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from texts(x)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)


# --------------------------------------------------------------------------------------------------
def test_the_expected_files_are_bundled():
    assert {p.name for p in TEMPLATE_FILES} == set(EXPECTED)
    assert (FORMS / "fragments" / "responsibility-check.yaml").is_file()


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_every_template_loads_with_its_id_and_category(path):
    t = load_template(path)
    assert (t.id, t.category.value) == EXPECTED[path.name]
    assert t.version == 1 and t.rule_set == "HD43-2025"


def test_2b_section_one_item_one_is_the_official_text(templates):
    t = templates["hd43-2025-2b"]
    a_i = next(s for p in t.parts for s in p.sections if s.id == "a_i")
    first = a_i.items[0]
    assert first.id == "a1_political"
    assert first.label.vi == OFFICIAL_2B_I1
    assert first.label.status is Status.VERBATIM


def test_codes_and_the_2c_item_that_differs(templates):
    assert templates["hd43-2025-2a"].code.vi == "Mẫu 02A-HD KĐ.ĐG 2025"
    assert templates["hd43-2025-2b"].code.vi == "Mẫu 02B-HD KĐ.ĐG 2025"
    assert templates["hd43-2025-2c"].code.vi == "Mẫu 02C-HD KĐ.ĐG 2025"
    assert templates["hd43-2025-01"].code.vi == "Mẫu 01-HD KĐ.ĐG 2025"
    duties = {tid: templates[tid].item_index()["a1_duties"].label.vi for tid in INDIVIDUAL_2025}
    assert duties["hd43-2025-2c"].startswith("2. Việc thực hiện quyền và nghĩa vụ của đảng viên")
    assert duties["hd43-2025-2b"] == duties["hd43-2025-2a"] != duties["hd43-2025-2c"]
    # the 2C source does not print the "(Gửi kèm Phụ lục …)" sentence
    assert "b2_annex" not in templates["hd43-2025-2c"].item_index()
    assert "b2_annex" in templates["hd43-2025-2b"].item_index()


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_official_texts_name_their_source(path):
    t = load_template(path)
    for x in texts(t):
        if x.status in (Status.VERBATIM, Status.HEADING_INFERRED):
            assert x.src and x.src.strip(), f"{x.vi[:60]!r} is {x.status.value} but has no src"
        if x.status in (Status.RECONSTRUCTED, Status.THIRD_PARTY):
            assert x.src and x.src.strip(), f"{x.vi[:60]!r} is {x.status.value} but has no src"


@pytest.mark.parametrize("path", ALL_YAML, ids=lambda p: p.relative_to(FORMS).as_posix())
def test_every_string_in_the_files_is_nfc(path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = [s[:60] for s in strings(raw) if not unicodedata.is_normalized("NFC", s)]
    assert bad == []


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_every_loaded_vi_text_is_nfc(path):
    for x in texts(load_template(path)):
        assert unicodedata.is_normalized("NFC", x.vi)


@pytest.mark.parametrize("tid", INDIVIDUAL_2025)
def test_individual_forms_have_the_roles_and_the_self_check(templates, tid):
    t = templates[tid]
    assert INDIVIDUAL_ROLES <= set(t.roles)
    checklist = t.role_item("responsibility_check")
    assert isinstance(checklist, Checklist) and checklist.id == "r_behaviours" and checklist.required
    assert {b.id for b in checklist.behaviours} == BEHAVIOURS
    assert [o.value for o in checklist.frequencies] == ["never", "sometimes", "often"]
    assert isinstance(t.role_item("previous_shortcomings"), Records)
    assert t.role_item("previous_shortcomings").prefill_from == "shortcomings"
    status = next(f for f in t.role_item("previous_shortcomings").fields if f.id == "status")
    assert [o.value for o in status.options] == ["fixed", "being_fixed", "not_fixed"]
    assert t.roles["score_general"] == "b1_general" and t.item_index()["b1_general"].max == 30
    assert t.roles["score_tasks"] == "b1_tasks" and t.item_index()["b1_tasks"].max == 70
    assert t.item_index()["b1_total"].of == ["b1_general", "b1_tasks"]


def test_the_stand_alone_self_check(templates):
    t = templates["responsibility-selfcheck-2025"]
    assert t.roles == {"responsibility_check": "r_behaviours"}
    assert {b.id for b in t.role_item("responsibility_check").behaviours} == BEHAVIOURS
    assert [f.field for f in t.identity] == ["full_name", "work_unit", "cell"]
    assert "r_remedies" in {s.id for _, s in t.sections()}


def test_the_collective_report_has_no_identity_and_no_self_check(templates):
    t = templates["hd43-2025-01"]
    assert t.identity == []
    assert "responsibility_check" not in t.roles
    assert "r_selfcheck" not in {s.id for _, s in t.sections()}
    assert {"score_general", "score_tasks", "score_total", "proposed_rating"} <= set(t.roles)


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_proposed_rating_uses_the_four_codes(path):
    t = load_template(path)
    item = t.role_item("proposed_rating")
    if item is None:
        return
    assert isinstance(item, SingleChoice) and item.required
    assert [o.value for o in item.options] == RATINGS


@pytest.mark.parametrize("tid", INDIVIDUAL_2025)
def test_rating_conditions_use_known_codes_of_the_category(templates, tid):
    t = templates[tid]
    item = t.role_item("rating_conditions")
    assert isinstance(item, MultiChoice) and item.id == "b2_conditions" and not item.required
    values = {o.value for o in item.options}
    assert values <= ALL_CODES
    assert values <= CODES_BY_CATEGORY[t.category.value]
    # the rating rules accept every code the template offers
    assert values - TASK_FLAGS <= rules.DISQUALIFIERS_ALL | rules.EXCELLENCE_ALL
    # Article 11 wording (verbatim or a verbatim text placed by inference); only the task flags are app text
    for o in item.options:
        expected = {Status.APP} if o.value in TASK_FLAGS else {Status.VERBATIM, Status.RECONSTRUCTED}
        assert o.label.status in expected, o.value


# --------------------------------------------------------------------------------------------------
REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "forms-2025.md"


def _found(piece: str, source: str) -> bool:
    if piece in source or (piece[:1].lower() + piece[1:]) in source:
        return True
    m = re.match(r"^\d+\. (.+)$", piece, re.S)  # leader items whose number is reconstructed
    return bool(m) and m.group(1) in source


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.name)
def test_wording_citing_forms_2025_is_found_there(path):
    source = REFERENCE.read_text(encoding="utf-8")
    missing, checked = [], 0
    for x in texts(load_template(path)):
        if x.status is Status.APP or not x.src or "forms-2025.md" not in x.src:
            continue
        for piece in x.vi.split(" … "):
            checked += 1
            if not _found(piece.strip(), source):
                missing.append(piece[:80])
    assert checked >= 5  # every form cites the reference; a file that cites nothing is suspicious
    assert missing == []
