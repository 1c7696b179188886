"""The presets in four languages: complete translations, the same acting, English as fallback."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from core.acting.timeline import build_timeline
from core.scripts.actions import find_actions
from core.scripts.model import mentions_in
from core.scripts.templates import (
    DEFAULT_TEMPLATES_DIR,
    TemplateError,
    english_title,
    get_template,
    load_templates,
)
from core.soundtrack.ambience import ambience_for_scene
from core.soundtrack.music import music_mood

TEMPLATES = load_templates()
TRANSLATED = ("zh-CN", "id", "ca")
CJK = re.compile(r"[\u3400-\u9fff]")
WINDOW_TOML = (DEFAULT_TEMPLATES_DIR / "the_window.toml").read_text(encoding="utf-8")
# The window's file without its translations, to try translation tables on.
WINDOW_ENGLISH = WINDOW_TOML.split("\n[translations.", 1)[0]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.id)
def test_every_preset_has_its_title_blurb_and_roles_in_every_language(template):
    assert template.languages == ("en", *TRANSLATED)
    for language in TRANSLATED:
        shown = template.in_language(language)
        assert shown.id == template.id and shown.language == language
        assert shown.title != template.title and shown.blurb != template.blurb, language
        assert shown.script.title == shown.title
        for role, english in zip(shown.script.roles, template.script.roles, strict=True):
            assert role.name == english.name and role.allowed_kinds == english.allowed_kinds
            assert role.description and role.description != english.description, (language, role)
        if language == "zh-CN":
            assert CJK.search(shown.title) and CJK.search(shown.blurb)
            assert all(CJK.search(role.description) for role in shown.script.roles)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.id)
def test_chinese_has_every_shot_and_line_and_keeps_timing_framing_scenes_and_speakers(template):
    chinese = template.in_language("zh-CN")
    assert chinese.script_language == "zh-CN"
    pairs = list(zip(template.script.shots, chinese.script.shots, strict=True))
    for english, shot in pairs:
        assert CJK.search(shot.description) and shot.description != english.description
        assert (shot.framing, shot.camera, shot.duration, shot.scene) == (
            english.framing, english.camera, english.duration, english.scene
        )  # fmt: skip
        assert [line.role for line in shot.dialogue] == [line.role for line in english.dialogue]
        assert all(CJK.search(line.text) for line in shot.dialogue)
        assert set(mentions_in(shot.description)) == set(mentions_in(english.description))


@pytest.mark.parametrize("language", ["id", "ca"])
def test_indonesian_and_catalan_keep_the_english_shots_and_lines(language):
    # No Indonesian or Catalan voice is installed and the renderer reads English or Chinese
    # verbs: the script is acted and spoken in English (the Studio says so).
    for template in TEMPLATES:
        shown = template.in_language(language)
        assert shown.script_language == "en"
        assert shown.script.shots == template.script.shots


def _cues(description: str, roles: list[str]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (cue.role, cue.action, cue.target, cue.prop)
        for cue in find_actions(description, roles).cues
    ]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.id)
def test_the_chinese_shots_are_acted_exactly_like_the_english_ones(template):
    chinese = template.in_language("zh-CN")
    roles = [role.name for role in template.script.roles]
    for number, (english, shot) in enumerate(
        zip(template.script.shots, chinese.script.shots, strict=True), 1
    ):
        assert _cues(shot.description, roles) == _cues(english.description, roles), (
            f"{template.id} shot {number}: {shot.description}"
        )
    # Hence the same timeline: every action at the same time, with the same partner and prop.
    words_aside = [
        dataclasses.replace(a, words="") for a in build_timeline(template.script).actions
    ]
    timeline = build_timeline(chinese.script)
    assert [dataclasses.replace(a, words="") for a in timeline.actions] == words_aside
    # Nothing in Chinese reads as an unknown or unshowable verb ("特写" is a close-up).
    assert not any("can't be shown" in str(note) for note in timeline.notes), timeline.notes


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.id)
def test_every_language_keeps_the_presets_music_mood(template):
    english = template.script
    mood = music_mood(english.title, english.shots[0].scene)
    for language in TRANSLATED:
        shown = template.in_language(language)
        assert english_title(shown.title) == template.title
        assert music_mood(shown.title, shown.script.shots[0].scene) == mood, language


def test_chinese_shots_get_the_ambience_the_english_words_give():
    differing = []
    for template in TEMPLATES:
        chinese = template.in_language("zh-CN")
        for number, (english, shot) in enumerate(
            zip(template.script.shots, chinese.script.shots, strict=True), 1
        ):
            ours = ambience_for_scene(english.scene, english.description)
            theirs = ambience_for_scene(shot.scene, shot.description)
            if ours != theirs:
                differing.append((template.id, number, ours, theirs))
    # "jumps in surprise" reads as a party to the English word list; the Chinese "一脸惊讶"
    # (a surprised face) rightly does not.
    assert differing == [("kitchen_chaos", 2, "party", "kitchen")]


@pytest.mark.parametrize(
    ("asked", "language"),
    [
        (None, "en"), ("en", "en"), ("fr", "en"), ("en-GB", "en"), ("zh", "zh-CN"),
        ("zh-CN", "zh-CN"), ("ca-ES", "ca"), ("id", "id"),
    ],
)  # fmt: skip
def test_a_page_language_picks_its_version_and_anything_else_reads_english(asked, language):
    window = get_template("the_window")
    shown = window.in_language(asked)
    assert shown.language == language
    assert shown == window.in_language(language)
    assert shown.in_language("en") == window  # back to English from any version
    if language == "en":
        assert shown.title == "The window" and shown.script == window.script


def _window_with(tmp_path: Path, translation: str) -> Path:
    (tmp_path / "the_window.toml").write_text(WINDOW_ENGLISH + translation, encoding="utf-8")
    return tmp_path


def test_a_missing_piece_of_a_translation_stays_english(tmp_path):
    folder = _window_with(tmp_path, '\n[translations.ca]\ntitle = "La finestra"\n')
    (window,) = load_templates(folder)
    catalan = window.in_language("ca")
    assert catalan.title == "La finestra" and catalan.language == "ca"
    assert catalan.blurb == window.blurb and catalan.script.roles == window.script.roles
    # A language with no translation at all reads English.
    assert window.in_language("zh-CN") == window and window.in_language("id") == window


SHOT = '\n[[translations.{language}.shots]]\ndescription = "{description}"\ndialogue = [{lines}]\n'
GOOD_SHOTS = [
    ("远景：@lead 站在窗前，背对镜头，望着城市。", '"一样的灯火。"'),
    ("中景：@lead 转过身，拿起吉他紧紧抱着。", ""),
    ("特写：@lead 弹起吉他，微微一笑。", '"我都快忘了。"'),
]


def _shots(shots: list[tuple[str, str]], language: str = "zh-CN") -> str:
    return "".join(SHOT.format(language=language, description=d, lines=lines) for d, lines in shots)


@pytest.mark.parametrize(
    ("translation", "message"),
    [
        ('\n[translations.fr]\ntitle = "La fenêtre"\n', "translations.fr: not a language"),
        ('\n[translations.ca]\ntitel = "La finestra"\n', "unknown field 'titel'"),
        ('\n[translations.ca]\nroles.star = "la joguina"\n', "there is no role 'star'"),
        ("\n[translations.id]\n" + _shots(GOOD_SHOTS, "id"), "shots can only be translated into"),
        ("\n[translations.zh-CN]\n" + _shots(GOOD_SHOTS[:2]), "2 shots, but the script has 3"),
        (
            "\n[translations.zh-CN]\n" + _shots([*GOOD_SHOTS[:2], (GOOD_SHOTS[2][0], "")]),
            "shot 3 has 0 lines, but the English one has 1",
        ),
        (
            "\n[translations.zh-CN]\n" + _shots([("远景：窗外的城市。", '"一样的灯火。"'),
                                                 *GOOD_SHOTS[1:]]),
            "shot 1 must mention the same roles as the English one (@lead)",
        ),
        (
            "\n[translations.zh-CN]\n" + _shots([("远景：@bob 站在窗前。", '"一样的灯火。"'),
                                                 *GOOD_SHOTS[1:]]),
            "Shot 1 mentions @bob, but the script has no role bob",
        ),
        (
            "\n[translations.zh-CN]\n"
            + _shots([(GOOD_SHOTS[0][0], '"' + "很长的一句话" * 6 + '"'), *GOOD_SHOTS[1:]]),
            "Shot 1's dialogue needs about",
        ),
    ],
)  # fmt: skip
def test_broken_translations_are_refused_naming_the_file_and_language(
    tmp_path, translation, message
):
    with pytest.raises(TemplateError) as refused:
        load_templates(_window_with(tmp_path, translation))
    assert str(refused.value).startswith("the_window.toml: translations.")
    assert str(refused.value).count("the_window.toml") == 1
    assert message in str(refused.value)


def test_a_complete_chinese_translation_loads(tmp_path):
    (window,) = load_templates(
        _window_with(tmp_path, "\n[translations.zh-CN]\n" + _shots(GOOD_SHOTS))
    )
    chinese = window.in_language("zh-CN")
    assert chinese.script_language == "zh-CN" and chinese.title == window.title
    assert chinese.script.shots[2].description == GOOD_SHOTS[2][0]
    assert chinese.script.shots[0].dialogue[0].text == "一样的灯火。"
