"""What registering a double says, in the page's language: the service's refusals, the reference
check's findings and refusals (files, faces, subjects), the live check's answers and the built-in
voice's refusals reach the person as sentences that ``say`` translates, numbers filled in, while
their English stays word for word what it was."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr
import numpy as np
import pytest

import app
from core import consent
from core.identity.analysis import analyze_person
from core.identity.quality import QUALITY_RULES, AnalysisThresholds, FaceQuality
from core.reference import challenge
from core.reference.analysis import ReferenceMediaError
from core.reference.challenge import ChallengeResult, code_problems
from core.reference.intake import IntakeLimits, MediaIntakeError, check_upload_size
from core.reference.matting import NoSubjectFoundError, _check_coverage
from core.reference.photo import check_photo_count
from core.reference.video import VideoInfo, check_video_limits, load_reference_video
from core.voice.speech import SpeechSynthesisError, UnsupportedTextError, prepare_text
from core.voice.spoken_code import check_spoken_code
from db.engine import transaction
from webapp.auth import CurrentUser
from webapp.doubles import DoubleError, DoubleNotFoundError, DoubleService, DoubleSettings
from webapp.i18n import say, text
from webapp.i18n.topics.refusals_doubles import TRANSLATIONS
from webapp.settings import Settings
from webapp.ui.double_draft import _report_text

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")


def caught(error_type: type[BaseException], call, *arguments, **keywords) -> BaseException:
    with pytest.raises(error_type) as raised:
        call(*arguments, **keywords)
    return raised.value


# --- the service -------------------------------------------------------------------------


class _Analyzer:
    """Stands in for the reference analyzer: refuses like the real file checks do."""

    def __init__(self, refusal: BaseException | None = None, result=None) -> None:
        self._refusal, self._result = refusal, result

    def analyze(self, inputs, progress=None):
        raise self._refusal  # type: ignore[misc]

    def check_challenge(self, *arguments, **keywords):
        return self._result


@pytest.fixture
def maya(sessions):
    from db import users as user_queries

    with transaction(sessions) as session:
        user_queries.add_user(session, username="maya", username_key="maya",
                              display_name="Maya", password_hash=None)  # fmt: skip
    return MAYA


def service(sessions, analyzer=None) -> DoubleService:
    return DoubleService(
        sessions, analyzer or _Analyzer(), secret_key=b"s" * 32, max_blob_bytes=1_000_000,
        same_face=lambda a, b: False,
    )  # fmt: skip


def test_the_service_refuses_in_the_page_language(sessions, maya):
    missing = caught(DoubleNotFoundError, service(sessions).revoke, maya, 999)
    assert str(missing) == "That double doesn't exist or isn't yours."
    assert say(missing, "zh-CN") == "这个分身不存在，或者不属于你。"
    assert say(missing, "ca") == "Aquest doble no existeix o no és teu."
    assert say(missing, "id") == "Kembaran itu tidak ada atau bukan milik Anda."

    odd = DoubleSettings("maya", "Maya", "", "everyone_on_mars", "")
    visibility = caught(DoubleError, service(sessions).update_settings, maya, 1, odd)
    assert str(visibility) == "Unknown visibility 'everyone_on_mars'."
    assert say(visibility, "ca") == "Visibilitat desconeguda 'everyone_on_mars'."

    unknown = caught(
        DoubleError, service(sessions).register, maya, None, DoubleSettings("maya", "Maya"),
        None, code="1234", recording=None, upload=None, code_language="xx",
    )  # fmt: skip
    assert str(unknown) == "Unknown language for the code: 'xx'. Choose one of the list."
    assert say(unknown, "zh-CN") == "未知的验证码语言：'xx'。请从列表中选择一种。"


def test_a_reference_file_refusal_reaches_the_person_through_the_service(sessions, maya):
    empty = caught(MediaIntakeError, check_upload_size, 0, IntakeLimits(), "photo")
    refused = caught(DoubleError, service(sessions, _Analyzer(empty)).analyze, maya, None)
    assert str(refused) == "The photo is empty (0 bytes). Please choose the file again."
    assert say(refused, "zh-CN") == "这个照片是空的（0 字节）。请重新选择文件。"
    assert say(refused, "id") == "File foto kosong (0 byte). Silakan pilih file itu lagi."
    assert say(refused, "ca") == "El fitxer (foto) és buit (0 bytes). Torna a triar-lo."


def test_a_failed_live_check_says_each_problem_in_the_page_language(sessions, maya):
    code = check_spoken_code("482917", "4829")
    problems = (*code_problems(code, "zh"), challenge.NO_FACE)
    result = ChallengeResult(code, None, False, None, None, problems)
    doubles = service(sessions, _Analyzer(result=result))
    analysis = SimpleNamespace(kind="person", face_embedding=None, voice_embedding=None)
    failed = caught(DoubleError, doubles._check_recording, maya, analysis, "482917", None, "zh")
    assert str(failed) == (
        "We heard 4 digits (4 8 2 9) but the code has 6. Please read the code again, one digit "
        "at a time. Codes read in other languages are heard less reliably than in English for "
        "now: if it fails again, choose English and read the digits in English. We couldn't see "
        "your face in the live recording. Face the camera in good light. Get a new code and try "
        "again."
    )
    chinese = say(failed, "zh-CN")
    assert chinese.startswith("我们听到了 4 个数字（4 8 2 9），但验证码有 6 位。")
    assert consent.consent_text("challenge_no_face", "zh-CN") in chinese
    assert chinese.endswith("请获取新的验证码再试一次。") and "We heard" not in chinese
    catalan = say(failed, "ca")
    assert catalan.startswith("Hem sentit 4 dígits (4 8 2 9), però el codi en té 6.")
    assert catalan.endswith(" Demana un codi nou i torna-ho a provar.")


def test_the_live_checks_sentences_are_the_consent_wordings():
    for sentence, name in (
        (challenge.NO_SOUND, "challenge_no_sound"), (challenge.NO_FACE, "challenge_no_face"),
        (challenge.FACE_MISMATCH, "challenge_face_mismatch"),
        (challenge.VOICE_MISMATCH, "challenge_voice_mismatch"),
    ):  # fmt: skip
        for language in ("en", "zh-CN", "id", "ca"):
            assert say(sentence, language) == consent.consent_text(name, language)
    from core.reference.analysis import _analyze_voice

    no_voice = _analyze_voice(None)[3].message
    assert no_voice == consent.NO_VOICE_NOTICE
    assert say(no_voice, "id") == consent.consent_text("no_voice_notice", "id")


# --- the reference check's findings and refusals ----------------------------------------------


class _NoFaces:
    def detect(self, image):
        return []


def test_no_face_is_said_in_the_page_language():
    frames = [np.zeros((120, 120, 3), dtype=np.uint8)] * 3
    error = caught(Exception, analyze_person, frames, _NoFaces())
    assert str(error).startswith("No face was found in 3 of 3 frames. Look straight at")
    assert say(error, "zh-CN").startswith("3 帧中有 3 帧没有找到人脸。")
    assert say(error, "id").startswith("Tidak ada wajah yang ditemukan di 3 dari 3 bingkai.")
    one = caught(Exception, analyze_person, frames[:1], _NoFaces())
    assert say(one, "ca").startswith("No s'ha trobat cap cara a la imatge.")
    assert say(error.report.checks[0].message, "ca") == say(error, "ca")  # the report's line


def test_the_quality_reports_findings_are_in_the_page_language_with_their_numbers():
    dark = FaceQuality(size_px=150, sharpness=180.4, yaw_ratio=0.05, frontal_score=0.9,
                       roll_degrees=0.0, brightness=22.2)  # fmt: skip
    limits = AnalysisThresholds()
    size, sharpness, frontal, lighting = QUALITY_RULES
    checks = [
        SimpleNamespace(passed=True, message=size.ok_message(dark, limits)),
        SimpleNamespace(passed=True, message=sharpness.ok_message(dark, limits)),
        SimpleNamespace(passed=True, message=frontal.ok_message(dark, limits)),
        SimpleNamespace(passed=False, message=lighting.fail_message(dark, limits)),
    ]

    def report(language: str) -> str:
        # The report is Markdown: the finding's brackets and full stops come escaped.
        shown = _report_text(SimpleNamespace(checks=checks, sprite_bytes=None), language)  # type: ignore[arg-type]
        return shown.replace("\\", "")

    english = report("en")
    assert "**Passed** · The face is 150 px wide (minimum 80 px)." in english
    assert "The face is sharp (180, minimum 100)." in english
    assert "The face is too dark (brightness 22 of 255). Face a window or a lamp." in english
    catalan = report("ca")
    assert "La cara fa 150 px d'amplada (mínim 80 px)." in catalan
    assert "La cara mira a la càmera (puntuació frontal 0.90)." in catalan
    assert "La cara és massa fosca (brillantor 22 de 255)." in catalan
    assert "The face" not in catalan
    chinese = report("zh-CN")
    assert "人脸清晰（180，最低 100）。" in chinese and "人脸太暗（亮度 22/255）" in chinese


def test_file_and_subject_refusals_are_in_the_page_language():
    short = VideoInfo(duration=1.24, fps=30.0, width=640, height=480, has_audio=True, codec="h264")
    too_short = caught(MediaIntakeError, check_video_limits, short, IntakeLimits())
    assert str(too_short) == "The video is 1.2 s long; it must be at least 2 s (2–5 s works best)."
    assert say(too_short, "id") == (
        "Panjang video 1.2 detik; minimal 2 detik (2–5 detik paling bagus)."
    )
    photos = caught(MediaIntakeError, check_photo_count, 6, IntakeLimits())
    assert say(photos, "zh-CN") == "你选择了 6 张照片，上限是 4 张。请保留最好的几张。"
    blank = [np.zeros((50, 50), dtype=np.uint8)]
    subject = caught(NoSubjectFoundError, _check_coverage, blank, 1.0)
    assert str(subject).startswith("No subject was found: it covers only 0.0% of the picture.")
    assert say(ReferenceMediaError(str(subject)), "ca").startswith(
        "No s'ha trobat cap subjecte: només ocupa el 0.0% de la imatge."
    )


def test_a_text_file_named_like_a_video_is_refused_in_the_page_language(tmp_path):
    notes = tmp_path / "notes.mp4"
    notes.write_bytes(b"just some text, renamed\n" * 40)
    error = caught(MediaIntakeError, load_reference_video, notes, IntakeLimits())
    assert str(error) == (
        "notes.mp4 is a text file, not a video (whatever its name says). "
        "Please upload an mp4, webm or mov video."
    )
    assert say(error, "zh-CN") == (
        "notes.mp4 是一个文本文件，不是视频（不管文件名怎么写）。"
        "请上传mp4、webm 或 mov 格式的视频。"
    )
    assert say(error, "ca") == (
        "notes.mp4 és un fitxer de text, no un vídeo (digui el que digui el nom). "
        "Puja un vídeo mp4, webm o mov."
    )


def test_the_built_in_voices_refusals_are_in_the_page_language():
    nothing = caught(SpeechSynthesisError, prepare_text, "!!! ...")
    assert (
        say(nothing, "id")
        == "Tidak ada yang bisa diucapkan: baris ini tidak berisi kata atau angka."
    )
    chinese = caught(UnsupportedTextError, prepare_text, "你好")
    assert str(chinese).startswith("The built-in voice speaks English only and cannot read '你好'")
    assert say(chinese, "zh-CN").startswith("内置声音只会说英语，无法读出 '你好'")


def test_every_translation_keeps_the_english_placeholders_and_formats():
    # Format specs (".0f", ".1%") travel with the numbers: every translation formats them.
    values = {"coverage": 0.5, "seconds": 1.5, "minimum": 2.0, "limit": 30.0, "size": 1.0,
              "megapixels": 2.1, "sharpness": 10.0, "score": 0.5, "brightness": 12.0,
              "decoded": 1.0}  # fmt: skip
    for language, sentences in TRANSLATIONS.items():
        for key, sentence in sentences.items():
            filled = {name: values.get(name, "x") for name in _names(sentence)}
            assert sentence.format(**filled), (language, key)


def _names(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- the tab's handlers ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    blocks, services = app.build_app(Settings(data_dir=tmp_path_factory.mktemp("i18n") / "data"))
    token = services.auth.sign_up("lin", "correct horse battery").token
    return blocks, token


@pytest.mark.parametrize(
    ("api_name", "title_key"),
    [("revoke_double", "doubles.not_revoked_title"),
     ("preview_double_voice", "doubles.voice_not_played_title")],
)  # fmt: skip
@pytest.mark.parametrize("language", ["en", "zh-CN", "id", "ca"])
def test_the_handlers_say_the_services_refusal_with_a_title(built, api_name, title_key, language):
    blocks, token = built
    endpoint = next(fn for fn in blocks.fns.values() if fn.api_name == api_name)
    with pytest.raises(gr.Error) as raised:
        endpoint.fn(token, 999, language)
    english = "That double doesn't exist or isn't yours."
    expected = english if language == "en" else TRANSLATIONS[language]["double.not_found"]
    assert raised.value.message == expected
    assert raised.value.title == text(title_key, language)
