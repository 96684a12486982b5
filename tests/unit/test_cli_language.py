"""The command line speaks one language: Vietnamese by default, English with ``--lang en`` — its own
messages and argparse's errors alike, on the common error paths of the commands."""

from __future__ import annotations

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
