"""Registering doubles with verified consent, on real generated media."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import threading

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import func, select, text

from core import consent
from core.identity.backends import load_face_backend
from core.model_files import selfie_model_path
from core.reference.analysis import FACE_SAMPLE_FRAMES, ReferenceAnalyzer, ReferenceInputs
from core.reference.intake import IntakeLimits
from core.reference.matting import load_person_segmenter
from core.voice.samples import VoiceSample
from core.voice.shift import shift_voice
from core.voice.tuning import TUNING_LINE, speak_english, tune_voice, voice_shift_from_record
from db import consent as ledger
from db import media as media_store
from db.engine import transaction
from db.models import AuditEvent, ConsentEvent, Double, DoubleReference, MediaBlob
from tests.double_media import code_recording, person_video
from webapp.auth import CurrentUser
from webapp.doubles import (
    ConsentAnswers,
    DoubleError,
    DoubleNotFoundError,
    DoubleService,
    DoubleSettings,
    ReferenceUpload,
)

pytestmark = pytest.mark.slow

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")
BOB = CurrentUser(id=2, username="bob", display_name="Bob")


def agreed(language="en", *, age=True, ownership=True, statement=True, kind="person",
           version=None, sha=None):  # fmt: skip
    """Answers to the statement the page showed in ``language`` (its current version)."""
    return ConsentAnswers(
        age, ownership, statement, version or consent.statement_version(language), language,
        sha or consent.statement_sha256(kind, language),
    )  # fmt: skip


AGREED = agreed()


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    folder = tmp_path_factory.mktemp("double-media")
    return {
        "collins": person_video(folder / "collins.mp4", "collins",
                                text="Hello, I am Eileen and this is my digital double."),
        "hopper": person_video(folder / "hopper.mp4", "hopper",
                               text="Hello, I am Grace and this is my double.", voice="high"),
        "folder": folder,
    }  # fmt: skip


@pytest.fixture(scope="module")
def analyzer():
    backend = load_face_backend()
    segmenter = load_person_segmenter(selfie_model_path())
    return ReferenceAnalyzer(
        face_backend=lambda: backend, person_segmenter=lambda: segmenter, limits=IntakeLimits()
    )


@pytest.fixture(scope="module")
def collins_analysis(analyzer, media):
    return analyzer.analyze(ReferenceInputs(kind="person", video_path=media["collins"]))


@pytest.fixture
def users(sessions):
    from db import users as user_queries

    with transaction(sessions) as session:
        for user in (MAYA, BOB):
            user_queries.add_user(session, username=user.username, username_key=user.username,
                                  display_name=user.display_name, password_hash=None)  # fmt: skip


# Codes the offline recognizer reads back exactly from the test voice (TTS and ASR are both
# deterministic); random codes fail about 1 in 25 times, which a person fixes with a new code.
RECOGNISED_CODES = (
    "482917", "927351", "159274", "861473", "573091", "725814", "918365",
    "945807", "302157", "368193", "224538", "323640", "562241", "514547",
)  # fmt: skip


@pytest.fixture
def service(sessions, analyzer, users, clock):
    backend = load_face_backend()
    codes = itertools.cycle(RECOGNISED_CODES)
    return DoubleService(
        sessions, analyzer, secret_key=b"s" * 32, max_blob_bytes=50_000_000,
        same_face=backend.is_match, clock=clock, new_code=lambda: next(codes),
    )  # fmt: skip


def settings(handle="maya", **overrides):
    values = {"handle": handle, "display_name": "Maya", "description": "a woman in a flight suit"}
    values.update(overrides)
    return DoubleSettings(**values)


def register(service, user, analysis, media, code, *, said=None, who="collins", voice="low",
             handle="maya", answers=AGREED, video=None):  # fmt: skip
    name = hashlib.sha256(repr((handle, code, said, who, voice)).encode()).hexdigest()[:16]
    recording = code_recording(media["folder"] / f"rec-{name}.mp4", said or code, who, voice)
    return service.register(
        user, analysis, settings(handle), answers, code=code, recording=recording,
        upload=ReferenceUpload(video_path=video or media["collins"]),
    )  # fmt: skip


def count(sessions, model):
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_analysis_reports_face_voice_and_previews(collins_analysis):
    analysis = collins_analysis
    assert analysis.face_embedding is not None and analysis.has_voice
    assert all(check.passed for check in analysis.checks)
    assert Image.open(io.BytesIO(analysis.preview_png)).size[0] > 300
    assert analysis.sprite_bytes and analysis.voice_seconds > 1.5


def test_registration_stores_the_double_and_a_verifiable_ledger(
    service, sessions, collins_analysis, media
):
    code = service.issue_challenge(MAYA).code
    record = register(service, MAYA, collins_analysis, media, code)
    assert record.handle == "maya" and record.status == "active" and record.has_voice
    assert record.visibility == "only_me"
    with transaction(sessions) as session:
        events = ledger.events_for_double(session, record.id)
        assert [event.event_type for event in events] == ["given", "challenge_passed"]
        scores = json.loads(events[1].scores)
        assert scores["code_passed"] and scores["face_matched"] and scores["voice_matched"]
        assert "recording_sha256" in json.loads(events[1].evidence)
        assert ledger.verify_ledger(session).ok
        reference = session.get(DoubleReference, record.id)
        assert reference.face_model == "dlib-resnet-v1-128" and reference.sprite_sha
        stored_shift = voice_shift_from_record(reference.voice_shift)
        stored_wav = media_store.read_blob(session, reference.voice_sha)
    stored_sample = VoiceSample.from_wav_bytes(stored_wav)
    assert [r.handle for r in service.list_mine(MAYA)] == ["maya"]
    assert service.list_mine(BOB) == []
    # The voice shift was chosen at registration, on the sample as stored: exactly what a
    # render would choose for this double.
    assert stored_shift is not None and stored_shift == tune_voice(stored_sample).shift


def test_the_ledger_records_the_language_and_hash_of_the_statement_agreed_to(
    service, sessions, collins_analysis, media
):
    answers = agreed("zh-CN")
    record = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code,
                      answers=answers)  # fmt: skip
    service.revoke(MAYA, record.id)
    with transaction(sessions) as session:
        events = ledger.events_for_double(session, record.id)
        assert [e.event_type for e in events] == ["given", "challenge_passed", "revoked"]
        # Revoking refers to the statement agreed to, in its language, not the English one.
        for event in events:
            assert event.statement_language == "zh-CN"
            assert event.statement_version == consent.STATEMENT_VERSIONS["zh-CN"]
            assert event.statement_sha256 == consent.statement_sha256("person", "zh-CN")
        assert events[0].statement_sha256 != consent.statement_sha256("person", "en")
        assert ledger.verify_ledger(session).ok


def test_before_consenting_the_person_hears_the_clip_voice_registration_will_store(
    service, collins_analysis
):
    preview = service.draft_voice_preview(collins_analysis)

    tuning = tune_voice(VoiceSample.from_wav_bytes(collins_analysis.voice_wav))
    assert np.array_equal(preview.samples, tuning.preview.samples)


def test_a_double_without_a_voice_stores_no_voice_shift(service, sessions, analyzer, media):
    silent = media["folder"] / "silent.mp4"
    if not silent.exists():
        person_video(silent, "collins", text=None)
    analysis = analyzer.analyze(ReferenceInputs(kind="person", video_path=silent))
    assert not analysis.has_voice

    record = register(service, MAYA, analysis, media, service.issue_challenge(MAYA).code,
                      video=silent)  # fmt: skip

    with transaction(sessions) as session:
        reference = session.get(DoubleReference, record.id)
        assert reference.voice_sha is None and reference.voice_shift is None
    assert service.voice_preview(MAYA, record.id) is None  # the UI says: stock voice
    assert service.draft_voice_preview(analysis) is None


def test_the_owner_hears_the_clip_voice_and_no_one_else_does(
    service, sessions, collins_analysis, media
):
    record = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    with transaction(sessions) as session:
        shift = voice_shift_from_record(session.get(DoubleReference, record.id).voice_shift)

    speech = service.voice_preview(MAYA, record.id)

    expected = shift_voice(
        speak_english(TUNING_LINE), f0_ratio=shift.f0_ratio, formant_warp=shift.formant_warp
    )
    assert np.array_equal(speech.samples, expected.samples)
    with pytest.raises(DoubleNotFoundError):
        service.voice_preview(BOB, record.id)
    service.delete(MAYA, record.id)
    with pytest.raises(DoubleNotFoundError):
        service.voice_preview(MAYA, record.id)  # its voice is erased with it


@pytest.mark.parametrize(
    ("said", "who", "voice", "message"),
    [
        ("135790", "collins", "low", "does not match the code"),
        (None, "hopper", "low", "face in your live recording does not match"),
        (None, "collins", "high", "voice in your live recording does not match"),
    ],
)
def test_failed_live_checks_store_nothing_and_spend_the_code(
    service, sessions, collins_analysis, media, said, who, voice, message
):
    code = service.issue_challenge(MAYA).code
    with pytest.raises(DoubleError, match=message):
        register(service, MAYA, collins_analysis, media, code, said=said, who=who, voice=voice)
    assert count(sessions, Double) == 0 and count(sessions, MediaBlob) == 0
    with pytest.raises(DoubleError, match="already used"):
        register(service, MAYA, collins_analysis, media, code)
    with transaction(sessions) as session:
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert "consent.challenge_failed" in actions


def test_expired_and_replaced_codes_are_refused(service, collins_analysis, media, clock):
    old_code = service.issue_challenge(MAYA).code
    new_code = service.issue_challenge(MAYA).code
    with pytest.raises(DoubleError, match="already used"):  # replaced by the newer code
        register(service, MAYA, collins_analysis, media, old_code)
    clock.advance(minutes=6)
    with pytest.raises(DoubleError, match="expired"):
        register(service, MAYA, collins_analysis, media, new_code)
    with pytest.raises(DoubleError, match="Get a code first"):
        register(service, MAYA, collins_analysis, media, "", said="123456")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (agreed(age=False), "18 or older"),
        (agreed(ownership=False), "confirm that this is you"),
        (agreed(statement=False), "agree to the consent"),
        (agreed(version="2020.1"), "statement changed"),
        # Each language's statement is its own: the English text's hash is not the Catalan one.
        (agreed("ca", sha=consent.statement_sha256("person", "en")), "ha canviat"),
        # A pet's statement is not a person's.
        (agreed("id", sha=consent.statement_sha256("pet", "id")), "berubah"),
        (agreed("zh-CN", age=False), "请确认你已年满 18 周岁"),
        (ConsentAnswers(True, True, True, "2026.12-1", "fr", "0" * 64), "Unknown language"),
    ],
)
def test_consent_answers_are_checked_on_the_server(
    service, sessions, collins_analysis, media, answers, message
):
    code = service.issue_challenge(MAYA).code
    with pytest.raises(DoubleError, match=message):
        register(service, MAYA, collins_analysis, media, code, answers=answers)
    assert count(sessions, Double) == 0


@pytest.mark.parametrize(
    ("handle", "message"),
    [
        ("ad", "at least 3"),
        ("x" * 25, "at most 24"),
        ("<b>maya</b>", "lowercase letters"),
        ("maya lee", "lowercase letters"),
        ("admin", "reserved"),
    ],
)
def test_bad_handles_are_refused(service, collins_analysis, media, handle, message):
    code = service.issue_challenge(MAYA).code
    with pytest.raises(DoubleError, match=message):
        register(service, MAYA, collins_analysis, media, code, handle=handle)


def test_someone_elses_face_is_refused_and_audited(service, sessions, collins_analysis, media):
    register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    with pytest.raises(DoubleError, match="already belongs to a double"):
        service.analyze(BOB, ReferenceInputs(kind="person", video_path=media["collins"]))
    with transaction(sessions) as session:
        refused = session.execute(
            select(AuditEvent).where(AuditEvent.action == "double.impersonation_refused")
        ).scalar_one()
    assert refused.actor_user_id == BOB.id
    # Maya may register a second double of herself.
    again = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code,
                     handle="maya_two")  # fmt: skip
    assert again.handle == "maya_two"


def test_taken_handle_is_refused(service, collins_analysis, media):
    register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    with pytest.raises(DoubleError, match="@maya is taken"):
        register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)


def test_two_submissions_with_one_code_make_one_double(service, sessions, collins_analysis, media):
    code = service.issue_challenge(MAYA).code
    recording = code_recording(media["folder"] / "race.mp4", code)
    outcomes: list[str] = []

    def submit(handle: str) -> None:
        try:
            service.register(MAYA, collins_analysis, settings(handle), AGREED, code=code,
                             recording=recording, upload=ReferenceUpload())  # fmt: skip
            outcomes.append("ok")
        except DoubleError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=submit, args=(f"racer_{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1, outcomes
    assert any("already used" in outcome for outcome in outcomes), outcomes
    assert count(sessions, Double) == 1


def test_settings_revoke_and_delete(service, sessions, collins_analysis, media):
    record = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    updated = service.update_settings(
        MAYA, record.id, settings(visibility="friends", restrictions="no violence; no alcohol")
    )
    assert updated.visibility == "friends" and updated.restrictions == "no violence; no alcohol"
    with pytest.raises(DoubleNotFoundError):
        service.revoke(BOB, record.id)  # not Bob's double
    assert service.revoke(MAYA, record.id).status == "revoked"
    blobs_before = count(sessions, MediaBlob)
    assert blobs_before >= 4
    assert service.delete(MAYA, record.id) == blobs_before
    assert count(sessions, MediaBlob) == 0 and count(sessions, DoubleReference) == 0
    assert service.list_mine(MAYA) == []
    with transaction(sessions) as session:
        types = [e.event_type for e in ledger.events_for_double(session, record.id)]
        assert types == ["given", "challenge_passed", "settings_changed", "revoked", "deleted"]
        assert ledger.verify_ledger(session).ok
    # the handle is free again
    again = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    assert again.handle == "maya"


def test_reference_media_is_visible_to_its_owner_only(service, sessions, collins_analysis, media):
    record = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    with transaction(sessions) as session:
        assert service.may_view_blob(session, MAYA, record.portrait_sha)
        assert not service.may_view_blob(session, BOB, record.portrait_sha)
        assert not service.may_view_blob(session, None, record.portrait_sha)


def test_tampering_with_the_ledger_is_detected(service, sessions, collins_analysis, media):
    register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    with transaction(sessions) as session:
        session.execute(
            text("UPDATE consent_events SET scores = '{}' WHERE event_type = 'challenge_passed'")
        )
    with transaction(sessions) as session:
        report = ledger.verify_ledger(session)
    assert not report.ok and "contents changed" in report.problems[0]
    with pytest.raises(ledger.LedgerAppendOnlyError), transaction(sessions) as session:
        session.execute(select(ConsentEvent)).scalars().first().event_type = "revoked"


def test_character_from_a_transparent_png(service, sessions, analyzer, media):
    canvas = np.zeros((300, 240, 4), dtype=np.uint8)
    yy, xx = np.mgrid[:300, :240]
    body = ((yy - 170) / 110) ** 2 + ((xx - 120) / 80) ** 2 <= 1
    canvas[body] = (250, 170, 40, 255)
    buffer = io.BytesIO()
    Image.fromarray(canvas, "RGBA").save(buffer, "PNG")
    analysis = analyzer.analyze(ReferenceInputs(kind="character", photos=(buffer.getvalue(),)))
    assert (
        analysis.face_embedding is None and not analysis.has_voice and analysis.sprite_bytes is None
    )
    code = service.issue_challenge(MAYA).code
    record = service.register(
        MAYA, analysis, settings("blobby"), agreed(kind="character"), code=code,
        recording=code_recording(media["folder"] / "blobby.mp4", code),
        upload=ReferenceUpload(photos=((buffer.getvalue(), "image/png"),)),
    )  # fmt: skip
    assert record.kind == "character"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.mp4", b"just some text, renamed\n" * 40, "not a video"),
        ("empty.mp4", b"", "empty"),
    ],
)
def test_unusable_reference_files_get_clear_messages(service, sessions, tmp_path, name,
                                                     content, message):  # fmt: skip
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DoubleError, match=message):
        service.analyze(MAYA, ReferenceInputs(kind="person", video_path=path))
    assert count(sessions, Double) == 0 and count(sessions, MediaBlob) == 0


def test_photo_without_a_face_is_refused(service):
    buffer = io.BytesIO()
    Image.fromarray(np.full((400, 300, 3), 180, dtype=np.uint8)).save(buffer, "JPEG")
    with pytest.raises(DoubleError, match="face"):
        service.analyze(MAYA, ReferenceInputs(kind="person", photos=(buffer.getvalue(),)))


def test_ledger_command_reports_ok_then_broken(service, sessions, engine, collins_analysis,
                                               media, capsys):  # fmt: skip
    register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    url = engine.url.render_as_string(hide_password=False)
    assert ledger.main(["db.consent", url]) == 0
    assert "2 consent events checked: OK" in capsys.readouterr().out
    with transaction(sessions) as session:
        session.execute(text("DELETE FROM consent_events WHERE event_type = 'given'"))
    assert ledger.main(["db.consent", url]) == 1
    assert "chain broken" in capsys.readouterr().out


def test_a_reference_check_says_what_it_waits_for(analyzer, media):
    """A check that finds the models cold says it is loading them; then it names each stage."""
    cold = ReferenceAnalyzer(
        face_backend=lambda: load_face_backend(),
        person_segmenter=lambda: load_person_segmenter(selfie_model_path()),
        limits=IntakeLimits(),
    )
    inputs = ReferenceInputs(kind="person", video_path=media["collins"])
    first: list[tuple[str, float]] = []
    cold.analyze(inputs, lambda stage, done: first.append((stage, done)))
    again: list[tuple[str, float]] = []
    cold.analyze(inputs, lambda stage, done: again.append((stage, done)))

    stages = [stage for stage, _ in first]
    assert stages[:2] == ["Loading the face model…", "Loading the person cut-out model…"]
    assert "Loading the voice model…" in stages
    assert f"Checking {FACE_SAMPLE_FRAMES} frames for one clear face" in stages
    assert any(stage.startswith("Cutting you out of") for stage in stages)
    assert [done for _, done in first] == sorted(done for _, done in first)  # never backwards
    assert not any(stage.startswith("Loading") for stage, _ in again)  # warm: no loading step
