"""ORM models. Closed sets are check constraints, lookups have explicit indexes, times are UTC."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UTCDateTime, utcnow

USER_STATUSES = ("active", "deleted")


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"status IN {USER_STATUSES!r}", name="status_known"),
        CheckConstraint("length(username_key) BETWEEN 3 AND 32", name="username_length"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # username as typed (for display) and its case-folded key (for uniqueness and lookup)
    username: Mapped[str] = mapped_column(String(32))
    username_key: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str | None] = mapped_column(String(255))  # None: external sign-in only
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sessions: Mapped[list[AuthSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )
    identities: Mapped[list[ExternalIdentity]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class ExternalIdentity(Base):
    """A sign-in from another provider (Hugging Face OAuth) mapped onto a local user."""

    __tablename__ = "external_identities"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(255))  # the provider's stable user id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship(back_populates="identities")


class AuthSession(Base):
    """A browser login. Only a keyed hash of the token is stored, so a leaked DB logs no one in."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(back_populates="sessions")


class MediaBlob(Base):
    """Content-addressed bytes: the key is the SHA-256 of ``data``, checked again on every read."""

    __tablename__ = "media_blobs"
    __table_args__ = (
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)  # NULL: the bytes are in S3
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AuditEvent(Base):
    """Append-only record of security-relevant actions (see db.audit for the guard)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_action_subject_time", "action", "subject", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # SET NULL keeps the event when an account is deleted; the subject still names what happened
    actor_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(255))
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, never secrets


DOUBLE_KINDS = ("person", "pet", "object", "character")
VISIBILITY_TIERS = ("only_me", "approved", "friends", "everyone")
DOUBLE_STATUSES = ("active", "revoked", "deleted")
CONSENT_EVENT_TYPES = ("given", "challenge_passed", "settings_changed", "revoked", "deleted")


class Double(Base):
    """A registered digital double. Never hard-deleted: the consent ledger points at it."""

    __tablename__ = "doubles"
    __table_args__ = (
        CheckConstraint(f"kind IN {DOUBLE_KINDS!r}", name="kind_known"),
        CheckConstraint(f"visibility IN {VISIBILITY_TIERS!r}", name="visibility_known"),
        CheckConstraint(f"status IN {DOUBLE_STATUSES!r}", name="status_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True)  # opaque, in manifests
    owner_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    handle: Mapped[str] = mapped_column(String(24), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(String(300), default="")
    visibility: Mapped[str] = mapped_column(String(16), default="only_me")
    restrictions: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    has_voice: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    reference: Mapped[DoubleReference | None] = relationship(
        back_populates="double", cascade="all, delete-orphan", uselist=False
    )


class DoubleReference(Base):
    """The biometric side of a double; deleting the double deletes this row and its blobs."""

    __tablename__ = "double_references"

    double_id: Mapped[int] = mapped_column(
        ForeignKey("doubles.id", ondelete="CASCADE"), primary_key=True
    )
    source_video_sha: Mapped[str | None] = mapped_column(ForeignKey("media_blobs.sha256"))
    portrait_sha: Mapped[str] = mapped_column(ForeignKey("media_blobs.sha256"))
    preview_sha: Mapped[str] = mapped_column(ForeignKey("media_blobs.sha256"))
    sprite_sha: Mapped[str | None] = mapped_column(ForeignKey("media_blobs.sha256"))
    voice_sha: Mapped[str | None] = mapped_column(ForeignKey("media_blobs.sha256"))
    photo_shas: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of blob keys
    face_model: Mapped[str | None] = mapped_column(String(64))
    face_embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    voice_model: Mapped[str | None] = mapped_column(String(64))
    voice_embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    # JSON: the built-in voice's pitch/formant shift toward this voice, and what it was chosen
    # on (written by the web layer; NULL for doubles registered before it was kept).
    voice_shift: Mapped[str | None] = mapped_column(Text)
    quality_report: Mapped[str] = mapped_column(Text, default="{}")  # JSON

    double: Mapped[Double] = relationship(back_populates="reference")


class ConsentEvent(Base):
    """Append-only, hash-chained consent ledger (see db.consent for hashing and verification).

    One chain for the whole install: ``prev_hash`` is unique, so the chain can never fork.
    """

    __tablename__ = "consent_events"
    __table_args__ = (
        CheckConstraint(f"event_type IN {CONSENT_EVENT_TYPES!r}", name="event_type_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    double_id: Mapped[int] = mapped_column(ForeignKey("doubles.id"), index=True)
    double_public_id: Mapped[str] = mapped_column(String(16))
    actor_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    event_type: Mapped[str] = mapped_column(String(24))
    statement_version: Mapped[str] = mapped_column(String(16))
    statement_sha256: Mapped[str] = mapped_column(String(64))
    # The language of the statement agreed to ("en", "zh-CN", "id", "ca"); NULL on events
    # written before statements had languages (those were English).
    statement_language: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[str] = mapped_column(Text, default="{}")  # JSON: media hashes, no media
    scores: Mapped[str] = mapped_column(Text, default="{}")  # JSON: check results
    created_at_text: Mapped[str] = mapped_column(String(40))  # exact text that was hashed
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    event_hash: Mapped[str] = mapped_column(String(64), unique=True)


class ConsentChallenge(Base):
    """A live-check code: single use, short-lived, stored only as a keyed hash."""

    __tablename__ = "consent_challenges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    code_length: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


CLIP_STATUSES = ("queued", "running", "done", "failed", "cancelled")
CLIP_VISIBILITIES = ("only_me", "friends", "everyone")


class Clip(Base):
    """A rendered (or rendering) clip. The script and cast are frozen copies."""

    __tablename__ = "clips"
    __table_args__ = (
        CheckConstraint(f"status IN {CLIP_STATUSES!r}", name="status_known"),
        CheckConstraint(f"visibility IN {CLIP_VISIBILITIES!r}", name="visibility_known"),
        # the public feed and per-user rate limits read these in time order
        Index("ix_clips_visibility_status_created", "visibility", "status", "created_at"),
        Index("ix_clips_creator_created", "creator_user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True)  # watermark + manifest id
    creator_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    script_json: Mapped[str] = mapped_column(Text)
    cast_json: Mapped[str] = mapped_column(Text)  # role -> {double public id, handle}
    template_id: Mapped[str | None] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(Integer)
    backend: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    progress: Mapped[float] = mapped_column(default=0.0)
    status_message: Mapped[str] = mapped_column(String(500), default="")
    visibility: Mapped[str] = mapped_column(String(16), default="only_me")
    video_sha: Mapped[str | None] = mapped_column(ForeignKey("media_blobs.sha256"))
    duration: Mapped[float | None] = mapped_column()
    metrics_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # --- the render job: the clip row *is* the job, so a restart finds every unfinished one
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0)  # renders started; caps restart loops
    width: Mapped[int] = mapped_column(default=832)
    height: Mapped[int] = mapped_column(default=480)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    # --- distributed rendering (db.render_leases): who renders it, until when; message sent
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # --- social: swaps remember their source; removal purges the media but keeps the row
    source_clip_id: Mapped[int | None] = mapped_column(
        ForeignKey("clips.id", ondelete="SET NULL"), index=True
    )
    provenance_json: Mapped[str] = mapped_column(Text, default="{}")
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    removed_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="clip", cascade="all, delete-orphan", passive_deletes=True
    )


class Appearance(Base):
    """A double in a clip's cast, written before rendering starts so owners see drafts too."""

    __tablename__ = "appearances"

    clip_id: Mapped[int] = mapped_column(
        ForeignKey("clips.id", ondelete="CASCADE"), primary_key=True
    )
    double_id: Mapped[int] = mapped_column(ForeignKey("doubles.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(24))

    clip: Mapped[Clip] = relationship(back_populates="appearances")


FRIENDSHIP_STATUSES = ("pending", "accepted")


class Friendship(Base):
    """A friend request or an accepted friendship: one row per pair of users, whoever asked.

    The pair is stored ordered (low id, high id) so a unique constraint makes a second row for
    the same two people impossible, even when both send a request at the same moment.
    Declining, cancelling and unfriending delete the row (the audit log keeps what happened).
    """

    __tablename__ = "friendships"
    __table_args__ = (
        CheckConstraint(f"status IN {FRIENDSHIP_STATUSES!r}", name="status_known"),
        CheckConstraint("user_low_id < user_high_id", name="pair_ordered"),
        UniqueConstraint("user_low_id", "user_high_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_low_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    user_high_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    requester_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Block(Base):
    """``blocker`` blocked ``blocked``: neither can find, befriend or cast the other."""

    __tablename__ = "blocks"

    blocker_user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    blocked_user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


GRANT_STATUSES = ("approved", "revoked")


class DoubleGrant(Base):
    """An owner's word about one person and one double.

    ``approved`` lets that person cast the double under the ``approved`` tier; ``revoked`` takes
    permission away whatever the tier (friends, everyone) and hides their clips with the double.
    """

    __tablename__ = "double_grants"
    __table_args__ = (CheckConstraint(f"status IN {GRANT_STATUSES!r}", name="status_known"),)

    double_id: Mapped[int] = mapped_column(
        ForeignKey("doubles.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ClipReport(Base):
    """Someone reported a clip (typically a double's owner about a clip that uses it)."""

    __tablename__ = "clip_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id", ondelete="CASCADE"), index=True)
    reporter_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
