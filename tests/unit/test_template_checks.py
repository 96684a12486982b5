"""`selfreview forms check` rejects broken templates with the file, the place and the reason."""

import textwrap

import pytest

from selfreview.cli import main
from selfreview.forms import TemplateErrors, load_template

GOOD = """
format: 1
id: tiny
version: 1
rule_set: HD43-2025
category: non_leader
title: {vi: "BẢN KIỂM ĐIỂM", en: "SELF-REVIEW"}
roles: {score_general: g, score_tasks: t, score_total: total}
parts:
  - id: a
    label: {vi: "A. NỘI DUNG KIỂM ĐIỂM", en: "A. REVIEW"}
    sections:
      - id: a1
        label: {vi: "I. Ưu điểm", en: "I. Strengths"}
        items:
          - {id: q1, kind: long_text, required: true, label: {vi: "Về phẩm chất", en: "Qualities"}}
          - {id: flag, kind: single_choice, label: {vi: "Có?", en: "Any?"},
             options: [{value: yes, label: {vi: "Có", en: "Yes"}}, {value: no, label: {vi: "Không", en: "No"}}]}
          - {id: q2, kind: long_text, visible_if: {question: flag, equals: yes}, label: {vi: "Nêu rõ", en: "Details"}}
  - id: b
    label: {vi: "B. TỰ ĐÁNH GIÁ", en: "B. SELF-ASSESSMENT"}
    sections:
      - id: b1
        label: {vi: "I. Điểm", en: "I. Scores"}
        items:
          - {id: g, kind: score, max: 30, label: {vi: "Nhóm tiêu chí chung", en: General}}
          - {id: t, kind: score, max: 70, label: {vi: "Nhóm tiêu chí về kết quả", en: Tasks}}
          - {id: total, kind: computed, of: [g, t], label: {vi: "Tổng điểm", en: Total}}
"""


def write(tmp_path, text, name="form.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path):
    with pytest.raises(TemplateErrors) as info:
        load_template(path)
    return [str(e) for e in info.value.errors]


def test_good_template_loads_and_check_passes(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    t = load_template(path)
    assert t.id == "tiny" and [s.id for _, s in t.sections()] == ["a1", "b1"]
    assert main(["forms", "check", str(path)]) == 0
    assert "tốt:" in capsys.readouterr().out  # Vietnamese by default


# (name, text, place, reason) in English (the exception's text), then place and reason as the
# command line says them by default, in Vietnamese
BROKEN = [
    ("unknown kind",
     GOOD.replace("kind: long_text, required: true", "kind: essay, required: true"),
     "item 'q1'", "unknown question kind 'essay'", "câu hỏi “q1”", "loại câu hỏi “essay” không có"),
    ("duplicate ids",
     GOOD.replace("{id: q2,", "{id: q1,"),
     "item 'q1'", "duplicate question id 'q1'", "câu hỏi “q1”", "mã câu hỏi “q1” bị trùng"),
    ("condition on a missing question",
     GOOD.replace("question: flag", "question: nowhere"),
     "item 'q2' > visible_if", "does not exist: 'nowhere'", "câu hỏi “q2” > visible_if",
     "điều kiện dựa vào một câu hỏi không có: “nowhere”"),
    ("min greater than max",
     GOOD.replace("{id: g, kind: score, max: 30", "{id: g, kind: score, min: 40, max: 30"),
     "item 'g'", "min 40 is greater than max 30", "câu hỏi “g”", "min 40 lớn hơn max 30"),
    ("missing Vietnamese label",
     GOOD.replace('label: {vi: "Về phẩm chất", en: "Qualities"}', 'label: {en: "Qualities"}'),
     "section 'a1' > item 'q1' > label > vi", "Vietnamese text (vi) is missing",
     "mục “a1” > câu hỏi “q1” > label > vi", "thiếu chữ tiếng Việt (vi)"),
    ("empty Vietnamese label",
     GOOD.replace('"Về phẩm chất"', '"  "'),
     "item 'q1' > label > vi", "Vietnamese text is empty", "câu hỏi “q1” > label > vi", "chữ tiếng Việt đang để trống"),
    ("role at a missing question",
     GOOD.replace("score_total: total", "score_total: nope"),
     "roles > score_total", "does not exist: 'nope'", "roles > score_total",
     "vai trò trỏ tới một câu hỏi không có: “nope”"),
    ("computed from a non-score",
     GOOD.replace("of: [g, t]", "of: [g, q1]"),
     "item 'total'", "'q1' is not a score", "câu hỏi “total”", "“q1” không phải câu chấm điểm"),
    ("unknown key",
     GOOD.replace("rule_set: HD43-2025", "rule_set: HD43-2025\ncolour: red"),
     "colour", "unknown key 'colour'", "colour", "khóa “colour” không có trong mẫu"),
]


@pytest.mark.parametrize("name,text,place,reason,place_vi,reason_vi", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_templates_are_rejected_with_place_and_reason(tmp_path, capsys, name, text, place, reason,
                                                             place_vi, reason_vi):
    path = write(tmp_path, text)
    messages = errors_of(path)
    assert any(m.startswith(f"{path}: ") and place in m and reason in m for m in messages), messages
    assert main(["forms", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"lỗi: {path}: " in err and place_vi in err and reason_vi in err, err
    assert reason not in err
    assert main(["forms", "check", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"error: {path}: " in err and place in err and reason in err, err


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, GOOD + "\n  - [unclosed\n")
    (message,) = errors_of(path)
    assert str(path) in message and "line " in message and "not valid YAML" in message


def test_missing_file_and_one_bad_among_good(tmp_path, capsys):
    good = write(tmp_path, GOOD, "good.yaml")
    assert main(["forms", "check", str(good), str(tmp_path / "absent.yaml")]) == 1
    captured = capsys.readouterr()
    assert "tốt: " in captured.out and "không có tệp này" in captured.err  # Vietnamese by default
    assert main(["forms", "check", str(good), str(tmp_path / "absent.yaml"), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "ok: " in captured.out and "file not found" in captured.err


def test_decomposed_text_is_normalised_on_load(tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Về phẩm chất")
    path = write(tmp_path, GOOD.replace("Về phẩm chất", nfd))
    t = load_template(path)
    label = t.item_index()["q1"].label.vi
    assert label == "Về phẩm chất" and unicodedata.is_normalized("NFC", label)


def test_conditional_visibility_and_includes(tmp_path):
    from selfreview.forms.answers import is_visible

    (tmp_path / "fragments").mkdir()
    write(tmp_path, """
    sections:
      - id: r1
        label: {vi: "Tự kiểm tra", en: "Self-check"}
        items:
          - {id: chk, kind: checklist, label: {vi: "Biểu hiện", en: "Behaviours"},
             behaviours: [{id: slow, label: {vi: "Chậm trễ", en: "Slow"}}]}
    """, "fragments/check.yaml")
    text = GOOD.replace("  - id: b\n", "      - {include: fragments/check.yaml}\n  - id: b\n", 1)
    t = load_template(write(tmp_path, text))
    assert [s.id for _, s in t.sections()] == ["a1", "r1", "b1"]
    q2 = t.item_index()["q2"]
    assert is_visible(q2, {"flag": "yes"}) and not is_visible(q2, {"flag": "no"}) and not is_visible(q2, {})
