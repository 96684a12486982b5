"""The outer shape shared by invitation and response files: a signed (and optionally encrypted)
JSON body inside a small JSON envelope. See docs/file-format.md for the exact bytes.

    envelope  = {"encryption": null | {...}, "format": F, "payload": base64(P), "version": 1}
    P         = plaintext            (encryption null)
              = ChaCha20-Poly1305(P) (encryption set; associated data = canonical JSON of the
                                      envelope without "payload")
    plaintext = Ed25519 signature (64 bytes) || body (canonical JSON, UTF-8)
    signed    = F || "/" || version || 0x00 || body

Reading never trusts the input: sizes are limited before anything is read whole, nesting is
limited, every failure becomes :class:`Rejected` with its own plain-words reason.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import stat
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import b64, raw_public

FORMAT_RESPONSE = "selfreview-response"
FORMAT_INVITE = "selfreview-invite"
# results travel up, decisions come back (exchange/results.py, results_invite.py, decisions.py)
FORMAT_RESULTS = "selfreview-results"
FORMAT_RESULTS_INVITE = "selfreview-results-invite"
FORMAT_DECISIONS = "selfreview-decisions"
FORMATS = (FORMAT_RESPONSE, FORMAT_INVITE, FORMAT_RESULTS, FORMAT_RESULTS_INVITE, FORMAT_DECISIONS)
VERSION = 1
SCHEME = "X25519-HKDF-SHA256-ChaCha20-Poly1305"
HKDF_INFO = b"selfreview-response-v1"
SIGNATURE_BYTES = 64
KEY_BYTES = 32
NONCE_BYTES = 12

MAX_FILE_BYTES = 8 * 1024 * 1024  # a review with every text field full is well under 2 MiB
MAX_DEPTH = 32  # deepest legitimate nesting: an embedded template, about 14 levels
ENVELOPE_KEYS = {"encryption", "format", "payload", "version"}
ENCRYPTION_KEYS = {"scheme", "recipient", "ephemeral", "nonce"}


def canonical(value: Any) -> bytes:
    """Canonical JSON: keys sorted, no spaces, UTF-8 (not ASCII escapes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def read_limited(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing anything over ``max_bytes`` before reading it whole."""
    path = Path(path)
    try:
        # opened without waiting (a FIFO would block a plain open), then looked at: only a regular
        # file is read; a pipe, a device or a socket named by mistake is refused at once
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise Rejected("import.not_regular")
            size = st.st_size
            if size > max_bytes:
                raise Rejected("import.too_large", size=size, max=max_bytes)
            data = f.read(size + 1)
            if len(data) > size:  # it grew since the stat: read on, up to the limit
                data += f.read(max_bytes + 1 - len(data))
    except OSError as e:
        raise Rejected("import.unreadable", error=e.strerror or type(e).__name__) from None
    if len(data) > max_bytes:  # grew while we looked
        raise Rejected("import.too_large", size=len(data), max=max_bytes)
    return data


def _depth_ok(value: Any, limit: int) -> bool:
    """True when ``value`` (as ``json.loads`` makes it: only exact dicts and lists nest) is at most
    ``limit`` levels deep. Level by level, one comprehension per level (a file has about six)."""
    level = [value]
    depth = 1
    while level:
        if depth > limit:
            return False
        level = [x for v in level if type(v) in _CONTAINERS
                 for x in (v.values() if type(v) is dict else v) if type(x) in _CONTAINERS]
        depth += 1
    return True


_CONTAINERS = (dict, list)


def parse_json(raw: bytes, *, outer: bool) -> Any:
    """Strict UTF-8, JSON, at most :data:`MAX_DEPTH` levels. ``outer``: the file itself (a failure
    there means "not our file" or "truncated"), else the signed body inside."""
    return _parse(_decode(raw), outer)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Rejected("import.not_utf8") from None


def _parse(text: str, outer: bool) -> Any:
    if text.startswith("\ufeff"):  # a text editor opened and saved it again
        raise Rejected("import.bom")
    try:
        value = json.loads(text, parse_constant=_no_constant, object_pairs_hook=unique_keys)
    except RecursionError:
        raise Rejected("import.too_deep", max=MAX_DEPTH) from None
    except DuplicateKey as e:
        raise Rejected("import.duplicate_key", key=e.key) from None
    except ValueError as e:
        if isinstance(e, json.JSONDecodeError) and e.msg == "Extra data":  # a whole document, then more: appended or joined
            raise Rejected("import.trailing_bytes", n=len(text[e.pos:].encode("utf-8", "surrogatepass"))) from None
        head = text[:1024]
        if outer and any(f'"{f}"' in head for f in FORMATS):
            raise Rejected("import.truncated") from None
        raise Rejected("import.not_format" if outer else "import.bad_structure",
                       where=f"JSON: {getattr(e, 'msg', e)}") from None
    if not _depth_ok(value, MAX_DEPTH):
        raise Rejected("import.too_deep", max=MAX_DEPTH)
    # Text decoded from UTF-8 holds no surrogates, but a \uD800-\uDFFF escape that is not half of a
    # pair makes json.loads return a string that cannot be written as UTF-8 again (found by fuzzing:
    # the import failed on it when hashing the answers). Refuse it here, for every reader.
    if "\\u" in text and _has_lone_surrogate(value):
        raise Rejected("import.bad_text")
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                return True
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key[:64]


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: with a repeated key two parsers could read two
    different documents from one signed text (one keeps the first, another the last)."""
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise DuplicateKey(k)
            seen.add(k)
    return d


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def unb64(text: Any, where: str, length: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise Rejected("import.bad_structure", where=where)
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise Rejected("import.bad_structure", where=where) from None
    if length is not None and len(raw) != length:
        raise Rejected("import.bad_structure", where=where)
    return raw


def signed_bytes(fmt: str, version: int, body: bytes) -> bytes:
    return f"{fmt}/{version}".encode("ascii") + b"\x00" + body


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


def seal(fmt: str, body: dict[str, Any], signer: Ed25519PrivateKey,
         recipient: X25519PublicKey | None = None) -> bytes:
    """The file's bytes: ``body`` signed by ``signer``, encrypted to ``recipient`` when given."""
    body_bytes = canonical(body)
    return wrap(fmt, signer.sign(signed_bytes(fmt, VERSION, body_bytes)) + body_bytes, recipient)


def wrap(fmt: str, plaintext: bytes, recipient: X25519PublicKey | None = None) -> bytes:
    """The envelope around ``plaintext`` (signature || body), encrypted to ``recipient`` when given."""
    header: dict[str, Any] = {"encryption": None, "format": fmt, "version": VERSION}
    if recipient is None:
        payload = plaintext
    else:
        eph = X25519PrivateKey.generate()
        eph_pub, rcpt_pub = raw_public(eph.public_key()), raw_public(recipient)
        nonce = os.urandom(NONCE_BYTES)
        header["encryption"] = {"scheme": SCHEME, "recipient": b64(rcpt_pub), "ephemeral": b64(eph_pub),
                                "nonce": b64(nonce)}
        key = _key(eph.exchange(recipient), eph_pub, rcpt_pub)
        payload = ChaCha20Poly1305(key).encrypt(nonce, plaintext, canonical(header))
    return canonical({**header, "payload": b64(payload)})


@dataclass(frozen=True)
class Opened:
    """An envelope opened (decrypted if needed), its signature not yet checked."""

    format: str
    recipient: str | None  # base64 X25519 key the file was encrypted to; None when not encrypted
    body: Any  # the parsed body (checked for UTF-8 and depth only)
    body_bytes: bytes
    signature: bytes
    nfc: bool = False  # True: the body's text is known to be NFC throughout (False: not known)

    def verify(self, sign_public: bytes) -> None:
        """Check the signature with the signer's raw Ed25519 key (taken from the body)."""
        try:
            Ed25519PublicKey.from_public_bytes(sign_public).verify(
                self.signature, signed_bytes(self.format, VERSION, self.body_bytes))
        except (InvalidSignature, ValueError):
            raise Rejected("import.bad_signature") from None


def open_envelope(raw: bytes, expected: str, decrypt_with: X25519PrivateKey | None = None,
                  my_recipient: str | None = None) -> Opened:
    """Parse and (when encrypted) decrypt. ``my_recipient`` is the base64 public half of
    ``decrypt_with``; a file encrypted to any other key is refused without trying."""
    env = parse_json(raw, outer=True)
    if not isinstance(env, dict) or "format" not in env:
        raise Rejected("import.not_format")
    fmt = env.get("format")
    if fmt not in FORMATS:
        raise Rejected("import.not_format")
    if fmt != expected:
        if expected in (FORMAT_RESPONSE, FORMAT_INVITE) and fmt in (FORMAT_RESPONSE, FORMAT_INVITE):
            raise Rejected("import.is_invitation" if fmt == FORMAT_INVITE else "import.is_response")
        raise Rejected("results.other_kind", kind=fmt, expected=expected)
    version = env.get("version")
    if type(version) is not int or version != VERSION:
        raise Rejected("import.bad_version", version=str(version)[:20], supported=VERSION)
    if set(env) != ENVELOPE_KEYS:
        raise Rejected("import.bad_structure", where="envelope keys")
    payload = unb64(env["payload"], "payload")
    enc = env["encryption"]
    recipient = None
    if enc is None:
        plaintext = payload
    else:
        if not isinstance(enc, dict) or set(enc) != ENCRYPTION_KEYS or enc["scheme"] != SCHEME:
            raise Rejected("import.bad_structure", where="encryption")
        rcpt = unb64(enc["recipient"], "encryption.recipient", KEY_BYTES)
        eph = unb64(enc["ephemeral"], "encryption.ephemeral", KEY_BYTES)
        nonce = unb64(enc["nonce"], "encryption.nonce", NONCE_BYTES)
        recipient = enc["recipient"]
        if decrypt_with is None:
            raise Rejected("import.no_secretary")
        if recipient != my_recipient:
            raise Rejected("import.not_for_you")
        try:
            shared = decrypt_with.exchange(X25519PublicKey.from_public_bytes(eph))
            key = _key(shared, eph, rcpt)
            header = {k: v for k, v in env.items() if k != "payload"}
            plaintext = ChaCha20Poly1305(key).decrypt(nonce, payload, canonical(header))
        except (InvalidTag, ValueError):
            raise Rejected("import.decrypt_failed") from None
    if len(plaintext) <= SIGNATURE_BYTES:
        raise Rejected("import.bad_structure", where="payload")
    body_bytes = plaintext[SIGNATURE_BYTES:]
    text = _decode(body_bytes)
    body = _parse(text, outer=False)
    # every string of a JSON text that is NFC and has no \u escapes is NFC (strings are bounded by quotes)
    nfc = "\\u" not in text and unicodedata.is_normalized("NFC", text)
    return Opened(fmt, recipient, body, body_bytes, plaintext[:SIGNATURE_BYTES], nfc)
