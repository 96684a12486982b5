"""Private keys under a passphrase, with a memory-hard key derivation; key backups.

Why not ``cryptography``'s ``BestAvailableEncryption``: for PKCS#8 it writes PBES2 with
PBKDF2-HMAC-SHA256 at 2,048 iterations and AES-256-CBC (checked on cryptography 50), which a
stolen file lets anyone guess at millions of passphrases per second on a graphics card. Here the
key comes from **scrypt** (N = 2^15, r = 8, p = 1: 32 MiB of memory and about 0.1 s per guess) and
the keys are sealed with **ChaCha20-Poly1305**.

The sealed container is one small UTF-8 JSON object (docs/security.md shows an example)::

    {"format": "selfreview-sealed-keys", "version": 1,
     "purpose": "profile-keys" | "key-backup" | "office-key" (+ "committee": its name),
     "fingerprint": "K7QM-2XPA-9RTC-HB4N", "sign_public": b64(32), "enc_public": b64(32),
     "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": b64(16)},
     "cipher": "chacha20poly1305", "nonce": b64(12), "ciphertext": b64(64 + 16)}

``ciphertext`` seals the 32-byte Ed25519 private key followed by the 32-byte X25519 private key;
the associated data is the canonical JSON (sorted keys, no spaces) of every other field, so no
field can be changed without the passphrase check failing. After opening, the keys must give back
the public keys and fingerprint of the header. Passphrases are NFC-normalised UTF-8.

A profile whose keys are protected has ``keys/<id>/identity.sealed`` instead of the two PEM files;
:func:`open_identity` reads either. Old PEM files are deleted after the sealed file is on disk
(deletion does not scrub the disk blocks: see docs/security.md).
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from selfreview.exchange.keys import (ENC_FILE, SIGN_FILE, PrivateIdentity, PublicIdentity, b64,
                                      load_identity, unb64)
from selfreview.messages import Message, msg
from selfreview.exchange.envelope import DuplicateKey, unique_keys
from selfreview.fsutil import PRIVATE, write_atomic
from selfreview.text import nfc

FORMAT = "selfreview-sealed-keys"
VERSION = 1
SEALED_FILE = "identity.sealed"
PURPOSE_PROFILE = "profile-keys"
PURPOSE_BACKUP = "key-backup"
PURPOSE_OFFICE = "office-key"  # a committee office's key (services/committee/office_key.py): adds "committee"
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
MIN_PASSPHRASE = 8
MAX_FILE = 64 * 1024
# bounds accepted when reading (a hostile file must not make us allocate gigabytes)
_N_RANGE, _R_RANGE, _P_RANGE = (2 ** 14, 2 ** 20), (1, 16), (1, 4)


class KeyFileError(Exception):
    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.message: Message = msg(code, **params)
        super().__init__(self.message.en)


def _passphrase_bytes(passphrase: str) -> bytes:
    return nfc(passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(nfc(passphrase)) < MIN_PASSPHRASE:
        raise KeyFileError("keys.passphrase_short", min=MIN_PASSPHRASE)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(_passphrase_bytes(passphrase))


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _raw_private(identity: PrivateIdentity) -> bytes:
    raw, fmt, none = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    return identity.sign.private_bytes(raw, fmt, none) + identity.enc.private_bytes(raw, fmt, none)


def seal(identity: PrivateIdentity, passphrase: str, purpose: str = PURPOSE_PROFILE,
         committee: str | None = None) -> bytes:
    """The sealed container for ``identity`` (a new salt and nonce each time). An office key
    (``PURPOSE_OFFICE``) names its ``committee``; the name is sealed with the rest of the header."""
    check_new_passphrase(passphrase)
    if (purpose == PURPOSE_OFFICE) != (committee is not None):
        raise ValueError("an office key, and only an office key, names its committee")
    pub = identity.public
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = {"format": FORMAT, "version": VERSION, "purpose": purpose, "fingerprint": pub.fingerprint,
              "sign_public": pub.sign_public, "enc_public": pub.enc_public,
              "kdf": {"name": "scrypt", **SCRYPT, "salt": b64(salt)},
              "cipher": "chacha20poly1305", "nonce": b64(nonce)}
    if committee is not None:
        header["committee"] = committee
    key = _derive(passphrase, salt, **SCRYPT)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, _raw_private(identity), _aad(header))
    return json.dumps({**header, "ciphertext": b64(sealed)}, sort_keys=True, indent=1).encode("utf-8") + b"\n"


def read_header(data: bytes) -> dict[str, Any]:
    """The container's fields, checked for shape and bounds (not yet for the passphrase)."""
    if len(data) > MAX_FILE:
        raise KeyFileError("keys.bad_file", detail=f"{len(data)} bytes")
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=unique_keys)
    except DuplicateKey as e:
        raise KeyFileError("keys.bad_file", detail=f"repeated key {e.key!r}") from None
    except (UnicodeDecodeError, ValueError):
        raise KeyFileError("keys.bad_file", detail="not JSON") from None
    try:
        if doc["format"] != FORMAT or doc["version"] != VERSION:
            raise KeyFileError("keys.bad_file", detail="unknown format or version")
        kdf = doc["kdf"]
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        if (kdf["name"] != "scrypt" or doc["cipher"] != "chacha20poly1305"
                or not all(type(v) is int for v in (n, r, p)) or n & (n - 1)
                or not _N_RANGE[0] <= n <= _N_RANGE[1] or not _R_RANGE[0] <= r <= _R_RANGE[1]
                or not _P_RANGE[0] <= p <= _P_RANGE[1]):
            raise KeyFileError("keys.bad_file", detail="unsupported parameters")
        unb64(kdf["salt"], 16), unb64(doc["nonce"], 12), unb64(doc["ciphertext"], 80)
        unb64(doc["sign_public"], 32), unb64(doc["enc_public"], 32)
        if not isinstance(doc["fingerprint"], str) or doc["purpose"] not in (PURPOSE_PROFILE, PURPOSE_BACKUP,
                                                                             PURPOSE_OFFICE):
            raise KeyFileError("keys.bad_file", detail="bad header")
        if (doc["purpose"] == PURPOSE_OFFICE) != ("committee" in doc) or not isinstance(doc.get("committee", ""), str):
            raise KeyFileError("keys.bad_file", detail="bad header")
    except KeyFileError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise KeyFileError("keys.bad_file", detail=type(e).__name__) from None
    return doc


def unseal(data: bytes, passphrase: str) -> PrivateIdentity:
    """The keys in a sealed container. Wrong passphrase or any altered byte: ``keys.wrong_passphrase``."""
    doc = read_header(data)
    header = {k: v for k, v in doc.items() if k != "ciphertext"}
    kdf = doc["kdf"]
    key = _derive(passphrase, unb64(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])
    try:
        raw = ChaCha20Poly1305(key).decrypt(unb64(doc["nonce"]), unb64(doc["ciphertext"]), _aad(header))
    except InvalidTag:
        raise KeyFileError("keys.wrong_passphrase") from None
    identity = PrivateIdentity(Ed25519PrivateKey.from_private_bytes(raw[:32]),
                               X25519PrivateKey.from_private_bytes(raw[32:]))
    pub = identity.public
    if (pub.sign_public, pub.enc_public, pub.fingerprint) != (doc["sign_public"], doc["enc_public"],
                                                              doc["fingerprint"]):
        raise KeyFileError("keys.bad_file", detail="keys do not match their header")
    return identity


# -- a profile's keys on disk ---------------------------------------------------------------------
def _folder(keys_dir: Path, profile_id: int) -> Path:
    return Path(keys_dir) / str(profile_id)


def is_protected(keys_dir: Path, profile_id: int) -> bool:
    return (_folder(keys_dir, profile_id) / SEALED_FILE).exists()


def open_identity(keys_dir: Path, profile_id: int, passphrase: str | None = None) -> PrivateIdentity:
    """A profile's private keys, protected (sealed) or not (PEM). Use this rather than
    ``keys.load_identity`` so protected profiles work everywhere."""
    folder = _folder(keys_dir, profile_id)
    sealed = folder / SEALED_FILE
    if sealed.exists():
        if not passphrase:
            raise KeyFileError("keys.need_passphrase")
        return unseal(sealed.read_bytes(), passphrase)
    if not (folder / SIGN_FILE).exists():
        raise KeyFileError("keys.missing")
    try:
        return load_identity(Path(keys_dir), profile_id, _passphrase_bytes(passphrase) if passphrase else None)
    except TypeError:  # PEM encrypted but no passphrase given, or given for an unencrypted PEM
        raise KeyFileError("keys.need_passphrase" if not passphrase else "keys.wrong_passphrase") from None
    except ValueError:
        raise KeyFileError("keys.wrong_passphrase") from None


def store_identity(keys_dir: Path, profile_id: int, identity: PrivateIdentity,
                   passphrase: str | None = None) -> PublicIdentity:
    """Write ``identity`` as the profile's keys: sealed under ``passphrase``, else plain PEM."""
    folder = _folder(keys_dir, profile_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if passphrase:
        write_atomic(folder / SEALED_FILE, seal(identity, passphrase, PURPOSE_PROFILE), mode=PRIVATE)
        for name in (SIGN_FILE, ENC_FILE):
            (folder / name).unlink(missing_ok=True)
    else:
        pem, pkcs8, none = (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
        write_atomic(folder / SIGN_FILE, identity.sign.private_bytes(pem, pkcs8, none), mode=PRIVATE)
        write_atomic(folder / ENC_FILE, identity.enc.private_bytes(pem, pkcs8, none), mode=PRIVATE)
        (folder / SEALED_FILE).unlink(missing_ok=True)
    return identity.public


def protect_keys(keys_dir: Path, profile_id: int, passphrase: str | None,
                 current_passphrase: str | None = None) -> PublicIdentity:
    """Set, change (give ``current_passphrase``) or remove (``passphrase`` None) the protection."""
    if passphrase:
        check_new_passphrase(passphrase)
    identity = open_identity(keys_dir, profile_id, current_passphrase)
    return store_identity(keys_dir, profile_id, identity, passphrase)


def export_key_backup(keys_dir: Path, profile_id: int, path: Path, passphrase: str,
                      current_passphrase: str | None = None) -> PublicIdentity:
    """Write a key backup file (for a USB stick or a safe place) sealed under ``passphrase``."""
    identity = open_identity(keys_dir, profile_id, current_passphrase)
    write_atomic(Path(path), seal(identity, passphrase, PURPOSE_BACKUP), mode=PRIVATE)
    return identity.public


def read_key_backup(path: Path, passphrase: str) -> PrivateIdentity:
    """The keys in a backup file (raises :class:`KeyFileError` on any problem)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE:
            raise KeyFileError("keys.bad_file", detail="too large")
        data = path.read_bytes()
    except OSError as e:
        raise KeyFileError("keys.bad_file", detail=e.strerror or type(e).__name__) from None
    return unseal(data, passphrase)
