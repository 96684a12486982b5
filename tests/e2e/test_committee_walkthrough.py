"""docs/committee.md's walk-through, command for command: three cells (each its own data folder)
report to a committee (its own), which rolls them up, decides and sends the decisions back.

The commands are read from the document itself, so the document cannot drift from what works.
Each runs through ``selfreview.cli.main`` in this process (the same parser and handlers as the
installed command; the process start-up of thirty commands is left out)."""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

from pypdf import PdfReader

from sqlalchemy import select

from selfreview.cli import main
from selfreview.db.models import AuditEntry
from selfreview.services.committee import office_key
from selfreview.services.context import AppContext

DOC = Path(__file__).resolve().parents[2] / "docs" / "committee.md"


PASSPHRASE = "cụm mật khẩu của người ngồi máy"  # what each person types when asked (getpass)


def walkthrough() -> list[tuple[dict[str, str], list[str]]]:
    """(the environment the line sets, the arguments) for each command of the block."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough -->\s*```sh\n(.*?)```\s*<!-- /walkthrough -->", text, re.S)
    assert block, "docs/committee.md has no walk-through block"
    lines = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    commands = []
    for ln in lines:
        words = shlex.split(ln)
        env = {}
        while "=" in words[0] and words[0].split("=", 1)[0] == "SELFREVIEW_DB_URL":  # a staff PC's setting
            key, value = words.pop(0).split("=", 1)
            env[key] = value
        assert words[0] == "selfreview", ln
        commands.append((env, words[1:]))
    return commands


def run(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    assert code == 0, f"{shlex.join(argv)} exited {code}:\n{out.out}\n{out.err}"
    return code, out.out


def test_three_cells_report_the_committee_decides_the_cells_learn_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)  # a person at a terminal
    outputs: dict[str, str] = {}
    rollcalls = []
    for env, argv in walkthrough():
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        _, out = run(argv, capsys)
        for key in env:
            monkeypatch.delenv(key)
        key = " ".join(argv[2:4])
        outputs[key] = out
        if argv[2] == "results-rollcall":
            rollcalls.append(out)
        if argv[2] == "import":  # every file in, none refused (main() would have exited 1)
            assert out.splitlines()[-1].endswith(" 0 bị từ chối") and not out.splitlines()[-1].startswith("0 đã nhập")

    # the roll-call of organisations, before and after the third cell reported
    assert rollcalls[0].splitlines()[0] == "2/3 tổ chức đã báo cáo" and "Chi bộ Nội vụ" in rollcalls[0]
    assert rollcalls[1].splitlines()[0] == "3/3 tổ chức đã báo cáo"

    # the roll-up PDF holds every cell's row, from the results files alone
    text = PdfReader(tmp_path / "rollup-2025.pdf").pages[0].extract_text()
    for cell in ("Chi bộ Văn phòng", "Chi bộ Tư pháp", "Chi bộ Nội vụ"):
        assert cell in text
    assert "Tổng số đảng viên: 18" in text

    decided = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "rollup-decided-2025.pdf").pages)
                       .split())
    assert "V. KẾT QUẢ XẾP LOẠI DO CẤP ỦY QUYẾT ĐỊNH" in decided and "Theo mức cấp ủy quyết định: HTXSNV 1 /" in decided

    # the committee office: the call carried the office key; who made, handed over and used it
    with AppContext.open(tmp_path / "committee") as ctx:
        office = office_key.current(ctx)
        with ctx.read() as s:
            log = [(a.action, a.actor, a.details.get("purpose")) for a in
                   s.scalars(select(AuditEntry).where(AuditEntry.action.like("office_key.%")).order_by(AuditEntry.id))]
    assert office.committee == "Đảng ủy Khối Cơ quan" and office.fingerprint in outputs["results-invite --period"]
    assert "Khóa văn phòng của Đảng ủy Khối Cơ quan" in outputs["keys status"]
    mai, hung = "Lê Thị Mai", "Hoàng Văn Hùng"
    assert log[:4] == [("office_key.created", mai, None), ("office_key.exported", mai, None),
                       ("office_key.received", hung, None), ("office_key.used", mai, "results.call_write")]
    assert [(who, what) for _, who, what in log[4:7]] == [(hung, "results.import"), (hung, "results.import"),
                                                          (mai, "results.import")]
    assert {what for _, _, what in log[7:]} == {"results.decisions_write"}

    # the committee's list, as JSON
    assert main(["--data-dir", "committee", "list", "results", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted((r["organisation"], r["members"], r["status"]) for r in listed) == [
        ("Chi bộ Nội vụ", 6, "decisions_sent"), ("Chi bộ Tư pháp", 6, "decisions_sent"),
        ("Chi bộ Văn phòng", 6, "decisions_sent")]

    # each cell: the decided rating next to the proposed one, in the roll-call and the database
    with AppContext.open(tmp_path / "tu-phap") as ctx:
        rows = {r.name: r for r in ctx.rollcall.roll_call(1).rows}
    assert rows["Trần Văn Đức"].cell_rating == "khtnv" and rows["Trần Văn Đức"].decided_rating == "htnv"
    assert all(r.decided_rating == r.cell_rating for n, r in rows.items() if n != "Trần Văn Đức")
    roster = outputs["roster --cell"]
    assert "Cấp trên quyết định xếp loại" in roster
    duc = next(line for line in roster.splitlines() if "Trần Văn Đức" in line)
    assert duc.split()[-3:] == ["KHTNV", "KHTNV", "HTNV"]  # self-proposed, cell-proposed, decided
    with AppContext.open(tmp_path / "van-phong") as ctx:
        rows = {r.name: r for r in ctx.rollcall.roll_call(1).rows}
    assert rows["Phạm Ngọc Thảo"].decided_rating == "htxsnv" and rows["Phạm Ngọc Thảo"].cell_rating == "httnv"
