"""`selfreview keys status|protect|backup|restore|renew`: passphrases through getpass, every step
through services/keyguard.py, plain-words refusals, no traceback."""

import os
import shutil

import pytest
from sqlalchemy import select

from selfreview.cli import keys_cmd, main
from selfreview.db.models import AuditEntry
from selfreview.exchange import keystore
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData

PASS = "Mật khẩu của Hằng 2025"
BACKUP_PASS = "cụm riêng cho bản sao lưu"


@pytest.fixture
def profile(data_dir):
    with AppContext.open(data_dir) as ctx:
        return ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Hằng", cell_name="Chi bộ Văn phòng"))


@pytest.fixture
def typed(monkeypatch):
    """What the person types at each getpass prompt, in order; the prompts are recorded."""
    answers: list[str] = []
    prompts: list[str] = []

    def fake(prompt=""):
        prompts.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr(keys_cmd.getpass, "getpass", fake)
    return answers, prompts


def keys(data_dir, *args):
    return main(["--data-dir", str(data_dir), "keys", *args])


def fingerprint(data_dir, profile_id):
    with AppContext.open(data_dir) as ctx:
        return ctx.profiles.get(profile_id).fingerprint


def test_status_lists_the_profiles(data_dir, profile, capsys):
    assert keys(data_dir, "status") == 0
    out = capsys.readouterr().out
    assert f"{profile.id}  {profile.fingerprint}  không bảo vệ" in out and "Nguyễn Thị Hằng" in out
    assert keys(data_dir, "status", "--lang", "en") == 0
    assert f"{profile.id}  {profile.fingerprint}  not protected" in capsys.readouterr().out
    assert keys(data_dir, "status", "--profile", "99") == 2
    assert "Không có hồ sơ số 99" in capsys.readouterr().err  # the command line speaks Vietnamese by default


def test_protect_change_and_remove(data_dir, profile, typed, capsys):
    answers, prompts = typed
    pid = str(profile.id)
    answers += [PASS, PASS]
    assert keys(data_dir, "protect", "--profile", pid) == 0
    assert keystore.is_protected(data_dir / "keys", profile.id)
    assert len(prompts) == 2  # no "current passphrase" asked: there was none
    assert keys(data_dir, "status", "--profile", pid) == 0
    assert "được bảo vệ bằng mật khẩu" in capsys.readouterr().out

    answers += [PASS, "mới một", "mới hai!"]  # the two new ones differ
    assert keys(data_dir, "protect", "--profile", pid) == 1
    err = capsys.readouterr().err
    assert "không giống nhau" in err and "Traceback" not in err
    assert keystore.open_identity(data_dir / "keys", profile.id, PASS)  # unchanged

    answers += ["sai mật khẩu", "cụm mới dài hơn", "cụm mới dài hơn"]
    assert keys(data_dir, "protect", "--profile", pid, "--lang", "en") == 1
    assert "Wrong passphrase" in capsys.readouterr().err

    answers += [PASS, "ngắn", "ngắn"]
    assert keys(data_dir, "protect", "--profile", pid) == 1
    assert "ít nhất 8 ký tự" in capsys.readouterr().err

    answers += [PASS]
    assert keys(data_dir, "protect", "--profile", pid, "--remove") == 0
    assert not keystore.is_protected(data_dir / "keys", profile.id)
    assert keystore.open_identity(data_dir / "keys", profile.id).public.fingerprint == profile.fingerprint


def test_backup_then_restore_after_the_keys_are_gone(data_dir, profile, typed, tmp_path, capsys):
    answers, _ = typed
    pid = str(profile.id)
    answers += [PASS, PASS]
    assert keys(data_dir, "protect", "--profile", pid) == 0
    stick = tmp_path / "usb"
    stick.mkdir()
    backup = stick / "khoa-nguyen-thi-hang.selfreview-keys"
    answers += [PASS, BACKUP_PASS, BACKUP_PASS]  # current, then the backup's own passphrase twice
    assert keys(data_dir, "backup", "--profile", pid, "--out", str(backup)) == 0
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    assert profile.fingerprint in capsys.readouterr().out

    shutil.rmtree(data_dir / "keys" / pid)  # the disk died
    answers += ["không phải cụm này"]
    assert keys(data_dir, "restore", "--profile", pid, str(backup)) == 1
    assert "Cụm mật khẩu không đúng" in capsys.readouterr().err

    answers += [BACKUP_PASS, PASS, PASS]
    assert keys(data_dir, "restore", "--profile", pid, str(backup), "--protect") == 0
    assert f"mã khóa {profile.fingerprint}" in capsys.readouterr().out
    assert keystore.open_identity(data_dir / "keys", profile.id, PASS).public.fingerprint == profile.fingerprint

    with AppContext.open(data_dir) as ctx:  # someone else's backup is refused
        other = ctx.profiles.create(ProfileData(full_name="Trần Văn Đức"))
    answers += [BACKUP_PASS]
    assert keys(data_dir, "restore", "--profile", str(other.id), str(backup)) == 1
    assert "không phải của hồ sơ này" in capsys.readouterr().err


def test_renew_explains_the_secretary_must_confirm(data_dir, profile, typed, capsys, monkeypatch):
    answers, _ = typed
    pid = str(profile.id)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert keys(data_dir, "renew", "--profile", pid) == 2  # no terminal to confirm on: nothing done
    assert fingerprint(data_dir, profile.id) == profile.fingerprint
    capsys.readouterr()

    answers += [PASS, PASS]
    assert keys(data_dir, "renew", "--profile", pid, "--yes", "--protect") == 0
    out = capsys.readouterr().out
    new = fingerprint(data_dir, profile.id)
    assert new != profile.fingerprint
    assert f"Dấu vân tay mới: {new} (cũ: {profile.fingerprint})" in out
    assert "bí thư phải xác nhận" in out
    assert keystore.open_identity(data_dir / "keys", profile.id, PASS).public.fingerprint == new
    with AppContext.open(data_dir) as ctx, ctx.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.action == "keys.replaced" and last.details["new_fingerprint"] == new


def test_interactive_renew_asks_for_yes(data_dir, profile, typed, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt="": "no")
    assert keys(data_dir, "renew", "--profile", str(profile.id)) == 1
    assert fingerprint(data_dir, profile.id) == profile.fingerprint
    monkeypatch.setattr("builtins.input", lambda prompt="": "yes")
    assert keys(data_dir, "renew", "--profile", str(profile.id), "--lang", "en") == 0
    assert "A new key was made" in capsys.readouterr().out
    assert fingerprint(data_dir, profile.id) != profile.fingerprint
    assert not os.environ.get("SELFREVIEW_DATA_DIR")
