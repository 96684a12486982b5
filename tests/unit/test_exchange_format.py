"""The file formats as docs/file-format.md writes them down: a reader and a writer made here from the
document with nothing but the `cryptography` primitives agree with selfreview's own, and the
signature and the encryption bind what they claim to bind."""

import base64
import hashlib
import json
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from exchange_kit import NOW, body_of, forge, identity, open_secretary, response
from selfreview.fsutil import write_atomic
from selfreview.exchange.envelope import FORMAT_INVITE, MAX_FILE_BYTES, open_envelope, read_limited, wrap
from selfreview.exchange.errors import Rejected
from selfreview.exchange.invitation import read_invitation
from selfreview.exchange.keys import enc_public_key, fingerprint, load_identity
from selfreview.exchange.response import read_response, write_response


def canon(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def b64d(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


@pytest.fixture
def sec(tmp_path):
    s = open_secretary(tmp_path / "secretary")
    yield s
    s.ctx.close()


def test_an_independent_reader_following_the_document(sec):
    data = write_response(identity(1), response(sec, identity(1)), NOW)
    env = json.loads(data)
    assert list(env) == ["encryption", "format", "payload", "version"]  # canonical: sorted keys
    assert data == canon(env)
    enc = env["encryption"]
    assert enc["scheme"] == "X25519-HKDF-SHA256-ChaCha20-Poly1305"
    keys = load_identity(sec.ctx.keys_dir, sec.profile.id)
    eph, rcpt = b64d(enc["ephemeral"]), b64d(enc["recipient"])
    assert enc["recipient"] == sec.enc_public
    shared = keys.enc.exchange(X25519PublicKey.from_public_bytes(eph))
    key = HKDF(hashes.SHA256(), 32, salt=eph + rcpt, info=b"selfreview-response-v1").derive(shared)
    header = canon({k: v for k, v in env.items() if k != "payload"})
    plaintext = ChaCha20Poly1305(key).decrypt(b64d(enc["nonce"]), b64d(env["payload"]), header)
    signature, body_bytes = plaintext[:64], plaintext[64:]
    body = json.loads(body_bytes)
    Ed25519PublicKey.from_public_bytes(b64d(body["member"]["sign_public"])).verify(
        signature, b"selfreview-response/1\x00" + body_bytes)
    assert body_bytes == canon(body)
    assert (body["format"], body["version"], body["recipient"]) == ("selfreview-response", 1, sec.enc_public)
    assert body["review"]["answers"]["b1_general"] == 26 and body["written_at"] == "2025-12-01T09:30:00Z"


def test_an_independent_writer_following_the_document_is_imported(sec, tmp_path):
    member = identity(5)
    body = body_of(response(sec, member, name="Lã Thanh Tùng"))
    body_bytes = canon(body)
    signature = member.sign.sign(b"selfreview-response/1\x00" + body_bytes)
    eph = X25519PrivateKey.generate()
    raw = lambda k: k.public_bytes_raw()  # noqa: E731
    recipient = X25519PublicKey.from_public_bytes(b64d(sec.enc_public))
    nonce = os.urandom(12)
    encryption = {"scheme": "X25519-HKDF-SHA256-ChaCha20-Poly1305", "recipient": sec.enc_public,
                  "ephemeral": base64.b64encode(raw(eph.public_key())).decode(),
                  "nonce": base64.b64encode(nonce).decode()}
    key = HKDF(hashes.SHA256(), 32, salt=raw(eph.public_key()) + raw(recipient),
               info=b"selfreview-response-v1").derive(eph.exchange(recipient))
    header = {"encryption": encryption, "format": "selfreview-response", "version": 1}
    payload = ChaCha20Poly1305(key).encrypt(nonce, signature + body_bytes, canon(header))
    path = tmp_path / "other-program.selfreview"
    # not canonical on purpose: readers accept any JSON layout for the envelope
    path.write_text(json.dumps({**header, "payload": base64.b64encode(payload).decode()}, indent=2))
    (r,) = sec.ctx.exchange.import_paths([path])
    assert (r.outcome, r.member) == ("imported", "Lã Thanh Tùng")


def test_fingerprint_as_documented():
    pub = identity(1).public
    d = hashlib.sha256(b"selfreview-fp-v1" + b64d(pub.sign_public) + b64d(pub.enc_public)).digest()
    n, chars = int.from_bytes(d[:10], "big"), []
    for _ in range(16):
        n, r = divmod(n, 31)
        chars.append("ABCDEFGHJKMNPQRSTUVWXYZ23456789"[r])
    expected = "-".join("".join(chars)[i:i + 4] for i in (0, 4, 8, 12))
    assert fingerprint(pub.sign_public, pub.enc_public) == pub.fingerprint == expected


def test_the_signature_binds_the_format_and_the_signer_key(sec):
    doc = response(sec, identity(1), encrypted=False, invited=False)
    data = write_response(identity(1), doc, NOW)
    plaintext = b64d(json.loads(data)["payload"])
    # the same signed bytes presented as an invitation do not verify (the format is signed)
    with pytest.raises(Rejected) as e:
        read_invitation(wrap(FORMAT_INVITE, plaintext))
    assert e.value.code in ("import.bad_signature", "import.bad_structure")
    # another key put in the body: the signature no longer matches
    body = body_of(doc)
    body["member"]["sign_public"] = identity(2).public.sign_public
    with pytest.raises(Rejected) as e:
        read_response(forge(identity(1), body, None))
    assert e.value.code == "import.bad_signature"


def test_the_encryption_binds_recipient_and_ephemeral_key(sec):
    keys = load_identity(sec.ctx.keys_dir, sec.profile.id)
    data = write_response(identity(1), response(sec, identity(1)), NOW)
    env = json.loads(data)
    other_eph = X25519PrivateKey.generate().public_key().public_bytes_raw()
    env["encryption"]["ephemeral"] = base64.b64encode(other_eph).decode()
    with pytest.raises(Rejected) as e:
        read_response(canon(env), keys, sec.enc_public)
    assert e.value.code == "import.decrypt_failed"
    # the right key, but the file says it is for someone else: refused without trying
    env = json.loads(data)
    env["encryption"]["recipient"] = identity(7).public.enc_public
    with pytest.raises(Rejected) as e:
        read_response(canon(env), keys, sec.enc_public)
    assert e.value.code == "import.not_for_you"
    assert open_envelope(data, "selfreview-response", keys.enc, sec.enc_public).recipient == sec.enc_public


def test_invitation_round_trip_and_its_embedded_forms(sec, tmp_path):
    path = sec.ctx.exchange.write_invitation(sec.round.id, tmp_path / "i.selfreview-invite")
    doc = read_invitation(path.read_bytes())
    assert (doc.round.uid, doc.round.cell, doc.fingerprint) == (sec.round.uid, "Chi bộ Văn phòng",
                                                               sec.profile.fingerprint)
    for category, (ref, template) in doc.forms.items():
        assert ref.hash == sec.round.forms[category]["hash"] and template.id == ref.id
    env = json.loads(path.read_bytes())
    assert env["encryption"] is None
    # a form changed inside a signed invitation: the signature catches it
    plaintext = b64d(env["payload"])
    assert "NỘI DUNG".encode() in plaintext
    plaintext = plaintext.replace("NỘI DUNG".encode(), "NỘI DUNK".encode(), 1)
    env["payload"] = base64.b64encode(plaintext).decode()
    with pytest.raises(Rejected) as e:
        read_invitation(canon(env))
    assert e.value.code == "import.bad_signature"


def test_size_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.selfreview"
    with big.open("wb") as f:
        f.truncate(50 * MAX_FILE_BYTES)  # sparse: reading it whole would be noticed
    with pytest.raises(Rejected) as e:
        read_limited(big)
    assert e.value.code == "import.too_large" and str(50 * MAX_FILE_BYTES) in e.value.message.en


def test_atomic_write_leaves_the_old_file_or_the_new_one(tmp_path, monkeypatch):
    target = tmp_path / "r.selfreview"
    write_atomic(target, b"old")
    real_replace = os.replace

    def crash(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    monkeypatch.setattr(os, "replace", real_replace)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["r.selfreview"]
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and oct(target.stat().st_mode & 0o777) == "0o600"


def test_enc_public_key_refuses_a_wrong_length():
    with pytest.raises(ValueError):
        enc_public_key(base64.b64encode(b"x" * 31).decode())
