"""The database schema: SQLAlchemy 2 typed models.

Nothing here imports services or ui. Answers are stored one row per question so that autosave
writes one small row, never the whole review.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, false, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# (index name, key columns, which rows): one current review per owner; see migration 0005
CURRENT_REVIEW_RULES = (
    ("uq_review_current_member", ("member_id", "round_id"),
     "is_current AND member_id IS NOT NULL AND round_id IS NOT NULL"),
    ("uq_review_current_profile", ("profile_id", "period"), "is_current AND profile_id IS NOT NULL"),
    ("uq_review_current_collective", ("round_id",), "is_current AND is_collective"),
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Profile(Base):
    """A person using this PC (a member, or a secretary). Private keys live in files, not here."""

    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[Optional[date]] = mapped_column(Date)
    party_post: Mapped[str] = mapped_column(String(200), default="")
    government_post: Mapped[str] = mapped_column(String(200), default="")
    mass_org_post: Mapped[str] = mapped_column(String(200), default="")
    work_unit: Mapped[str] = mapped_column(String(300), default="")
    cell_name: Mapped[str] = mapped_column(String(300), default="")
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    in_political_system: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    sign_public_key: Mapped[Optional[str]] = mapped_column(String(128))
    enc_public_key: Mapped[Optional[str]] = mapped_column(String(128))
    fingerprint: Mapped[Optional[str]] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Cell(Base):
    """A party cell (chi bộ) and the body above it."""

    __tablename__ = "cell"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    owner_profile_id: Mapped[Optional[int]] = mapped_column(ForeignKey("profile.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    rounds: Mapped[list["ReviewRound"]] = relationship(back_populates="cell")
    members: Mapped[list["Member"]] = relationship(back_populates="cell")


class ReviewRound(Base):
    """One review round of a cell: a period, the form per member category, a deadline."""

    __tablename__ = "review_round"
    __table_args__ = (UniqueConstraint("cell_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(40))
    forms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # category -> {"id", "version", "hash"}
    deadline: Mapped[Optional[date]] = mapped_column(Date)
    uid: Mapped[str] = mapped_column(String(64), unique=True)  # identifies the round across PCs
    # the HTXSNV quota as a percentage of the HTTNV count: 20, or 25 where the competent level allows it
    quota_percent: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    cell: Mapped[Cell] = relationship(back_populates="rounds")


class Member(Base):
    """A member on a cell's roster, with the keys pinned on first import."""

    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[Optional[date]] = mapped_column(Date)
    party_post: Mapped[str] = mapped_column(String(200), default="")
    government_post: Mapped[str] = mapped_column(String(200), default="")
    mass_org_post: Mapped[str] = mapped_column(String(200), default="")
    work_unit: Mapped[str] = mapped_column(String(300), default="", server_default="")
    category: Mapped[str] = mapped_column(String(32), default="non_leader")
    meeting_order: Mapped[int] = mapped_column(Integer, default=1000)
    sign_public_key: Mapped[Optional[str]] = mapped_column(String(128), index=True)
    enc_public_key: Mapped[Optional[str]] = mapped_column(String(128))
    fingerprint: Mapped[Optional[str]] = mapped_column(String(32))
    # False: the key came with the member's first file and its fingerprint is not yet confirmed
    key_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    cell: Mapped[Cell] = relationship(back_populates="members")


class StoredTemplate(Base):
    """A template that is not bundled (e.g. embedded in an invitation), kept by its hash."""

    __tablename__ = "stored_template"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    template_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Invitation(Base):
    """An invitation a member received from their cell secretary (see ``exchange``)."""

    __tablename__ = "invitation"
    uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    cell_name: Mapped[str] = mapped_column(String(300))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    period: Mapped[str] = mapped_column(String(40))
    deadline: Mapped[Optional[date]] = mapped_column(Date)
    secretary_name: Mapped[str] = mapped_column(String(200), default="")
    secretary_sign_key: Mapped[str] = mapped_column(String(128))
    secretary_enc_key: Mapped[str] = mapped_column(String(128))
    secretary_fingerprint: Mapped[str] = mapped_column(String(32))
    forms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Review(Base):
    """One revision of one person's self-review for a period.

    A finalized revision is never edited again; a change makes a new revision (``parent_id``
    points to the one it came from) and only the newest has ``is_current``.
    """

    __tablename__ = "review"
    __table_args__ = (
        Index("ix_review_owner_period", "profile_id", "period"),
        Index("ix_review_member_round", "member_id", "round_id"),
        # one current revision per member and round, per profile and period, per collective and round
        # (migration 0005): the database refuses a second one whatever a check in the code missed
        *(Index(name, *columns, unique=True, sqlite_where=text(where), postgresql_where=text(where))
          for name, columns, where in CURRENT_REVIEW_RULES),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[Optional[int]] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    member_id: Mapped[Optional[int]] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    round_id: Mapped[Optional[int]] = mapped_column(ForeignKey("review_round.id", ondelete="SET NULL"))
    period: Mapped[str] = mapped_column(String(40))
    template_id: Mapped[str] = mapped_column(String(80))
    template_version: Mapped[int] = mapped_column(Integer)
    template_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | finalized | sent
    revision: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("review.id"))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    entered_by_secretary: Mapped[bool] = mapped_column(Boolean, default=False)
    # the collective's own report (Mẫu 01): no profile, no member; tied to its cell and round
    is_collective: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    cell_id: Mapped[Optional[int]] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[Optional[str]] = mapped_column(String(64))
    invite_uid: Mapped[Optional[str]] = mapped_column(String(64))  # set when created from an invitation
    last_section: Mapped[Optional[str]] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finalized_at: Mapped[Optional[datetime]] = mapped_column(DateTime)
    submitted_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # when a secretary imported it
    # a small summary of the answers for the roll-up (forms/summary.py): written when the
    # review is finalized or imported; summary_version NULL means "not computed, read the answers"
    self_rating: Mapped[Optional[str]] = mapped_column(String(16))
    self_check: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON(none_as_null=True))
    summary_version: Mapped[Optional[int]] = mapped_column(Integer)
    answers: Mapped[list["Answer"]] = relationship(back_populates="review", cascade="all, delete-orphan")


class Answer(Base):
    """One answer (a JSON value) to one question of one review revision."""

    __tablename__ = "answer"
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    review: Mapped[Review] = relationship(back_populates="answers")


class Assessment(Base):
    """The cell committee's view of a member's review: comments and the cell's proposed rating."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("member_id", "round_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    round_id: Mapped[int] = mapped_column(ForeignKey("review_round.id", ondelete="CASCADE"))
    comments: Mapped[str] = mapped_column(Text, default="")
    proposed_rating: Mapped[Optional[str]] = mapped_column(String(16))
    competent_rating: Mapped[Optional[str]] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Meeting(Base):
    """The cell's review meeting (hội nghị kiểm điểm) of one round: when, where, who chaired it."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("review_round.id", ondelete="CASCADE"), unique=True)
    starts_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # local wall-clock time
    ends_at: Mapped[Optional[datetime]] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    recorder: Mapped[str] = mapped_column(String(200), default="")
    guests: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"name", "position"}]
    content: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MeetingAttendance(Base):
    """Whether one member on the roster attended the meeting, and why not."""

    __tablename__ = "meeting_attendance"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class MeetingResult(Base):
    """The meeting's vote on one member (or on the collective, ``member_id`` NULL): how many votes
    each rating level got, the opinions raised, and the rating the cell proposes as a result."""

    __tablename__ = "meeting_result"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[Optional[int]] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    is_collective: Mapped[bool] = mapped_column(Boolean, default=False)
    votes_htxsnv: Mapped[int] = mapped_column(Integer, default=0)
    votes_httnv: Mapped[int] = mapped_column(Integer, default=0)
    votes_htnv: Mapped[int] = mapped_column(Integer, default=0)
    votes_khtnv: Mapped[int] = mapped_column(Integer, default=0)
    committee_rating: Mapped[Optional[str]] = mapped_column(String(16))  # the committee's before the vote
    final_rating: Mapped[Optional[str]] = mapped_column(String(16))
    opinions: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportReceipt(Base):
    """What happened to one imported file."""

    __tablename__ = "import_receipt"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    member: Mapped[str] = mapped_column(String(200), default="")
    form: Mapped[str] = mapped_column(String(80), default="")
    revision: Mapped[Optional[int]] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))  # imported | updated | already_present | rejected
    reason: Mapped[str] = mapped_column(Text, default="")  # Vietnamese
    reason_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    reason_code: Mapped[str] = mapped_column(String(64), default="", server_default="")  # messages.CATALOGUE
    fingerprint: Mapped[str] = mapped_column(String(32), default="", server_default="")  # the signer's key
    review_id: Mapped[Optional[int]] = mapped_column(ForeignKey("review.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """An append-only log of what changed and who did it."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Setting(Base):
    """Small key/value settings stored with the data (e.g. the secretary profile id)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


# -- results travel up, decisions come back (issue 15; services/committee*.py) --------------------
class ResultsInvitation(Base):
    """A committee's call for results that this office opened (the cell's side): where its results
    go (the committee's keys), for which period, and which organisations the committee expects."""

    __tablename__ = "results_invitation"
    uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    profile_id: Mapped[Optional[int]] = mapped_column(ForeignKey("profile.id", ondelete="SET NULL"))
    committee_name: Mapped[str] = mapped_column(String(300))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    secretary_name: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str] = mapped_column(String(40), index=True)
    deadline: Mapped[Optional[date]] = mapped_column(Date)
    sign_key: Mapped[str] = mapped_column(String(128))
    enc_key: Mapped[str] = mapped_column(String(128))
    fingerprint: Mapped[str] = mapped_column(String(32))
    organisations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ResultsCall(Base):
    """A call for results this office (a committee) wrote: the period and the organisations expected."""

    __tablename__ = "results_call"
    uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(40), index=True)
    committee_name: Mapped[str] = mapped_column(String(300))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[Optional[date]] = mapped_column(Date)
    organisations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    quota_percent: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OrgResult(Base):
    """An organisation's results as the committee imported them (the newest file of that
    organisation and period; the report JSON as the file carried it)."""

    __tablename__ = "org_result"
    __table_args__ = (UniqueConstraint("org_uid", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_uid: Mapped[str] = mapped_column(String(64))
    call_uid: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(300))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(16), default="cell")
    secretary_name: Mapped[str] = mapped_column(String(200), default="")
    sign_key: Mapped[str] = mapped_column(String(128))
    enc_key: Mapped[str] = mapped_column(String(128))
    fingerprint: Mapped[str] = mapped_column(String(32))
    members: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    written_at: Mapped[Optional[datetime]] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decisions_sent_at: Mapped[Optional[datetime]] = mapped_column(DateTime)


class OrgDecision(Base):
    """The committee's decided rating of one member of an organisation that reported to it
    (``unit_uid`` names the member's own organisation: the reporting one, or one of its units)."""

    __tablename__ = "org_decision"
    __table_args__ = (UniqueConstraint("result_id", "unit_uid", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("org_result.id", ondelete="CASCADE"), index=True)
    unit_uid: Mapped[str] = mapped_column(String(64))
    ref: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    rating: Mapped[Optional[str]] = mapped_column(String(16))
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
