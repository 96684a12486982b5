"""The desktop bundle: built with PyInstaller from packaging/selfreview.spec (what ``python3 dev.py
bundle`` runs), then run outside the virtual environment as a person would (packaging/smoke.py):
``--version``, ``forms list``, ``demo``, ``import`` (with its worker processes), ``report cell``, and the
desktop app started offscreen and closed. One build for the module (about 1.5 minutes on 2 cores)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import selfreview
from selfreview.services.importing import workers

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "selfreview.spec"
EXE_NAME = "selfreview.exe" if sys.platform == "win32" else "selfreview"

# the first test includes the build (1.5 min on 2 idle cores, 4 under load), the smoke run 1-2 min more
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def _smoke_module():
    spec = importlib.util.spec_from_file_location("selfreview_smoke", ROOT / "packaging" / "smoke.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: it is in the test extra (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
                   cwd=ROOT, check=True)
    folder = out / "dist" / "selfreview"
    assert (folder / EXE_NAME).is_file()
    return folder


def test_the_bundle_holds_what_the_app_reads_at_run_time(bundle):
    inside = bundle / "_internal"
    resources = inside / "selfreview" / "resources"
    source = ROOT / "resources"
    for kind, pattern in (("forms", "*.yaml"), ("fonts", "*.ttf"), ("translations", "*.qm")):
        expected = sorted(p.name for p in (source / kind).glob(pattern))
        assert expected and sorted(p.name for p in (resources / kind).glob(pattern)) == expected, kind
    versions = ROOT / "selfreview" / "db" / "migrations" / "versions"
    assert sorted(p.name for p in (inside / "selfreview" / "db" / "migrations" / "versions").glob("*.py")) == \
        sorted(p.name for p in versions.glob("*.py"))
    plugins = inside / "PySide6" / "Qt" / "plugins"
    assert any((plugins / "platforms").glob("*offscreen*")) and any((plugins / "platforms").glob("*xcb*"))
    # the Qt modules the app never imports stay out (size and build time)
    for unused in ("QtQml", "QtQuick", "QtSql", "QtPrintSupport"):
        assert not list(inside.glob(f"PySide6/{unused}.*")), unused
    qt_catalogues = {p.name for p in (inside / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert qt_catalogues and all(n.endswith(("_en.qm", "_vi.qm")) for n in qt_catalogues), sorted(qt_catalogues)[:5]


def test_the_frozen_app_runs_outside_the_venv(bundle, tmp_path):
    smoke = _smoke_module()
    try:
        times = smoke.smoke(bundle / EXE_NAME, tmp_path, version=selfreview.__version__,
                            members=workers.PARALLEL_MIN_FILES)
    except smoke.SmokeFailed as e:
        pytest.fail(str(e))
    assert set(times) >= {"version", "forms list", "demo", "import", "report cell"}
    # the cell's report, read back: Vietnamese drawn with the bundled fonts
    pdf = tmp_path / "cell.pdf"
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: python3 dev.py test installs it")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif" in fonts


def test_a_newer_bundle_migrates_an_older_data_folder_after_a_backup(bundle, tmp_path):
    """An update (the new app over a data folder an older version wrote): the frozen app copies the
    database into backups/ first, then migrates it, and every row is still there."""
    import sqlite3

    from alembic import command

    from selfreview.db import migrate
    from selfreview.db.engine import connect
    from selfreview.forms import registry

    data = tmp_path / "dữ liệu"
    data.mkdir()
    db = connect(f"sqlite:///{data / 'selfreview.db'}")
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:  # the schema of an older release
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    db.dispose()
    con = sqlite3.connect(data / "selfreview.db")
    con.execute("INSERT INTO profile (id, full_name, party_post, government_post, mass_org_post, work_unit, "
                "cell_name, superior_body, is_leader, in_political_system, language, created_at) "
                "VALUES (1, 'Hà Văn Minh', '', '', '', '', '', '', 0, 1, 'vi', '2025-11-01 08:00:00')")
    info = registry.find("hd43-2025-2b")
    con.execute("INSERT INTO review (id, profile_id, period, template_id, template_version, template_hash, status, "
                "revision, is_current, entered_by_secretary, created_at, updated_at, finalized_at) "
                "VALUES (1, 1, '2025', ?, 1, ?, 'draft', 1, 1, 0, '2025-11-01 08:00:00', "
                "'2025-11-02 08:00:00', NULL)", (info.template.id, info.hash))
    con.commit()
    con.close()

    smoke = _smoke_module()
    env = smoke.clean_env(tmp_path / "home")
    out, _took = smoke.run(bundle / EXE_NAME, ["--data-dir", str(data), "list", "reviews", "--json"], tmp_path, env)
    assert [(r["member"], r["period"], r["status"]) for r in json.loads(out)] == [("Hà Văn Minh", "2025", "draft")]
    copies = sorted((data / "backups").glob(f"selfreview-*-pre-{migrate.HEAD}.db"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)  # taken before
    old.close()
    new = sqlite3.connect(data / "selfreview.db")
    assert new.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    assert new.execute("SELECT full_name FROM profile").fetchall() == [("Hà Văn Minh",)]
    new.close()
