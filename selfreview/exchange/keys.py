"""Identity keys: an Ed25519 key to sign and an X25519 key to receive encrypted files.

Private keys are stored as PKCS#8 PEM files in ``<data>/keys/<profile id>/`` with owner-only
permissions (optionally encrypted with a passphrase by the ``cryptography`` library's best
available scheme). Public keys travel as base64 of their 32 raw bytes.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from selfreview.fsutil import PRIVATE, write_atomic

SIGN_FILE = "sign.pem"
ENC_FILE = "enc.pem"
FINGERPRINT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud


@dataclass(frozen=True)
class PublicIdentity:
    sign_public: str  # base64, 32 bytes
    enc_public: str   # base64, 32 bytes
    fingerprint: str  # e.g. "K7QM-2XPA-9RTC-HB4N"


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str, length: int | None = None) -> bytes:
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if length is not None and len(raw) != length:
        raise ValueError(f"expected {length} bytes, got {len(raw)}")
    return raw


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(sign_public: str, enc_public: str) -> str:
    """Four groups of four characters from sha256 over both public keys (80 bits)."""
    digest = hashlib.sha256(b"selfreview-fp-v1" + unb64(sign_public) + unb64(enc_public)).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = []
    for _ in range(16):
        number, r = divmod(number, len(FINGERPRINT_ALPHABET))
        chars.append(FINGERPRINT_ALPHABET[r])
    s = "".join(chars)
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def _encryption(passphrase: bytes | None) -> serialization.KeySerializationEncryption:
    return serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()


def generate_identity(keys_dir: Path, profile_id: int, passphrase: bytes | None = None) -> PublicIdentity:
    """Make both key pairs for a profile and store the private halves."""
    folder = keys_dir / str(profile_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    sign = Ed25519PrivateKey.generate()
    enc = X25519PrivateKey.generate()
    pkcs8 = serialization.PrivateFormat.PKCS8
    pem = serialization.Encoding.PEM
    write_atomic(folder / SIGN_FILE, sign.private_bytes(pem, pkcs8, _encryption(passphrase)), mode=PRIVATE)
    write_atomic(folder / ENC_FILE, enc.private_bytes(pem, pkcs8, _encryption(passphrase)), mode=PRIVATE)
    return public_identity(sign.public_key(), enc.public_key())


def public_identity(sign: Ed25519PublicKey, enc: X25519PublicKey) -> PublicIdentity:
    sp, ep = b64(raw_public(sign)), b64(raw_public(enc))
    return PublicIdentity(sp, ep, fingerprint(sp, ep))


@dataclass(frozen=True)
class PrivateIdentity:
    sign: Ed25519PrivateKey
    enc: X25519PrivateKey

    @property
    def public(self) -> PublicIdentity:
        return public_identity(self.sign.public_key(), self.enc.public_key())


def load_identity(keys_dir: Path, profile_id: int, passphrase: bytes | None = None) -> PrivateIdentity:
    folder = keys_dir / str(profile_id)
    sign = serialization.load_pem_private_key((folder / SIGN_FILE).read_bytes(), passphrase)
    enc = serialization.load_pem_private_key((folder / ENC_FILE).read_bytes(), passphrase)
    if not isinstance(sign, Ed25519PrivateKey) or not isinstance(enc, X25519PrivateKey):
        raise ValueError("the key files do not hold the expected key types")
    return PrivateIdentity(sign, enc)


def identity_from_bytes(sign_private: bytes, enc_private: bytes) -> PrivateIdentity:
    """A key pair from 32 + 32 raw private bytes (synthetic members of the demo, tests)."""
    return PrivateIdentity(Ed25519PrivateKey.from_private_bytes(sign_private),
                           X25519PrivateKey.from_private_bytes(enc_private))


def enc_public_key(text: str) -> X25519PublicKey:
    """An X25519 public key from its base64 form."""
    return X25519PublicKey.from_public_bytes(unb64(text, 32))
