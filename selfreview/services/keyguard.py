"""A profile's private keys: passphrase protection, backup and restore, and a new key when the old
one is lost. Each step is written to the audit log (never the keys or the passphrase).

Losing a key means the member can no longer sign as themself. :func:`replace_lost_keys` makes a new
key pair and records the old and new fingerprints; the cell secretary must then confirm the new
fingerprint explicitly (read aloud, in person) before files signed with it are accepted. That
confirmation is recorded in the secretary's audit log by the import side (services/exchange.py).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from selfreview.db.models import Profile
from selfreview.exchange import keystore
from selfreview.exchange.keys import PrivateIdentity, PublicIdentity
from selfreview.exchange.keystore import MIN_PASSPHRASE as MIN_PASSPHRASE  # the shortest passphrase, for the UI
from selfreview.exchange.keystore import KeyFileError
from selfreview.fsutil import PRIVATE, write_atomic
from selfreview.messages import msg
from selfreview.services import audit
from selfreview.services.committee import office_key
from selfreview.services.errors import NotFound, ServiceError


@contextmanager
def _as_service_error() -> Iterator[None]:
    try:
        yield
    except KeyFileError as e:
        raise ServiceError(e.message) from None


def _profile(s, profile_id: int) -> Profile:
    p = s.get(Profile, profile_id)
    if p is None:
        raise NotFound.of("review.not_found", id=profile_id)
    return p


def is_protected(ctx, profile_id: int) -> bool:
    return keystore.is_protected(ctx.keys_dir, profile_id)


def protect(ctx, profile_id: int, passphrase: str | None, current_passphrase: str | None = None) -> None:
    """Set, change or (``passphrase`` None) remove the passphrase on the profile's private keys. The
    copies of the office key the profile holds are sealed again under the new passphrase (and the
    passphrase cannot be removed while it holds one: services/committee/office_key.py)."""
    if not passphrase and office_key.copies_of(ctx.keys_dir, profile_id):
        raise ServiceError(msg("office_key.keep_protected"))
    with _as_service_error(), ctx.session() as s:
        p = _profile(s, profile_id)
        keystore.protect_keys(ctx.keys_dir, profile_id, passphrase, current_passphrase)
        office_key.reseal(ctx.keys_dir, profile_id, current_passphrase, passphrase)
        audit.record(s, "keys.protect" if passphrase else "keys.unprotect", p.full_name,
                     profile_id=profile_id, fingerprint=p.fingerprint)


def export_backup(ctx, profile_id: int, path: Path, passphrase: str,
                  current_passphrase: str | None = None) -> PublicIdentity:
    """Write a key backup to ``path`` (a USB stick, a safe place), sealed under ``passphrase``."""
    path = Path(path)
    with ctx.read() as s:
        _profile(s, profile_id)
    with _as_service_error():
        try:
            pub = keystore.export_key_backup(ctx.keys_dir, profile_id, path, passphrase, current_passphrase)
        except OSError as e:  # the stick is full, write-protected or gone: not the data folder's problem
            raise KeyFileError("keys.cannot_write", path=path, error=e.strerror or type(e).__name__) from None
    with ctx.session() as s:
        audit.record(s, "keys.backup_exported", _profile(s, profile_id).full_name, profile_id=profile_id,
                     fingerprint=pub.fingerprint, file=path.name)
    return pub


def restore_backup(ctx, profile_id: int, path: Path, passphrase: str,
                   protect_with: str | None = None) -> PublicIdentity:
    """Put a key backup back in place. It must hold this profile's keys (same fingerprint)."""
    with _as_service_error(), ctx.session() as s:
        p = _profile(s, profile_id)
        identity = keystore.read_key_backup(Path(path), passphrase)
        found = identity.public.fingerprint
        if found != p.fingerprint:
            raise ServiceError(msg("keys.not_this_profile", found=found, expected=p.fingerprint))
        pub = keystore.store_identity(ctx.keys_dir, profile_id, identity, protect_with)
        audit.record(s, "keys.backup_restored", p.full_name, profile_id=profile_id, fingerprint=found)
        return pub


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase is long enough (ServiceError with the reason, in both languages, if not)."""
    with _as_service_error():
        keystore.check_new_passphrase(passphrase)


def replace_lost_keys(ctx, profile_id: int, passphrase: str | None = None) -> PublicIdentity:
    """A new key pair for a profile whose keys are lost; the profile's public keys change with it.

    If the database refuses the change, the key folder is put back as it was."""
    if passphrase:
        check_new_passphrase(passphrase)
    folder = ctx.keys_dir / str(profile_id)
    before = _snapshot(folder)
    try:
        with _as_service_error(), ctx.session() as s:
            p = _profile(s, profile_id)
            old = p.fingerprint
            identity = PrivateIdentity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
            ident = keystore.store_identity(ctx.keys_dir, profile_id, identity, passphrase)
            p.sign_public_key, p.enc_public_key, p.fingerprint = ident.sign_public, ident.enc_public, ident.fingerprint
            audit.record(s, "keys.replaced", p.full_name, profile_id=profile_id, old_fingerprint=old,
                         new_fingerprint=ident.fingerprint)
        return ident
    except BaseException:
        _put_back(folder, before)
        raise


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {f.name: f.read_bytes() for f in folder.iterdir() if f.is_file()}


def _put_back(folder: Path, files: dict[str, bytes]) -> None:
    if not folder.is_dir():
        return
    for f in folder.iterdir():
        if f.is_file() and f.name not in files:
            f.unlink()
    for name, data in files.items():
        write_atomic(folder / name, data, mode=PRIVATE)


def is_backed_up(ctx, profile_id: int) -> bool:
    """A backup of the profile's current key was written (the audit log says so; a backup of a key
    since replaced does not count)."""
    from sqlalchemy import select

    from selfreview.db.models import AuditEntry
    with ctx.read() as s:
        fingerprint = _profile(s, profile_id).fingerprint
        rows = s.scalars(select(AuditEntry.details).where(AuditEntry.action == "keys.backup_exported"))
        return any(isinstance(d, dict) and d.get("profile_id") == profile_id and d.get("fingerprint") == fingerprint
                   for d in rows)
