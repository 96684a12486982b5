"""The command line speaks one language: Vietnamese by default, English with ``--lang en`` — its own
messages and argparse's errors alike, on the common error paths of the commands."""

from __future__ import annotations

import json
import re

import pytest

from selfreview.cli import main

# (arguments, exit status, a phrase in Vietnamese, the same in English); {tmp} is a scratch folder
CASES = [
    (["report", "cell"], 2, "thiếu tham số bắt buộc: --cell, --period, --out",
     "the following arguments are required: --cell, --period, --out"),
    (["no-such-command"], 2, "không có lựa chọn 'no-such-command'", "invalid choice: 'no-such-command'"),
    (["list", "reviews", "--bogus"], 2, "tham số không nhận ra: --bogus", "unrecognized arguments: --bogus"),
    (["demo", "--members", "0", "--out", "{tmp}/demo"], 2, "tham số --members: phải từ 1 trở lên",
     "argument --members: must be 1 or more"),
    (["report", "cell", "--cell", "x", "--period", "2025", "--out", "{tmp}/a.pdf"], 2,
     "tham số --cell: 'x' không phải số nguyên hợp lệ", "argument --cell: invalid int value: 'x'"),
    (["report", "page-setup", "--margins", "1/2"], 2, "cần bốn số đo bằng mm",
     "give four numbers in mm"),
    (["report", "page-setup", "--margins", "200/20/30/15"], 2, "tham số --margins: mỗi lề phải từ 5 đến 60 mm",
     "argument --margins: each margin must be between 5 and 60 mm"),
    (["results-invite", "--period", "2025", "--out", "{tmp}/c", "--deadline", "31/12/2025"], 2,
     "không phải ngày dạng YYYY-MM-DD", "not a date as YYYY-MM-DD"),
    (["propose", "--round", "1", "--member", "1"], 2, "lỗi: cần --rating cùng với --member",
     "error: --rating is needed with --member"),
    (["decide", "--period", "2025"], 2, "lỗi: cần --org, --member và --rating",
     "error: --org, --member and --rating are needed"),
    (["keys", "new-office"], 2, "lỗi: cần --profile ID hoặc --name TÊN", "error: give --profile ID or --name NAME"),
    (["forms", "check", "{tmp}/absent.yaml"], 1, "lỗi: {tmp}/absent.yaml: không có tệp này",
     "error: {tmp}/absent.yaml: file not found"),
    (["report", "cell", "--cell", "1", "--period", "2025", "--out", "{tmp}/nowhere/a.pdf"], 1,
     "thư mục không tồn tại", "the folder does not exist"),
    (["results-invite", "--period", "2025", "--out", "{tmp}/c", "--expect-file", "{tmp}/absent.txt"], 2,
     "không đọc được tệp", "cannot read the file"),
]

ENGLISH_WORDS = ("error", "argument", "required", "invalid", "not found", "cannot", "must", "folder", "usage")


def _run(capsys, args):
    try:
        code = main(args)
    except SystemExit as e:  # argparse's errors
        code = e.code
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(("argv", "status", "vi", "en"), CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_common_errors_in_each_language(capsys, data_dir, tmp_path, monkeypatch, argv, status, vi, en):
    monkeypatch.delenv("SELFREVIEW_LANG", raising=False)
    fill = lambda s: s.replace("{tmp}", str(tmp_path))  # noqa: E731
    args = ["--data-dir", str(data_dir), *map(fill, argv)]

    code, said = _run(capsys, args)  # the default: Vietnamese
    assert code == status and fill(vi) in said, said
    assert not [w for w in ENGLISH_WORDS if w in said.replace(str(tmp_path), "").lower()], said

    code, said = _run(capsys, [*args, "--lang", "en"])
    assert code == status and fill(en) in said, said
    assert fill(vi) not in said

    monkeypatch.setenv("SELFREVIEW_LANG", "en")  # the environment chooses too; --lang still wins
    code, said = _run(capsys, args)
    assert code == status and fill(en) in said, said
    code, said = _run(capsys, [*args, "--lang=vi"])
    assert code == status and fill(vi) in said, said


def test_the_usage_line_is_named_in_the_language(capsys, data_dir):
    _code, said = _run(capsys, ["--data-dir", str(data_dir), "report", "cell"])
    assert said.startswith("cách dùng: selfreview report cell")
    _code, said = _run(capsys, ["--data-dir", str(data_dir), "report", "cell", "--lang", "en"])
    assert said.startswith("usage: selfreview report cell")


def test_messages_of_the_successful_paths_too(capsys, data_dir, tmp_path):
    base = ["--data-dir", str(data_dir)]
    code, said = _run(capsys, [*base, "report", "page-setup"])
    assert code == 0 and said.startswith("khổ giấy A4; lề trên") and "dấu chấm" in said
    code, said = _run(capsys, [*base, "report", "page-setup", "--lang", "en"])
    assert code == 0 and said.startswith("paper A4; margins top")
    code, said = _run(capsys, [*base, "doctor"])
    assert code == 0 and "kiểm tra: tốt" in said
    code, said = _run(capsys, [*base, "list", "cells"])  # table headers too
    assert code == 0 and said.split() == ["SỐ", "TÊN", "CẤP", "ỦY", "CẤP", "TRÊN"]
    code, said = _run(capsys, [*base, "list", "cells", "--lang", "en"])
    assert code == 0 and said.split() == ["ID", "NAME", "SUPERIOR", "BODY"]


def test_a_demo_imported_and_listed_in_each_language(capsys, data_dir, tmp_path):
    base = ["--data-dir", str(data_dir)]
    code, said = _run(capsys, [*base, "demo", "--members", "1", "--out", str(tmp_path / "d")])
    assert code == 0 and "đã ghi 1 tệp vào" in said and "giây, mã hóa cho bí thư" in said
    code, said = _run(capsys, [*base, "import", str(tmp_path / "d")])
    assert code == 0 and said.splitlines()[0].split()[:2] == ["TỆP", "KẾT"] and " đã nhập " in said
    assert said.splitlines()[-1] == "1 đã nhập, 0 đã cập nhật, 0 đã có, 0 bị từ chối"
    code, said = _run(capsys, [*base, "import", str(tmp_path / "d"), "--lang", "en"])
    assert code == 0 and " already present " in said
    assert said.splitlines()[-1] == "0 imported, 0 updated, 1 already present, 0 rejected"
    code, said = _run(capsys, [*base, "list", "reviews"])
    assert code == 0 and " đã hoàn tất " in said and "finalized" not in said
    code, said = _run(capsys, [*base, "list", "reviews", "--lang", "en"])
    assert code == 0 and " finalized " in said
    code, said = _run(capsys, [*base, "list", "reviews", "--json"])
    assert code == 0 and '"finalized"' in said  # the JSON keeps the codes


# English words the Vietnamese output must not hold (whole words: keys of a form such as
# "max_length" or "long_text" are the file's own and stay as written)
ENGLISH = re.compile(r"\b(error|unknown|missing|duplicate|required|is|not|must|the|of|and|or|greater|expected|"
                     r"valid|part|section|item|line|column|text|should|input|value|kind|key|daily|other|before|"
                     r"connection|schema|constraints|consistency|revision|user|database|counts|ok|check)\b",
                     re.IGNORECASE)

SHAPE_ERRORS = """\
format: 1
id: tiny
version: 1
rule_set: HD43-2025
category: non_leader
colour: red
title: {vi: "BẢN KIỂM ĐIỂM", en: "SELF-REVIEW"}
parts:
  - id: a
    label: {vi: "A. NỘI DUNG", en: "A. REVIEW"}
    sections:
      - id: a1
        label: {vi: "  ", en: "I. Strengths"}
        items:
          - {id: q1, kind: essay, label: {vi: "Về phẩm chất", en: "Qualities"}}
          - {id: g, kind: score, max: 30, label: {en: General}}
          - {id: t, kind: score, max: "x", label: {vi: "Nhóm", en: Tasks}}
          - {id: q2, kind: long_text, max_length: 0, label: {vi: "Ý kiến", en: "Opinion"}}
          - {id: q3, kind: single_choice, label: {vi: "Chọn", en: "Pick"}, options: []}
          - {kind: short_text, label: {vi: "Tên", en: "Name"}}
"""

WHOLE_TEMPLATE_ERRORS = """\
format: 1
id: tiny
version: 1
rule_set: HD43-2025
category: non_leader
title: {vi: "BẢN KIỂM ĐIỂM", en: "SELF-REVIEW"}
roles: {score_general: g, score_tasks: q1, score_total: nope, favourite: g}
parts:
  - id: a
    label: {vi: "A. NỘI DUNG", en: "A. REVIEW"}
    sections:
      - id: a1
        label: {vi: "I. Ưu điểm", en: "I. Strengths"}
        items:
          - {id: q1, kind: long_text, min_length: 9, max_length: 3, label: {vi: "Về phẩm chất", en: "Qualities"}}
          - {id: q1, kind: long_text, visible_if: {question: nowhere, equals: x}, label: {vi: "Nêu", en: "Say"}}
          - {id: g, kind: score, min: 40, max: 30, label: {vi: "Điểm", en: "Score"}}
          - {id: total, kind: computed, of: [g, q1, none], label: {vi: "Tổng", en: "Total"}}
"""


def test_forms_check_names_every_problem_in_the_chosen_language(capsys, tmp_path):
    """A broken template's problems, where and why, in Vietnamese by default: no English word left."""
    files = []
    for name, text in (("shape.yaml", SHAPE_ERRORS), ("whole.yaml", WHOLE_TEMPLATE_ERRORS),
                       ("syntax.yaml", "a: [b\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    code, said = _run(capsys, ["forms", "check", *files])
    lines = said.replace(str(tmp_path), "").splitlines()
    assert code == 1 and len(lines) >= 12 and all(line.startswith("lỗi: /") for line in lines), said
    assert not [m.group(0) for line in lines if (m := ENGLISH.search(line.split(": ", 2)[2]))], said
    for phrase in ("khóa “colour” không có trong mẫu", "chữ tiếng Việt đang để trống", "phần “a” > mục “a1”",
                   "loại câu hỏi “essay” không có", "thiếu chữ tiếng Việt (vi)", "cần một số", "phải từ 1 trở lên",
                   "cần ít nhất 2 phần tử", "thiếu khóa bắt buộc “id”", "mã câu hỏi “q1” bị trùng",
                   "min_length 9 lớn hơn max_length 3", "vai trò “favourite” không có",
                   "dòng 2, cột 1: không phải YAML hợp lệ"):
        assert phrase in said, (phrase, said)

    code, said = _run(capsys, ["forms", "check", *files, "--lang", "en"])
    assert code == 1 and "lỗi" not in said and "không" not in said
    for phrase in ("unknown key 'colour'", "the Vietnamese text is empty", "part 'a' > section 'a1'",
                   "unknown question kind 'essay'", "a number is expected", "must be 1 or more",
                   "required key 'id' is missing", "duplicate question id 'q1'",
                   "min_length 9 is greater than max_length 3", "line 2, column 1: not valid YAML"):
        assert phrase in said, (phrase, said)


def test_doctor_and_the_forms_list_name_their_codes(capsys, data_dir):
    """Codes shown in tables (a backup's kind, a form's category) are named in the language; the
    JSON keeps the codes scripts read."""
    base = ["--data-dir", str(data_dir)]
    _run(capsys, [*base, "list", "cells"])  # a first start: the database is made (a pre-migration copy)
    code, said = _run(capsys, [*base, "doctor"])
    assert code == 0 and "trước khi nâng cấp" in said, said
    assert not ENGLISH.search(said.replace(str(data_dir), "").replace("selfreview", "")), said
    code, said = _run(capsys, [*base, "doctor", "--lang", "en"])
    assert code == 0 and "before an upgrade" in said and "check: ok" in said
    code, said = _run(capsys, [*base, "doctor", "--json"])
    assert {b["kind"] for b in json.loads(said)["backups"]} == {"pre-migration"}
    code, said = _run(capsys, [*base, "forms", "list"])
    assert "không lãnh đạo, quản lý" in said and "non_leader" not in said
    code, said = _run(capsys, [*base, "forms", "list", "--json"])
    assert {f["category"] for f in json.loads(said)} >= {"leader", "non_leader", "outside_system"}
