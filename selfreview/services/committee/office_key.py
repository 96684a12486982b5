"""A committee office's key (docs/security.md §5): one Ed25519 + X25519 key pair per committee, not
per person, that signs the committee's calls for results and decisions and opens the results sent
to it, on every staff PC that holds a copy.

* Each copy lives in the staff member's own key folder, ``keys/<profile id>/office-<FP>.sealed``
  (the sealed container of ``exchange/keystore.py``, ``"purpose": "office-key"``, naming the
  committee), sealed under **that profile's own passphrase**: one passphrase per person opens
  their keys and the office key alike, and a profile without a passphrase cannot hold one.
* The database holds only the public halves (the setting ``office_key``: the current key and the
  ones it replaced) and, per call for results, which office key signed it (``office_call:<uid>``),
  so that each organisation's decisions are signed by the key its call carried.
* The head makes the key (:func:`create`), hands a copy over as a file sealed under a hand-over
  passphrase (:func:`export`), the colleague imports it (:func:`receive`). Replacing it
  (``create(replace=True)``) keeps the old public key for the files still sent to it; the old
  private key stays on the head's PC only.

Every step is in the audit log with the profile that did it (and, on PostgreSQL, the login:
``audit_log.db_user``): ``office_key.created``/``replaced``/``exported``/``received``, and
``office_key.used`` each time a copy opened or signed a file (:func:`record_used`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from selfreview.db.models import Setting, utcnow
from selfreview.exchange import keystore
from selfreview.exchange.keys import SIGN_FILE, PrivateIdentity, PublicIdentity
from selfreview.exchange.keystore import KeyFileError
from selfreview.fsutil import PRIVATE, write_atomic
from selfreview.messages import msg
from selfreview.services import audit
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError
from selfreview.text import nfc

SETTING = "office_key"
CALL_SETTING = "office_call:"  # + the call's uid: the fingerprint of the office key that signed it


@dataclass(frozen=True)
class OfficeKey:
    """The office key as the database knows it: public halves only."""

    committee: str
    current: PublicIdentity
    previous: tuple[PublicIdentity, ...] = ()  # replaced keys, newest first

    @property
    def fingerprint(self) -> str:
        return self.current.fingerprint

    def all(self) -> tuple[PublicIdentity, ...]:
        return (self.current, *self.previous)

    def by_fingerprint(self, fingerprint: str) -> PublicIdentity | None:
        return next((k for k in self.all() if k.fingerprint == fingerprint), None)

    def by_recipient(self, enc_public: str) -> PublicIdentity | None:
        return next((k for k in self.all() if k.enc_public == enc_public), None)


def _pub(d: dict[str, Any]) -> PublicIdentity:
    return PublicIdentity(d["sign_public"], d["enc_public"], d["fingerprint"])


def _as_json(p: PublicIdentity, **more: Any) -> dict[str, Any]:
    return {"sign_public": p.sign_public, "enc_public": p.enc_public, "fingerprint": p.fingerprint, **more}


def _from_setting(value: Any) -> OfficeKey | None:
    if not isinstance(value, dict):
        return None
    return OfficeKey(value["committee"], _pub(value), tuple(_pub(p) for p in value.get("previous", [])))


def current(ctx) -> OfficeKey | None:
    """The office key of this database (None: the office has none; the secretary's own key serves)."""
    with ctx.read() as s:
        row = s.get(Setting, SETTING)
        return _from_setting(row.value if row else None)


def copy_path(keys_dir: Path, profile_id: int, fingerprint: str) -> Path:
    return Path(keys_dir) / str(profile_id) / f"office-{fingerprint.replace('-', '')}.sealed"


def holders(ctx, fingerprint: str) -> list[ProfileData]:
    """The profiles whose key folder on this PC holds a copy of that office key (the secretary first)."""
    sec = ctx.profiles.secretary()
    found = [p for p in ctx.profiles.list() if copy_path(ctx.keys_dir, p.id, fingerprint).is_file()]
    return sorted(found, key=lambda p: (sec is None or p.id != sec.id, p.id))


def has_copy(ctx) -> bool:
    info = current(ctx)
    return info is not None and bool(holders(ctx, info.fingerprint))


def has_own_keys(keys_dir: Path, profile_id: int) -> bool:
    folder = Path(keys_dir) / str(profile_id)
    return (folder / keystore.SEALED_FILE).is_file() or (folder / SIGN_FILE).is_file()


def this_pc(ctx) -> ProfileData | None:
    """Who acts at this PC, for the audit log of a shared database: the secretary when their keys
    are here (a one-person office: always), else a profile holding the office key here, else one
    whose keys are here, else the secretary."""
    sec = ctx.profiles.secretary()
    if sec is not None and has_own_keys(ctx.keys_dir, sec.id):
        return sec
    profiles = ctx.profiles.list()
    return next((p for p in profiles if copies_of(ctx.keys_dir, p.id)), None) or \
        next((p for p in profiles if has_own_keys(ctx.keys_dir, p.id)), None) or sec


def _holder(ctx, profile_id: int, passphrase: str | None) -> ProfileData:
    """The staff profile about to hold a copy: its keys must be sealed, and ``passphrase`` open them."""
    p = ctx.profiles.get(profile_id)
    if not keystore.is_protected(ctx.keys_dir, profile_id):
        raise ServiceError(msg("office_key.needs_protection", name=p.full_name, id=p.id))
    try:
        keystore.open_identity(ctx.keys_dir, profile_id, _given(passphrase))
    except KeyFileError as e:
        raise ServiceError(e.message) from None
    return p


def _given(passphrase: str | None) -> str:
    """The profile's passphrase, which sealing a copy needs."""
    if not passphrase:
        raise ServiceError(msg("keys.need_passphrase"))
    return passphrase


def _write_sealed(path: Path, identity: PrivateIdentity, passphrase: str, committee: str) -> None:
    """The office key sealed under ``passphrase``, written owner-only and atomically (the one place
    this module writes a key file)."""
    write_atomic(path, keystore.seal(identity, passphrase, keystore.PURPOSE_OFFICE, committee), mode=PRIVATE)


def _store(ctx, profile_id: int, identity: PrivateIdentity, committee: str, passphrase: str) -> Path:
    path = copy_path(ctx.keys_dir, profile_id, identity.public.fingerprint)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _write_sealed(path, identity, passphrase, committee)
    return path


def create(ctx, profile_id: int, passphrase: str | None, committee: str = "", replace: bool = False) -> OfficeKey:
    """Make the office key on this PC, sealed under the profile's passphrase; the database gets its
    public halves. Refused when the office has one, unless ``replace``."""
    holder = _holder(ctx, profile_id, passphrase)
    before = current(ctx)
    if before is not None and not replace:
        raise ServiceError(msg("office_key.exists", fingerprint=before.fingerprint))
    sec = ctx.profiles.secretary()
    name = " ".join(nfc(committee).split()) or (before.committee if before else "") or \
        (sec.cell_name if sec else "") or holder.cell_name
    if not name:
        raise ServiceError(msg("office_key.no_committee"))
    identity = PrivateIdentity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    pub = identity.public
    path = _store(ctx, profile_id, identity, name, _given(passphrase))
    try:
        with ctx.session() as s:
            row = s.get(Setting, SETTING)
            old = _from_setting(row.value if row else None)
            if old is not None and not replace:  # another PC made one meanwhile
                raise ServiceError(msg("office_key.exists", fingerprint=old.fingerprint))
            previous = [] if old is None else \
                [_as_json(old.current, replaced_at=utcnow().isoformat(timespec="seconds") + "Z"),
                 *(row.value.get("previous", []))]
            value = _as_json(pub, committee=name, created_by=holder.full_name, previous=previous)
            if row is None:
                s.add(Setting(key=SETTING, value=value))
            else:
                row.value = value
            if old is None:
                audit.record(s, "office_key.created", holder.full_name, profile_id=holder.id, committee=name,
                             fingerprint=pub.fingerprint)
            else:
                audit.record(s, "office_key.replaced", holder.full_name, profile_id=holder.id, committee=name,
                             old_fingerprint=old.fingerprint, new_fingerprint=pub.fingerprint)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    made = current(ctx)
    assert made is not None  # written just above
    return made


def _read(path: Path) -> bytes:
    """A key file's bytes (a file over the container's limit is refused before it is read)."""
    if path.stat().st_size > keystore.MAX_FILE:
        raise KeyFileError("keys.bad_file", detail="too large")
    return path.read_bytes()


def _open_copy(ctx, profile_id: int, fingerprint: str, passphrase: str | None) -> PrivateIdentity:
    path = copy_path(ctx.keys_dir, profile_id, fingerprint)
    if not passphrase:
        raise ServiceError(msg("keys.need_passphrase"))
    try:
        identity = keystore.unseal(_read(path), passphrase)
    except KeyFileError as e:
        raise ServiceError(e.message) from None
    except OSError as e:
        raise ServiceError(msg("keys.bad_file", detail=e.strerror or type(e).__name__)) from None
    if identity.public.fingerprint != fingerprint:
        raise ServiceError(msg("keys.bad_file", detail="another key than its name says"))
    return identity


def open_key(ctx, fingerprint: str, passphrase: str | None,
             info: OfficeKey | None = None) -> tuple[PrivateIdentity, ProfileData]:
    """The office key ``fingerprint`` (current or replaced) from a copy on this PC, and the staff
    profile whose copy opened it. ``office_key.missing`` (what to do) when no profile here has one."""
    info = info or current(ctx)
    if info is None or info.by_fingerprint(fingerprint) is None:
        raise ServiceError(msg("office_key.none"))
    found = holders(ctx, fingerprint)
    if not found:
        raise ServiceError(msg("office_key.missing", committee=info.committee, fingerprint=fingerprint))
    error: ServiceError | None = None
    for holder in found:  # usually one; on a PC with several staff profiles, the one whose passphrase it is
        assert holder.id is not None  # a stored profile
        try:
            return _open_copy(ctx, holder.id, fingerprint, passphrase), holder
        except ServiceError as e:
            error = error or e
    assert error is not None
    raise error


def signer(ctx, passphrase: str | None) -> tuple[PrivateIdentity, ProfileData, OfficeKey] | None:
    """The current office key to sign with, its holder and the office key; None when the office
    has no office key (then the secretary's own key signs, as before)."""
    info = current(ctx)
    if info is None:
        return None
    identity, holder = open_key(ctx, info.fingerprint, passphrase, info)
    return identity, holder, info


def export(ctx, profile_id: int, path: Path, file_passphrase: str, passphrase: str | None) -> PublicIdentity:
    """Write a copy of the current office key for a colleague, sealed under ``file_passphrase``."""
    info = current(ctx)
    if info is None:
        raise ServiceError(msg("office_key.none"))
    p = ctx.profiles.get(profile_id)
    if not copy_path(ctx.keys_dir, profile_id, info.fingerprint).is_file():
        raise ServiceError(msg("office_key.missing", committee=info.committee, fingerprint=info.fingerprint))
    try:
        keystore.check_new_passphrase(file_passphrase)
    except KeyFileError as e:
        raise ServiceError(e.message) from None
    identity = _open_copy(ctx, profile_id, info.fingerprint, passphrase)
    path = Path(path)
    try:
        _write_sealed(path, identity, file_passphrase, info.committee)
    except OSError as e:  # the stick is full, write-protected or gone
        raise ServiceError(msg("keys.cannot_write", path=path, error=e.strerror or type(e).__name__)) from None
    with ctx.session() as s:
        audit.record(s, "office_key.exported", p.full_name, profile_id=p.id, fingerprint=info.fingerprint,
                     committee=info.committee, file=path.name)
    return identity.public


def receive(ctx, profile_id: int, path: Path, file_passphrase: str, passphrase: str | None) -> OfficeKey:
    """Import a colleague's office key file for this profile: it must hold this database's current
    office key; the copy is sealed again under the profile's own passphrase. Copies of replaced
    office keys in this profile's folder are removed (the head alone keeps those)."""
    holder = _holder(ctx, profile_id, passphrase)
    identity, info = read_file(ctx, path, file_passphrase)
    found = identity.public.fingerprint
    had_copy = copy_path(ctx.keys_dir, profile_id, found).is_file()
    stored = _store(ctx, profile_id, identity, info.committee, _given(passphrase))
    try:
        with ctx.session() as s:
            audit.record(s, "office_key.received", holder.full_name, profile_id=holder.id, fingerprint=found,
                         committee=info.committee, file=Path(path).name)
    except BaseException:
        if not had_copy:
            stored.unlink(missing_ok=True)
        raise
    for old in info.previous:
        copy_path(ctx.keys_dir, profile_id, old.fingerprint).unlink(missing_ok=True)
    return info


def read_file(ctx, path: Path, file_passphrase: str) -> tuple[PrivateIdentity, OfficeKey]:
    """The office key in a hand-over file, checked: an office key file, opened by its passphrase,
    holding this database's current office key (a foreign or replaced key is refused)."""
    info = current(ctx)
    if info is None:
        raise ServiceError(msg("office_key.none"))
    try:
        data = _read(Path(path))
        header = keystore.read_header(data)
        if header["purpose"] != keystore.PURPOSE_OFFICE:
            raise ServiceError(msg("office_key.not_office_file", purpose=header["purpose"]))
        identity = keystore.unseal(data, file_passphrase)
    except KeyFileError as e:
        raise ServiceError(e.message) from None
    except OSError as e:
        raise ServiceError(msg("keys.bad_file", detail=e.strerror or type(e).__name__)) from None
    found = identity.public
    if (found.fingerprint, found.sign_public, found.enc_public) != (info.fingerprint, info.current.sign_public,
                                                                    info.current.enc_public):
        raise ServiceError(msg("office_key.not_ours", found=found.fingerprint, expected=info.fingerprint))
    return identity, info


def record_used(session, holder: ProfileData, fingerprint: str, purpose: str, **details: Any) -> None:
    """``office_key.used``: which staff profile's copy opened or signed a file (the login is the
    row's ``db_user``)."""
    audit.record(session, "office_key.used", holder.full_name, profile_id=holder.id, fingerprint=fingerprint,
                 purpose=purpose, **details)


def remember_call(session, call_uid: str, fingerprint: str) -> None:
    session.add(Setting(key=CALL_SETTING + call_uid, value=fingerprint))


def call_key(ctx, call_uid: str) -> str | None:
    """The fingerprint of the office key that signed this office's call ``call_uid`` (None: the
    secretary's own key signed it)."""
    with ctx.read() as s:
        row = s.get(Setting, CALL_SETTING + call_uid)
        return row.value if row else None


def copies_of(keys_dir: Path, profile_id: int) -> list[Path]:
    folder = Path(keys_dir) / str(profile_id)
    return sorted(folder.glob("office-*.sealed")) if folder.is_dir() else []


def reseal(keys_dir: Path, profile_id: int, old_passphrase: str | None, new_passphrase: str | None) -> None:
    """The profile's passphrase changes: its office key copies follow (``keyguard.protect``). No
    new passphrase while it holds a copy: refused (a copy is never stored unsealed)."""
    copies = copies_of(keys_dir, profile_id)
    if not copies:
        return
    if not new_passphrase:
        raise ServiceError(msg("office_key.keep_protected"))
    opened = []
    for path in copies:
        data = path.read_bytes()
        try:
            committee = keystore.read_header(data)["committee"]
            opened.append((path, keystore.unseal(data, old_passphrase or ""), committee))
        except KeyFileError as e:
            raise ServiceError(e.message) from None
    for path, identity, committee in opened:
        _write_sealed(path, identity, new_passphrase, committee)
