"""``selfreview import`` prints the receipts as they come and keeps a bounded table: a large import
lists its first files and every rejected one, says how many more there are, and counts them all;
``--json`` prints every receipt, as the JSON list it always was."""

from __future__ import annotations

import json

from selfreview.cli import exchange_cmd, main


def _run(capsys, args: list[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_a_large_import_lists_its_first_files_and_every_rejected_one(capsys, data_dir, tmp_path, monkeypatch):
    base = ["--data-dir", str(data_dir), "--lang", "en"]
    assert _run(capsys, [*base, "demo", "--members", "4", "--out", str(tmp_path / "d")])[0] == 0
    (tmp_path / "d" / "zz-broken.selfreview").write_bytes(b"not a review")  # sorted last
    monkeypatch.setattr(exchange_cmd, "TABLE_ROWS", 2)
    code, said = _run(capsys, [*base, "import", str(tmp_path / "d")])
    lines = said.splitlines()
    assert code == 1  # a file was refused
    assert lines[0].split()[:2] == ["FILE", "OUTCOME"]
    rows = lines[1:-2]
    assert len(rows) == 3 and " imported " in rows[0] and " imported " in rows[1]
    assert "zz-broken.selfreview" in rows[2] and " rejected " in rows[2]
    assert lines[-2] == "(2 more accepted files not listed here: see `selfreview receipts`)"
    assert lines[-1] == "4 imported, 0 updated, 0 already present, 1 rejected"

    code, said = _run(capsys, [*base, "import", str(tmp_path / "d"), "--json"])
    receipts = json.loads(said)
    assert code == 1 and [r["outcome"] for r in receipts] == ["already_present"] * 4 + ["rejected"]
    assert said == json.dumps(receipts, ensure_ascii=False, indent=2) + "\n"  # as print_json prints it
