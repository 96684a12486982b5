"""A committee office's PostgreSQL server: ``doctor`` checks it for real (connection, schema,
constraints, consistency, counts), a database that does not exist or a server that does not answer
is one translated message (no traceback) on the command line, and the server's database is backed
up with pg_dump (every day, and before a migration). These are about the server: PostgreSQL only."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from alembic import command
from sqlalchemy import text

from selfreview.cli import main
from selfreview.db import migrate
from selfreview.db.engine import connect
from selfreview.services.context import AppContext

# real first starts: the daily and pre-migration dumps are the subject (tests/migrated_template.py)
pytestmark = [pytest.mark.parametrize("database", ["postgresql"], indirect=True), pytest.mark.real_start]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_doctor_checks_a_sound_server_database(database, data_dir, capsys):
    with AppContext.open(data_dir) as ctx:
        ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy xã Điện Hòa")
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir), "--json")
    report = json.loads(out)
    assert code == 0 and report["sound"], report
    checks = {c["name"]: c for c in report["checks"]}
    assert set(checks) == {"connection", "schema", "constraints", "consistency"}
    assert "postgresql" in checks["connection"]["detail"]
    assert f"revision {migrate.HEAD}" in checks["schema"]["detail"]
    assert "uq_member_cell_key" in checks["constraints"]["detail"]
    assert report["counts"]["cell"] == 1 and report["counts"]["member"] == 0
    assert "@" in report["database"] and report["database"].startswith("postgresql")


def test_doctor_finds_a_missing_constraint(database, data_dir, capsys):
    with AppContext.open(data_dir) as ctx, ctx.db.engine.begin() as conn:
        conn.execute(text("DROP INDEX uq_member_cell_key"))
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir), "--lang", "en")
    assert code == 2
    assert "constraints: PROBLEM: missing unique indexes: uq_member_cell_key" in out
    assert "check: PROBLEM" in out


def test_doctor_speaks_vietnamese_by_default(database, data_dir, capsys):
    """The server's checks, what they found and the counts in one language (English with --lang en)."""
    import re
    with AppContext.open(data_dir) as ctx, ctx.db.engine.begin() as conn:
        conn.execute(text("DROP INDEX uq_member_cell_key"))
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir))
    assert code == 2
    assert "kết nối: tốt: postgresql" in out and ", người dùng " in out and ", cơ sở dữ liệu " in out
    assert f"cấu trúc dữ liệu: tốt: phiên bản {migrate.HEAD}, đúng của ứng dụng này" in out
    assert "ràng buộc: CÓ VẤN ĐỀ: thiếu chỉ mục duy nhất: uq_member_cell_key" in out
    assert "tính nhất quán: tốt: không đảng viên nào bị nhập hai lần" in out
    assert "số lượng: chi bộ 0, đảng viên 0, bản kiểm điểm 0" in out
    assert "kiểm tra: CÓ VẤN ĐỀ: ràng buộc: thiếu chỉ mục duy nhất" in out
    words = out.replace("postgresql", "").replace("uq_member_cell_key", "").replace("uq_review_current", "")
    english = re.findall(r"\b(connection|schema|constraints|consistency|revision|user|database|missing|unique|"
                         r"indexes|present|counts|member|review|check|ok|PROBLEM|no|the)\b", words.split("\n", 1)[1])
    assert not english, out
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir), "--lang", "en")
    assert "connection: ok: postgresql" in out and "counts: cell 0, member 0" in out


def test_doctor_on_an_empty_database_says_so(database, data_dir, capsys, pg_server, monkeypatch):
    name = pg_server.create_database(empty=True)
    monkeypatch.setenv("SELFREVIEW_DB_URL", pg_server.url(name))
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir), "--lang", "en")
    assert code == 2 and "schema: PROBLEM: no schema" in out
    pg_server.drop_database(name)


@pytest.mark.parametrize("argv", [["doctor"], ["list", "reviews"], ["import", "nothing.selfreview"]])
def test_a_database_that_does_not_exist_is_one_message(database, data_dir, capsys, pg_server, monkeypatch, argv):
    monkeypatch.setenv("SELFREVIEW_DB_URL", pg_server.url("no_such_database"))
    code, out, err = run(capsys, *argv, "--data-dir", str(data_dir))
    assert code == 1 and out == ""
    assert "Traceback" not in err and "check: ok" not in out
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 2  # Vietnamese (the default), and English where both are printed
    assert "Không kết nối được máy chủ cơ sở dữ liệu" in lines[0] and 'database "no_such_database"' in lines[0]


def test_a_server_that_does_not_answer_is_one_message(database, data_dir, capsys, monkeypatch):
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("SELFREVIEW_DB_URL", f"postgresql+psycopg://staff:secret@127.0.0.1:{port}/office")
    code, _, err = run(capsys, "list", "reviews", "--data-dir", str(data_dir))
    assert code == 1 and "Traceback" not in err and "secret" not in err
    assert err.startswith("lỗi: Không kết nối được máy chủ cơ sở dữ liệu (SELFREVIEW_DB_URL): ")
    assert "Could not connect" not in err and len(err.strip().splitlines()) == 1  # one language: Vietnamese
    code, _, err = run(capsys, "list", "reviews", "--data-dir", str(data_dir), "--lang", "en")
    assert code == 1 and err.startswith("error: Could not connect to the database server") and "secret" not in err


needs_pg_dump = pytest.mark.skipif(shutil.which("pg_dump") is None and not __import__("os").environ.get("CI"),
                                   reason="pg_dump is not installed (Debian: postgresql-client)")


@needs_pg_dump
def test_the_daily_copy_of_a_server_database_is_a_pg_dump(database, data_dir):
    with AppContext.open(data_dir) as ctx:
        assert ctx.startup.backup_error is None
        daily = ctx.startup.daily_backup
        assert daily is not None and daily.suffix == ".pgdump" and daily.parent == data_dir / "backups"
    listed = subprocess.run(["pg_restore", "--list", str(daily)], capture_output=True, text=True, check=True).stdout
    assert "TABLE public member" in listed and "INDEX public uq_member_cell_key" in listed
    with AppContext.open(data_dir) as ctx:  # one a day
        assert ctx.startup.daily_backup is None


@needs_pg_dump
def test_a_server_database_is_dumped_before_a_migration(database, data_dir, pg_server, monkeypatch):
    name = pg_server.create_database(empty=True)
    url = pg_server.url(name)
    db = connect(url)
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    db.dispose()
    monkeypatch.setenv("SELFREVIEW_DB_URL", url)
    with AppContext.open(data_dir, daily_backup=False) as ctx:
        backup = ctx.migration_backup
        assert backup is not None and backup.name.endswith(f"-pre-{migrate.HEAD}.pgdump")
        assert migrate.current_revision(ctx.db) == migrate.HEAD
    listed = subprocess.run(["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True).stdout
    assert "TABLE public member" in listed and "uq_member_cell_key" not in listed  # as it was before
    pg_server.drop_database(name)


def test_the_audit_log_names_the_database_login_that_wrote_each_entry(database, tmp_path, pg_server, monkeypatch):
    """A committee office: each staff member's own login; the server writes it into every audit
    entry, whatever the PC's profile is called."""
    from sqlalchemy import select

    from selfreview.db.models import AuditEntry
    from selfreview.services import audit

    with AppContext.open(tmp_path / "head") as ctx, ctx.db.engine.begin() as conn:
        conn.execute(text("CREATE ROLE lan_staff LOGIN"))
        conn.execute(text("GRANT ALL ON ALL TABLES IN SCHEMA public TO lan_staff"))
        conn.execute(text("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO lan_staff"))
        url = ctx.db.url
    with AppContext.open(tmp_path / "head") as ctx, ctx.session() as s:
        audit.record(s, "round.created", "Phan Thị Thanh Hương")
    monkeypatch.setenv("SELFREVIEW_DB_URL", url.replace("postgres@", "lan_staff@"))
    with AppContext.open(tmp_path / "staff") as ctx:
        with ctx.db.engine.begin() as conn:
            audit.record_on(conn, "member.key_pinned", "Phan Thị Thanh Hương")  # the same name on another PC
        with ctx.read() as s:
            rows = s.execute(select(AuditEntry.action, AuditEntry.actor, AuditEntry.db_user).order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in rows] == [("round.created", "Phan Thị Thanh Hương", "postgres"),
                                        ("member.key_pinned", "Phan Thị Thanh Hương", "lan_staff")]
    admin = connect(url)
    with admin.engine.begin() as conn:
        conn.execute(text("DROP OWNED BY lan_staff"))
        conn.execute(text("DROP ROLE lan_staff"))
    admin.dispose()
