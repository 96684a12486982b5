"""Private keys under a passphrase (scrypt + ChaCha20-Poly1305), key backups, a new key when one
is lost, and owner-only permissions on everything private."""

import json
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from selfreview.db.models import AuditEntry
from selfreview.exchange import keystore
from selfreview.exchange.keys import ENC_FILE, SIGN_FILE
from selfreview.exchange.keystore import KeyFileError
from selfreview.services import keyguard
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError

PASS = "Mật khẩu dài của tôi 2026"


@pytest.fixture
def member(ctx):
    return ctx.profiles.create(ProfileData(full_name="Võ Thị Khóa"))


def mode(path):
    return oct(stat.S_IMODE(path.stat().st_mode))


def audit_actions(ctx):
    with ctx.read() as s:
        return [(a.action, a.details) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_the_library_default_is_not_memory_hard():
    """Why this module exists: BestAvailableEncryption writes PBKDF2 (OID 1.2.840.113549.1.5.12)."""
    der = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"x"))
    assert bytes.fromhex("2a864886f70d01050c") in der  # PBKDF2
    assert bytes.fromhex("2b06010401da47040b") not in der  # scrypt


def test_protect_open_change_and_remove(ctx, member):
    folder = ctx.keys_dir / str(member.id)
    plain = keystore.open_identity(ctx.keys_dir, member.id)
    keyguard.protect(ctx, member.id, PASS)
    assert keyguard.is_protected(ctx, member.id)
    assert not (folder / SIGN_FILE).exists() and not (folder / ENC_FILE).exists()
    sealed = folder / keystore.SEALED_FILE
    doc = json.loads(sealed.read_text(encoding="utf-8"))
    assert doc["kdf"] | {"salt": None} == {"name": "scrypt", "n": 2 ** 15, "r": 8, "p": 1, "salt": None}
    assert doc["cipher"] == "chacha20poly1305" and doc["fingerprint"] == member.fingerprint
    assert mode(sealed) == "0o600"

    with pytest.raises(KeyFileError) as caught:
        keystore.open_identity(ctx.keys_dir, member.id)
    assert caught.value.code == "keys.need_passphrase"
    with pytest.raises(KeyFileError) as caught:
        keystore.open_identity(ctx.keys_dir, member.id, "sai mật khẩu rồi")
    assert caught.value.code == "keys.wrong_passphrase"
    opened = keystore.open_identity(ctx.keys_dir, member.id, PASS)
    assert opened.public == plain.public
    # the passphrase is compared after NFC: the same words typed decomposed still open
    import unicodedata
    assert keystore.open_identity(ctx.keys_dir, member.id, unicodedata.normalize("NFD", PASS)).public == plain.public

    keyguard.protect(ctx, member.id, "một cụm khác hẳn", current_passphrase=PASS)
    assert keystore.open_identity(ctx.keys_dir, member.id, "một cụm khác hẳn").public == plain.public
    keyguard.protect(ctx, member.id, None, current_passphrase="một cụm khác hẳn")
    assert not keyguard.is_protected(ctx, member.id)
    assert keystore.open_identity(ctx.keys_dir, member.id).public == plain.public
    assert [a for a, _ in audit_actions(ctx)][-3:] == ["keys.protect", "keys.protect", "keys.unprotect"]
    assert all("passphrase" not in json.dumps(d) and PASS not in json.dumps(d) for _, d in audit_actions(ctx))


def test_short_passphrases_are_refused(ctx, member):
    with pytest.raises(ServiceError) as caught:
        keyguard.protect(ctx, member.id, "ngắn")
    assert caught.value.message.code == "keys.passphrase_short"
    assert not keyguard.is_protected(ctx, member.id)


@pytest.mark.parametrize("field,value", [
    ("fingerprint", "AAAA-BBBB-CCCC-DDDD"), ("purpose", "key-backup"), ("nonce", "AAAAAAAAAAAAAAAA"),
])
def test_any_changed_field_fails_the_check(ctx, member, field, value):
    keyguard.protect(ctx, member.id, PASS)
    sealed = ctx.keys_dir / str(member.id) / keystore.SEALED_FILE
    doc = json.loads(sealed.read_text(encoding="utf-8"))
    doc[field] = value
    with pytest.raises(KeyFileError) as caught:
        keystore.unseal(json.dumps(doc).encode(), PASS)
    assert caught.value.code == "keys.wrong_passphrase"


@pytest.mark.parametrize("change", [
    {"n": 2 ** 30}, {"n": 3 * 2 ** 14}, {"r": 1000}, {"p": True}, {"name": "pbkdf2"},
])
def test_hostile_parameters_are_refused_before_any_work(change):
    header = {"format": keystore.FORMAT, "version": 1, "purpose": "key-backup", "fingerprint": "x",
              "sign_public": "A" * 43 + "=", "enc_public": "A" * 43 + "=", "cipher": "chacha20poly1305",
              "kdf": {"name": "scrypt", "n": 2 ** 15, "r": 8, "p": 1, "salt": "A" * 22 + "=="},
              "nonce": "A" * 16, "ciphertext": "A" * 108}
    header["kdf"].update(change)
    with pytest.raises(KeyFileError) as caught:
        keystore.read_header(json.dumps(header).encode())
    assert caught.value.code == "keys.bad_file"


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b'{"format": 1}', b"x" * 70000])
def test_garbage_is_not_a_key_file(data):
    with pytest.raises(KeyFileError) as caught:
        keystore.unseal(data, PASS)
    assert caught.value.code == "keys.bad_file"


def test_key_backup_and_restore(ctx, member, tmp_path):
    other = ctx.profiles.create(ProfileData(full_name="Người Khác"))
    backup = tmp_path / "usb" / "khoa-vo-thi-khoa.srkey"
    backup.parent.mkdir()
    with pytest.raises(ServiceError) as caught:  # no such folder (the stick was pulled out)
        keyguard.export_backup(ctx, member.id, tmp_path / "gone" / "x.srkey", PASS)
    assert caught.value.message.code == "keys.cannot_write"
    pub = keyguard.export_backup(ctx, member.id, backup, PASS)
    assert pub.fingerprint == member.fingerprint and mode(backup) == "0o600"
    folder = ctx.keys_dir / str(member.id)
    for f in folder.iterdir():  # the PC's disk died: the keys are gone
        f.unlink()
    with pytest.raises(KeyFileError) as caught:
        keystore.open_identity(ctx.keys_dir, member.id)
    assert caught.value.code == "keys.missing"
    with pytest.raises(ServiceError) as caught:
        keyguard.restore_backup(ctx, member.id, backup, "sai mật khẩu rồi")
    assert caught.value.message.code == "keys.wrong_passphrase"
    with pytest.raises(ServiceError) as caught:  # someone else's backup is refused
        keyguard.restore_backup(ctx, other.id, backup, PASS)
    assert caught.value.message.code == "keys.not_this_profile"
    keyguard.restore_backup(ctx, member.id, backup, PASS, protect_with=PASS)
    assert keystore.open_identity(ctx.keys_dir, member.id, PASS).public.fingerprint == member.fingerprint
    assert "keys.backup_restored" in [a for a, _ in audit_actions(ctx)]


def test_a_lost_key_is_replaced_and_recorded(ctx, member):
    keyguard.protect(ctx, member.id, PASS)
    new = keyguard.replace_lost_keys(ctx, member.id)  # the passphrase was forgotten too
    assert new.fingerprint != member.fingerprint
    assert ctx.profiles.get(member.id).fingerprint == new.fingerprint
    assert not keyguard.is_protected(ctx, member.id)  # the sealed old keys are gone
    assert keystore.open_identity(ctx.keys_dir, member.id).public.fingerprint == new.fingerprint
    action, details = audit_actions(ctx)[-1]
    assert action == "keys.replaced"
    assert details["old_fingerprint"] == member.fingerprint and details["new_fingerprint"] == new.fingerprint


@pytest.mark.real_start  # the start-up copies' modes too
def test_private_files_are_owner_only(ctx, member):
    with ctx.session():
        pass
    assert mode(ctx.data_dir) == "0o700"
    assert mode(ctx.data_dir / "selfreview.db") == "0o600"
    assert mode(ctx.data_dir / "selfreview.db-wal") == "0o600"  # SQLite copies the database's mode
    assert mode(ctx.keys_dir) == "0o700"
    folder = ctx.keys_dir / str(member.id)
    assert mode(folder) == "0o700"
    assert {f.name: mode(f) for f in folder.iterdir()} == {SIGN_FILE: "0o600", ENC_FILE: "0o600"}
    for b in (ctx.data_dir / "backups").iterdir():
        assert mode(b) == "0o600"
    assert mode(ctx.data_dir / "backups") == "0o700"
