"""What a new user tries first (README): `selfreview demo --members 30 --out d`, then
`selfreview import d` imports 30; the same import again reports 30 already present."""

import json
import subprocess
import sys


def selfreview(*args, data_dir):
    return subprocess.run([sys.executable, "-m", "selfreview", "--data-dir", str(data_dir), "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120)


def test_demo_then_import_twice(tmp_path):
    data, out = tmp_path / "data", tmp_path / "d"
    made = selfreview("demo", "--members", "30", "--out", str(out), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert len(list(out.glob("*.selfreview"))) == 30

    first = selfreview("import", str(out), data_dir=data)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == "30 imported, 0 updated, 0 already present, 0 rejected"

    again = selfreview("import", str(out), "--json", data_dir=data)
    assert again.returncode == 0, again.stderr
    rows = json.loads(again.stdout)
    assert len(rows) == 30 and {r["outcome"] for r in rows} == {"already_present"}
    assert {r["form"] for r in rows} == {"hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c"}

    listed = selfreview("list", "reviews", "--json", data_dir=data)
    reviews = json.loads(listed.stdout)
    assert len(reviews) == 30 and {r["status"] for r in reviews} == {"finalized"}

    (out / "broken.selfreview").write_bytes(b"{\"format\":\"selfreview-response\",\"pay")
    third = selfreview("import", str(out), data_dir=data)
    assert third.returncode == 1
    assert third.stdout.strip().splitlines()[-1] == "0 imported, 0 updated, 30 already present, 1 rejected"
    assert "broken.selfreview" in third.stdout and "rejected" in third.stdout


def test_invite_open_export_import_on_the_command_line(tmp_path):
    sec, mem = tmp_path / "secretary", tmp_path / "member"
    setup = ("from selfreview.services.context import AppContext\n"
             "from selfreview.services.dto import ProfileData\n"
             "import sys\n"
             "with AppContext.open(sys.argv[1]) as ctx:\n"
             "    p = ctx.profiles.create(ProfileData(full_name=sys.argv[2]))\n"
             "    if sys.argv[3] == 'secretary':\n"
             "        ctx.profiles.set_secretary(p.id)\n"
             "        c = ctx.cells.create_cell('Chi bộ Phòng Tư pháp', 'Đảng ủy xã Điện Hòa')\n"
             "        ctx.cells.create_round(c.id, '2025')\n")
    for where, name, role in ((sec, "Phan Thị Thanh Hương", "secretary"), (mem, "Bùi Thị Mỵ", "member")):
        assert subprocess.run([sys.executable, "-c", setup, str(where), name, role]).returncode == 0
    invite = tmp_path / "chi-bo.selfreview-invite"
    r = selfreview("invite", "--round", "1", "--out", str(invite), data_dir=sec)
    assert r.returncode == 0 and "fingerprint" in r.stdout, r.stderr
    r = selfreview("open-invite", str(invite), "--profile", "1", data_dir=mem)
    assert r.returncode == 0 and "Phan Thị Thanh Hương" in r.stdout, r.stderr

    fill = ("import sys; sys.path.insert(0, sys.argv[2])\n"
            "from answers_2b import complete_2b\n"
            "from selfreview.services.context import AppContext\n"
            "with AppContext.open(sys.argv[1]) as ctx:\n"
            "    for q, v in complete_2b().items(): ctx.reviews.save_answer(1, q, v)\n"
            "    ctx.reviews.finalize(1)\n")
    import pathlib
    helpers = pathlib.Path(__file__).resolve().parents[1] / "unit"
    assert subprocess.run([sys.executable, "-c", fill, str(mem), str(helpers)]).returncode == 0
    out = tmp_path / "my.selfreview"
    r = selfreview("export", "--review", "1", "--out", str(out), data_dir=mem)
    assert r.returncode == 0 and "encrypted" in r.stdout, r.stderr
    r = selfreview("import", str(out), "--json", data_dir=sec)
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert (row["outcome"], row["member"], row["form"]) == ("imported", "Bùi Thị Mỵ", "hd43-2025-2b")
