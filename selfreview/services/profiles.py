"""Profiles: the people using this PC. Each gets identity keys when created."""

from __future__ import annotations


from sqlalchemy import select

from selfreview.db.models import Profile, Setting
from selfreview.exchange.keys import generate_identity
from selfreview.services import audit
from selfreview.services.dto import ProfileData
from selfreview.services.errors import NotFound
from selfreview.limits import MEMBER_FIELDS
from selfreview.services.member_fields import member_fields
from selfreview.text import nfc

_EDITABLE = ("full_name", "date_of_birth", "party_post", "government_post", "mass_org_post", "work_unit",
             "cell_name", "superior_body", "is_leader", "in_political_system", "language")


def _to_data(p: Profile) -> ProfileData:
    return ProfileData(**{f: getattr(p, f) for f in _EDITABLE}, id=p.id, fingerprint=p.fingerprint)


def _clean(data: ProfileData) -> dict:
    values = {f: getattr(data, f) for f in _EDITABLE}
    values = {k: (nfc(v).strip() if isinstance(v, str) else v) for k, v in values.items()}
    return {**values, **member_fields({k: v for k, v in values.items() if k in MEMBER_FIELDS})}


class ProfileService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def create(self, data: ProfileData, passphrase: bytes | None = None) -> ProfileData:
        with self.ctx.session() as s:
            p = Profile(**_clean(data))
            s.add(p)
            s.flush()
            ident = generate_identity(self.ctx.keys_dir, p.id, passphrase)
            p.sign_public_key, p.enc_public_key, p.fingerprint = (
                ident.sign_public, ident.enc_public, ident.fingerprint)
            audit.record(s, "profile.create", p.full_name, profile_id=p.id, fingerprint=p.fingerprint)
            return _to_data(p)

    def update(self, data: ProfileData) -> ProfileData:
        with self.ctx.session() as s:
            p = s.get(Profile, data.id)
            if p is None:
                raise NotFound.of("review.not_found", id=data.id)
            for k, v in _clean(data).items():
                setattr(p, k, v)
            return _to_data(p)

    def get(self, profile_id: int) -> ProfileData:
        with self.ctx.read() as s:
            p = s.get(Profile, profile_id)
            if p is None:
                raise NotFound.of("review.not_found", id=profile_id)
            return _to_data(p)

    def list(self) -> list[ProfileData]:
        with self.ctx.read() as s:
            return [_to_data(p) for p in s.scalars(select(Profile).order_by(Profile.full_name))]

    def public_keys(self, profile_id: int) -> tuple[str, str, str]:
        with self.ctx.read() as s:
            p = s.get(Profile, profile_id)
            return p.sign_public_key, p.enc_public_key, p.fingerprint

    # the profile that acts as this data directory's cell secretary
    def secretary(self) -> ProfileData | None:
        with self.ctx.read() as s:
            row = s.get(Setting, "secretary_profile_id")
            p = s.get(Profile, row.value) if row else None
            return _to_data(p) if p else None

    def set_secretary(self, profile_id: int) -> None:
        with self.ctx.session() as s:
            row = s.get(Setting, "secretary_profile_id")
            if row is None:
                s.add(Setting(key="secretary_profile_id", value=profile_id))
            else:
                row.value = profile_id
