"""The command line: --version, --data-dir everywhere, forms list, list … --json."""

import json
import subprocess
import sys

from selfreview import __version__
from selfreview.cli import main
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as e:
        assert e.code == 0
    assert capsys.readouterr().out.strip() == f"selfreview {__version__}"


def test_python_dash_m_runs_the_same_cli():
    out = subprocess.run([sys.executable, "-m", "selfreview", "forms", "list"], capture_output=True, text=True)
    assert out.returncode == 0 and "hd43-2025-2b" in out.stdout


def test_forms_list_shows_the_bundled_forms(capsys):
    assert main(["forms", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["hd43-2025-2b"]["category"] == "non_leader"
    assert rows["hd43-2025-2b"]["rule_set"] == "HD43-2025"
    assert rows["hd43-2025-2b"]["code"] == "Mẫu 02B-HD KĐ.ĐG 2025"
    assert rows["hd43-2025-2b"]["title"].startswith("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN")
    assert "responsibility-selfcheck-2025" in rows


def test_list_json_names_what_other_commands_take(tmp_path, capsys):
    data = tmp_path / "d"
    with AppContext.open(data) as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Võ Thị Thu Hương"))
        review = ctx.reviews.create(p.id, "2026")
        cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy xã Điện Bàn")
        rnd = ctx.cells.create_round(cell.id, "2026")
    # --data-dir accepted before and after the command
    assert main(["--data-dir", str(data), "list", "reviews", "--json"]) == 0
    (r,) = json.loads(capsys.readouterr().out)
    assert {k: r[k] for k in ("id", "member", "form", "period", "status")} == {
        "id": review.summary.id, "member": "Võ Thị Thu Hương", "form": "hd43-2025-2b", "period": "2026",
        "status": "draft"}
    assert main(["list", "cells", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"id": cell.id, "name": "Chi bộ Văn phòng", "superior_body": "Đảng ủy xã Điện Bàn"}]
    assert main(["list", "rounds", "--json", "--data-dir", str(data)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["id"], row["cell"], row["period"]) == (rnd.id, "Chi bộ Văn phòng", "2026")
    assert main(["list", "reviews", "--data-dir", str(data)]) == 0
    assert "Võ Thị Thu Hương" in capsys.readouterr().out


def test_a_damaged_database_is_reported_without_a_traceback(tmp_path, capsys):
    data = tmp_path / "d"
    with AppContext.open(data) as ctx:
        ctx.profiles.create(ProfileData(full_name="Đặng Thu Thảo"))
    db = data / "selfreview.db"
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    db.write_bytes(bytes(raw))
    before = db.read_bytes()
    assert main(["--data-dir", str(data), "list", "reviews"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "selfreview doctor" in err
    assert db.read_bytes() == before  # nothing written to the damaged file


def test_messages_follow_the_language_setting(tmp_path, monkeypatch, capsys):
    """Vietnamese by default; ``--lang en``; else the language chosen in the desktop app."""
    from selfreview.cli import main
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SELFREVIEW_LANG", raising=False)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "keys", "status", "--profile", "7"]) == 2
    assert "Không có hồ sơ số 7" in capsys.readouterr().err
    assert main(["--data-dir", data, "keys", "status", "--profile", "7", "--lang", "en"]) == 2
    assert "There is no profile 7" in capsys.readouterr().err
    settings = tmp_path / "config" / "selfreview" / "selfreview.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=en\n", encoding="utf-8")  # as the desktop app writes it
    assert main(["--data-dir", data, "keys", "status", "--profile", "7"]) == 2
    assert "There is no profile 7" in capsys.readouterr().err
