"""Digital doubles: registration with verified consent, settings, revocation and deletion.

Heavy work (decoding, faces, speech recognition) happens outside database transactions; each
write is one short transaction that either stores everything or nothing. Every method takes
the signed-in ``CurrentUser`` resolved by the server and checks ownership itself.

A little over our usual ~400 lines: registration and management share the ownership check, the
consent ledger writes and the audit log, so one service keeps them together; the records it
hands out live in :mod:`webapp.doubles.records`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from core import consent
from core.accounts import FIELD_NAMES, AccountInputError, clean_display_name, clean_free_text
from core.acting.house import is_house_handle
from core.identity.faces import FaceEmbedding
from core.media.audio import Audio
from core.reference.analysis import (
    ReferenceAnalysis,
    ReferenceAnalyzer,
    ReferenceInputs,
    ReferenceMediaError,
)
from core.reference.challenge import ChallengeError, ChallengeResult
from core.reference.intake import MediaIntakeError
from core.sentences import Sentence, sentence
from core.voice.digits import CODE_LANGUAGES, CodeLanguage
from core.voice.samples import VoiceSample
from core.voice.spoken_code import new_challenge_code
from core.voice.tuning import (
    preview_voice,
    speak_english,
    tune_voice,
    voice_shift_from_record,
    voice_shift_record,
)
from db import audit, media
from db import consent as ledger
from db import doubles as queries
from db.base import utcnow
from db.engine import transaction
from db.models import Double, DoubleReference
from webapp.auth import CurrentUser
from webapp.consent_events import append_follow_up_event
from webapp.doubles.records import (
    VISIBILITY_LABELS,
    ConsentAnswers,
    DoubleError,
    DoubleNotFoundError,
    DoubleRecord,
    DoubleSettings,
    IssuedChallenge,
    ReferenceUpload,
    double_record,
)

logger = logging.getLogger(__name__)

DESCRIPTION_MAX, RESTRICTIONS_MAX = 300, 500
CHALLENGE_TTL = timedelta(minutes=5)


class DoubleService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        analyzer: ReferenceAnalyzer,
        *,
        secret_key: bytes,
        max_blob_bytes: int,
        same_face: Callable[[FaceEmbedding, FaceEmbedding], bool],
        clock: Callable[[], datetime] = utcnow,
        new_code: Callable[[], str] = new_challenge_code,
    ) -> None:
        self._sessions = sessions
        self._analyzer = analyzer
        self._secret_key = secret_key
        self._max_blob_bytes = max_blob_bytes
        self._same_face = same_face
        self._clock = clock
        self._new_code = new_code

    # --- registration -------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load the reference check's models and the voice used to tune doubles (at start)."""
        self._analyzer.warm_up()
        speak_english("Hello.")

    def analyze(
        self,
        user: CurrentUser,
        inputs: ReferenceInputs,
        progress: Callable[[str, float], None] | None = None,
    ) -> ReferenceAnalysis:
        """Check the reference and return the quality report. Stores nothing.

        Raises:
            DoubleError: the media can't make a double, or the face belongs to someone else.
        """
        try:
            analysis = self._analyzer.analyze(inputs, progress)
        except (ReferenceMediaError, MediaIntakeError) as error:
            raise DoubleError(str(error)) from error
        with transaction(self._sessions) as session:
            matched = self._impersonated_double(session, user, analysis)
        if matched is not None:
            self._refuse_impersonation(user, matched)
        return analysis

    def issue_challenge(self, user: CurrentUser) -> IssuedChallenge:
        """A fresh single-use code for the live check; older unused codes stop working."""
        code = self._new_code()
        now = self._clock()
        with transaction(self._sessions) as session:
            queries.retire_open_challenges(session, user.id, now)
            queries.add_challenge(
                session, user_id=user.id, code_hash=self._hash_code(code),
                code_length=len(code), expires_at=now + CHALLENGE_TTL,
            )  # fmt: skip
            audit.record_event(session, "consent.challenge_issued", actor_user_id=user.id, at=now)
        return IssuedChallenge(code=code, expires_at=now + CHALLENGE_TTL)

    def register(
        self,
        user: CurrentUser,
        analysis: ReferenceAnalysis,
        settings: DoubleSettings,
        answers: ConsentAnswers,
        *,
        code: str,
        recording: Path,
        upload: ReferenceUpload,
        progress: Callable[[str, float], None] | None = None,
        code_language: str = "en",
    ) -> DoubleRecord:
        """Check consent and the live recording, then store the double in one transaction.

        ``code_language`` is the language the person read the code in ("en", "zh", "id"…).

        Raises:
            DoubleError: a setting, a consent answer or the live check fails (message says
                which); nothing is stored.
        """
        settings = self._checked_settings(settings)
        if code_language not in CODE_LANGUAGES:
            raise DoubleError(
                sentence(
                    "double.unknown_code_language",
                    "Unknown language for the code: {language!r}. Choose one of the list.",
                    language=code_language,
                )
            )
        try:
            consent.check_consent_given(
                analysis.kind,
                age_confirmed=answers.age_confirmed,
                ownership_confirmed=answers.ownership_confirmed,
                statement_agreed=answers.statement_agreed,
                statement_version=answers.statement_version,
                statement_language=answers.statement_language,
                statement_sha256=answers.statement_sha256,
            )
        except consent.ConsentError as error:
            raise DoubleError(str(error)) from None
        language = answers.statement_language
        with transaction(self._sessions) as session:
            if queries.handle_taken(session, settings.handle) or is_house_handle(settings.handle):
                raise DoubleError(
                    sentence(
                        "double.handle_taken_pick_another",
                        "The handle @{handle} is taken. Please pick another.",
                        handle=settings.handle,
                    )
                )
        challenge_id = self._consume_challenge(user, code, language)
        report = progress or (lambda _stage, _fraction: None)
        report(sentence("double.progress_checking_recording", "Checking your live recording"), 0.2)
        result = self._check_recording(user, analysis, code, recording, code_language)
        if analysis.voice_wav is not None:
            report(sentence("double.progress_tuning_voice", "Tuning your double's voice"), 0.7)
        voice_shift = _voice_shift_record(analysis)  # only for doubles that passed the check
        try:
            return self._store(
                user,
                analysis,
                settings,
                upload,
                recording,
                result,
                challenge_id,
                voice_shift,
                answers,
            )
        except _ImpersonationFound as found:
            self._refuse_impersonation(user, found.public_id, language)
        except IntegrityError:
            raise DoubleError(
                sentence(
                    "double.handle_just_taken",
                    "The handle @{handle} was just taken. Please pick another.",
                    handle=settings.handle,
                )
            ) from None
        except media.MediaStoreUnavailableError as error:  # S3 down: nothing was kept
            # The live check already spent the code, so "try again" needs a new one.
            raise DoubleError(
                sentence(
                    "double.not_saved_storage",
                    "Your double was not saved. {error} Each code works once: get a new code and "
                    "record it again.",
                    error=str(error),
                )
            ) from None

    def _check_recording(
        self, user: CurrentUser, analysis: ReferenceAnalysis, code: str, recording: Path,
        language: CodeLanguage,
    ) -> ChallengeResult:  # fmt: skip
        try:
            result = self._analyzer.check_challenge(
                recording, code, kind=analysis.kind,
                reference_face=analysis.face_embedding, reference_voice=analysis.voice_embedding,
                language=language,
            )  # fmt: skip
        except ChallengeError as error:
            raise DoubleError(str(error)) from None
        if not result.passed:
            with transaction(self._sessions) as session:
                audit.record_event(
                    session, "consent.challenge_failed", actor_user_id=user.id,
                    detail=result.scores(), at=self._clock(),
                )  # fmt: skip
            raise DoubleError(
                sentence(
                    "double.live_check_failed",
                    "{problems} Get a new code and try again.",
                    problems=_one_after_another(result.problems),
                )
            )
        return result

    def _store(
        self,
        user: CurrentUser,
        analysis: ReferenceAnalysis,
        settings: DoubleSettings,
        upload: ReferenceUpload,
        recording: Path,
        result: ChallengeResult,
        challenge_id: int,
        voice_shift: str | None,
        answers: ConsentAnswers,
    ) -> DoubleRecord:
        now = self._clock()
        # The statement the person was shown, already checked to be the current one.
        statement = {
            "statement_version": answers.statement_version,
            "statement_sha256": answers.statement_sha256,
            "statement_language": answers.statement_language,
        }
        with transaction(self._sessions) as session:
            matched = self._impersonated_double(session, user, analysis)
            if matched is not None:  # registered by someone else since the analysis
                raise _ImpersonationFound(matched)
            double = Double(
                public_id=secrets.token_hex(8), owner_user_id=user.id, handle=settings.handle,
                display_name=settings.display_name, kind=analysis.kind,
                description=settings.description, visibility=settings.visibility,
                restrictions=settings.restrictions, has_voice=analysis.has_voice,
                created_at=now, updated_at=now,
            )  # fmt: skip
            session.add(double)
            session.flush()
            reference = self._store_reference(session, double, analysis, upload, voice_shift)
            evidence = {"reference_media": sorted(queries.blob_keys_of(reference))}
            ledger.append_event(
                session, double, actor_user_id=user.id, event_type="given", **statement,
                evidence=evidence, at=now,
            )  # fmt: skip
            ledger.append_event(
                session, double, actor_user_id=user.id, event_type="challenge_passed",
                **statement, evidence={"challenge_id": challenge_id,
                          "recording_sha256": _file_sha256(recording)},
                scores=result.scores(), at=now,
            )  # fmt: skip
            audit.record_event(
                session, "double.registered", actor_user_id=user.id,
                subject=double.public_id, at=now,
            )  # fmt: skip
            return double_record(double)

    def _store_reference(
        self,
        session: Session,
        double: Double,
        analysis: ReferenceAnalysis,
        upload: ReferenceUpload,
        voice_shift: str | None,
    ) -> DoubleReference:
        def put(data: bytes | None, media_type: str) -> str | None:
            if data is None:
                return None
            return media.put_blob(session, data, media_type, max_bytes=self._max_blob_bytes).sha256

        video_sha = None
        if upload.video_path is not None:
            video_bytes = upload.video_path.read_bytes()
            video_sha = put(video_bytes, _video_media_type(upload.video_path))
        photo_shas = [put(data, media_type) for data, media_type in upload.photos]
        reference = DoubleReference(
            double_id=double.id,
            source_video_sha=video_sha,
            portrait_sha=put(analysis.portrait_png, "image/png"),
            preview_sha=put(analysis.preview_png, "image/png"),
            sprite_sha=put(analysis.sprite_bytes, "application/zip"),
            voice_sha=put(analysis.voice_wav, "audio/wav"),
            photo_shas=json.dumps(photo_shas),
            face_model=analysis.face_embedding.model if analysis.face_embedding else None,
            face_embedding=analysis.face_embedding.to_bytes() if analysis.face_embedding else None,
            voice_model=analysis.voice_embedding.model if analysis.voice_embedding else None,
            voice_embedding=analysis.voice_embedding.to_bytes()
            if analysis.voice_embedding
            else None,
            quality_report=json.dumps([check.__dict__ for check in analysis.checks]),
            voice_shift=voice_shift,
        )
        session.add(reference)
        session.flush()
        return reference

    # --- my doubles -----------------------------------------------------------------------

    def list_mine(self, user: CurrentUser) -> list[DoubleRecord]:
        with transaction(self._sessions) as session:
            return [double_record(double) for double in queries.doubles_of_owner(session, user.id)]

    def update_settings(
        self, user: CurrentUser, double_id: int, settings: DoubleSettings
    ) -> DoubleRecord:
        """Change name, handle, description, visibility or restrictions (logged in the ledger)."""
        settings = self._checked_settings(settings)
        now = self._clock()
        try:
            with transaction(self._sessions) as session:
                double = self._owned(session, user, double_id, allow_revoked=True)
                changed = _apply_settings(double, settings)
                if not changed:
                    return double_record(double)
                if "handle" in changed and (
                    queries.handle_taken(session, settings.handle)
                    or is_house_handle(settings.handle)
                ):
                    raise DoubleError(_handle_taken(settings.handle))
                double.updated_at = now
                self._log(session, user, double, "settings_changed",
                          {"changed": changed, "visibility": double.visibility}, now)  # fmt: skip
                return double_record(double)
        except IntegrityError:
            raise DoubleError(_handle_taken(settings.handle)) from None

    def revoke(self, user: CurrentUser, double_id: int) -> DoubleRecord:
        """Stop every new use of the double at once."""
        now = self._clock()
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_id)
            double.status, double.updated_at = "revoked", now
            self._log(session, user, double, "revoked", {}, now)
            return double_record(double)

    def delete(self, user: CurrentUser, double_id: int) -> int:
        """Erase the double's media, face and voice data. Returns how many blobs were erased."""
        now = self._clock()
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_id, allow_revoked=True)
            erased = queries.erase_double(session, double, now)
            self._log(session, user, double, "deleted", {"blobs_erased": erased}, now)
            return erased

    def draft_voice_preview(self, analysis: ReferenceAnalysis) -> Audio | None:
        """How a double not yet created would speak in clips (its shift chosen now, not stored).

        Returns:
            The speech, or None when the reference has no usable voice (clips use a stock voice).
        """
        if analysis.voice_wav is None:
            return None
        return preview_voice(VoiceSample.from_wav_bytes(analysis.voice_wav), None)

    def voice_preview(self, user: CurrentUser, double_id: int) -> Audio | None:
        """How the owner's double speaks in clips: a short line in its shifted voice.

        Returns:
            The speech, or None when the double has no usable voice (clips use a stock voice).

        Raises:
            DoubleNotFoundError: Not the user's double, or deleted.
        """
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_id, allow_revoked=True)
            reference = double.reference
            if reference is None or reference.voice_sha is None:
                return None
            wav = media.read_blob(session, reference.voice_sha)
            shift = voice_shift_from_record(reference.voice_shift)
        return preview_voice(VoiceSample.from_wav_bytes(wav), shift)  # outside the transaction

    def may_view_blob(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        """Media access rule: owners see their own doubles' reference media."""
        if viewer is None:
            return False
        return queries.blob_owned_by(session, key, viewer.id)

    # --- internals ------------------------------------------------------------------------

    def _owned(
        self, session: Session, user: CurrentUser, double_id: int, *, allow_revoked: bool = False
    ) -> Double:
        double = queries.get_double(session, double_id)
        allowed_status = {"active", "revoked"} if allow_revoked else {"active"}
        if double is None or double.owner_user_id != user.id or double.status not in allowed_status:
            raise DoubleNotFoundError(
                sentence("double.not_found", "That double doesn't exist or isn't yours.")
            )
        return double

    def _log(
        self, session: Session, user: CurrentUser, double: Double, event_type: str,
        evidence: dict[str, object], now: datetime,
    ) -> None:  # fmt: skip
        append_follow_up_event(
            session, double, actor_user_id=user.id, event_type=event_type, evidence=evidence,
            at=now,
        )  # fmt: skip
        audit.record_event(
            session, f"double.{event_type}", actor_user_id=user.id, subject=double.public_id, at=now
        )

    def _consume_challenge(self, user: CurrentUser, code: str, language: str) -> int:
        now = self._clock()
        with transaction(self._sessions) as session:
            challenge = queries.latest_challenge(session, user.id)
            if challenge is None or not code:
                raise DoubleError(consent.consent_text("challenge_missing", language))
            if not hmac.compare_digest(challenge.code_hash, self._hash_code(code)):
                # an older code, since replaced
                raise DoubleError(consent.consent_text("challenge_used", language))
            # Single use: any attempt spends the code, an expired one too.
            if not queries.spend_challenge(session, challenge.id, now):
                raise DoubleError(consent.consent_text("challenge_used", language))
            expired = challenge.expires_at <= now
            challenge_id = challenge.id
        if expired:
            raise DoubleError(consent.consent_text("challenge_expired", language))
        return challenge_id

    def _impersonated_double(
        self, session: Session, user: CurrentUser, analysis: ReferenceAnalysis
    ) -> str | None:
        """The public id of another account's active double with this face, if any."""
        embedding = analysis.face_embedding
        if analysis.kind != "person" or embedding is None:
            return None
        others = queries.active_person_references_of_others(session, user.id, embedding.model)
        for double, reference in others:
            theirs = FaceEmbedding.from_bytes(embedding.model, reference.face_embedding or b"")
            if self._same_face(embedding, theirs):
                return double.public_id
        return None

    def _refuse_impersonation(
        self, user: CurrentUser, matched_public_id: str, language: str = consent.DEFAULT_LANGUAGE
    ) -> NoReturn:
        # Written in its own transaction, after the one that found the match has ended.
        with transaction(self._sessions) as session:
            audit.record_event(
                session, "double.impersonation_refused", actor_user_id=user.id,
                subject=matched_public_id, at=self._clock(),
            )  # fmt: skip
        raise DoubleError(consent.consent_text("impersonation_refused", language))

    def _checked_settings(self, settings: DoubleSettings) -> DoubleSettings:
        try:
            handle = consent.normalise_handle(settings.handle)
            display_name = clean_display_name(settings.display_name, fallback=handle)
            description = clean_free_text(
                settings.description,
                label=FIELD_NAMES["Descriptions"],
                max_length=DESCRIPTION_MAX,
            )
            restrictions = clean_free_text(
                settings.restrictions,
                label=FIELD_NAMES["Usage restrictions"],
                max_length=RESTRICTIONS_MAX,
            )
        except (consent.ConsentError, AccountInputError) as error:
            raise DoubleError(str(error)) from None
        if settings.visibility not in VISIBILITY_LABELS:
            raise DoubleError(
                sentence(
                    "double.unknown_visibility",
                    "Unknown visibility {visibility!r}.",
                    visibility=settings.visibility,
                )
            )
        return DoubleSettings(handle, display_name, description, settings.visibility, restrictions)

    def _hash_code(self, code: str) -> str:
        return hmac.new(self._secret_key, b"challenge:" + code.encode(), hashlib.sha256).hexdigest()


class _ImpersonationFound(Exception):
    def __init__(self, public_id: str) -> None:
        super().__init__(public_id)
        self.public_id = public_id


def _handle_taken(handle: str) -> Sentence:
    return sentence("double.handle_taken", "The handle @{handle} is taken.", handle=handle)


def _one_after_another(parts: tuple[str, ...]) -> str:
    """Several sentences said one after another (a space apart in English), each still said in
    the reader's language."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return sentence(
        "double.one_after_another",
        "{first} {rest}",
        first=parts[0],
        rest=_one_after_another(parts[1:]),
    )


def _apply_settings(double: Double, settings: DoubleSettings) -> list[str]:
    changed = []
    for name in ("handle", "display_name", "description", "visibility", "restrictions"):
        if getattr(double, name) != getattr(settings, name):
            setattr(double, name, getattr(settings, name))
            changed.append(name)
    return changed


def _voice_shift_record(analysis: ReferenceAnalysis) -> str | None:
    """The double's voice shift (chosen once, here, so renders only apply it), as stored."""
    if analysis.voice_wav is None:
        return None
    # On the sample as it is stored, so a render that has to choose again agrees exactly.
    tuning = tune_voice(VoiceSample.from_wav_bytes(analysis.voice_wav))
    return voice_shift_record(tuning.shift) if tuning is not None else None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _video_media_type(path: Path) -> str:
    return {".webm": "video/webm", ".mov": "video/quicktime"}.get(path.suffix.lower(), "video/mp4")
