"""The dialogue check made before queueing refuses exactly what the render would refuse."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation.dialogue import DialogueTooLongError, place_shot_lines
from core.generation.dialogue_fit import check_dialogue_fits, remembering_lengths
from core.generation.voicing import DialogueVoicer
from core.media.audio import Audio
from core.scripts.model import DialogueLine, Role, Script, Shot, validate_script
from core.scripts.templates import load_templates
from core.voice.tuning import speak_english
from tests.core.generation.generation_fakes import TONE_RATE, cast_reference

FPS = 24
# Long words: three of them pass the script's word-count estimate (1 s) in a 1.5 s shot, but
# the voice needs over 3 s for them even spoken fast.
LONG_WORDS = "Supercalifragilisticexpialidocious is antidisestablishmentarianism."


def script_of(*shots: tuple[float, tuple[tuple[str, str], ...]]) -> Script:
    return Script(
        title="Talk",
        roles=(Role("lead", ("person",)), Role("buddy", ("person",))),
        shots=tuple(
            Shot("medium", "static", seconds, "@lead talks to @buddy.",
                 tuple(DialogueLine(role, text) for role, text in lines), "sunny_park")
            for seconds, lines in shots
        ),
    )  # fmt: skip


def render_refusal(script: Script, speak) -> str | None:
    """What the render's own placement says, with the render's voicer (stock voices shifted by
    the WORLD vocoder for the second role): None when every shot's lines fit."""
    cast = {"lead": cast_reference("lead", "maya"), "buddy": cast_reference("buddy", "grace")}
    voicer = DialogueVoicer(cast, ["lead", "buddy"], speak=speak)
    start = 0.0
    for number, shot in enumerate(script.shots, 1):
        frames = round((start + shot.duration) * FPS) - round(start * FPS)
        start += shot.duration
        try:
            place_shot_lines(shot, number, fps=FPS, frame_count=frames, voicer=voicer)
        except DialogueTooLongError as error:
            return str(error)
    return None


def check_refusal(script: Script, speak) -> str | None:
    try:
        check_dialogue_fits(script, speak=speak, fps=FPS)
    except DialogueTooLongError as error:
        return str(error)
    return None


def test_long_words_pass_the_word_estimate_but_are_refused_with_the_renders_message():
    script = validate_script(
        script_of((2.0, (("lead", "Hi."),)), (1.5, (("buddy", LONG_WORDS),)))
    )  # the script's own check accepts it: this is what used to be queued and then fail

    refusal = check_refusal(script, speak_english)

    assert refusal is not None and refusal.startswith("Shot 2's dialogue takes")
    assert "but the shot lasts 1.5 s. Shorten the lines or lengthen the shot." in refusal
    assert refusal == render_refusal(script, speak_english)


def test_lines_that_fit_pass_and_chinese_lines_are_timed_as_subtitles():
    script = script_of(
        (3.0, (("lead", "Hello there."), ("buddy", "Hi!"))),
        (2.0, (("buddy", "你好，朋友"),)),
    )
    assert check_refusal(script, speak_english) is None
    assert render_refusal(script, speak_english) is None


def drawl(text: str, speed: float = 1.0) -> Audio:
    """A slow pitched voice: 0.45 s per word (WORLD can shift it like speech)."""
    seconds = 0.45 * len(text.split()) / speed
    t = np.arange(round(seconds * TONE_RATE)) / TONE_RATE
    samples = 0.5 * np.sin(2 * np.pi * 150 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 5 * t))
    return Audio(samples.astype(np.float32), TONE_RATE)


@pytest.mark.parametrize("seconds", [1.5, 3.0])
def test_the_check_agrees_with_the_render_on_every_length_up_to_refusal(seconds):
    # Both roles: "lead" is the unshifted stock voice, "buddy" a WORLD-shifted one.
    verdicts = []
    for words in range(2, 11):
        for role in ("lead", "buddy"):
            line = " ".join(["word"] * words)
            script = script_of((seconds, ((role, line),)))
            check, render = check_refusal(script, drawl), render_refusal(script, drawl)
            assert check == render, (words, role)
            verdicts.append(check is None)
    assert any(verdicts) and not all(verdicts)  # the sweep crosses the limit


def test_remembered_lengths_give_the_same_verdicts_and_voice_each_line_once():
    spoken = []

    def counting_drawl(text: str, speed: float = 1.0) -> Audio:
        spoken.append((text, speed))
        return drawl(text, speed)

    remembered = remembering_lengths(counting_drawl)
    fits = script_of((2.0, (("lead", "one two"),)))
    too_long = script_of((1.5, (("lead", "one two three four five six"),)))
    for _ in range(3):
        assert check_refusal(fits, remembered) is None
        assert check_refusal(too_long, remembered) == check_refusal(too_long, drawl)
    # Once at normal speed, once sped up for the long line; repeats are free.
    assert sorted(set(spoken)) == sorted(spoken)


def test_every_preset_fits_with_the_built_in_voice():
    # "Star in this" checks a preset like any script: none may be refused for its dialogue,
    # in any language (the Chinese lines are timed in the Mandarin voice).
    for template in load_templates():
        for language in template.languages:
            script = template.in_language(language).script
            assert check_refusal(script, speak_english) is None, (template.id, language)


@pytest.mark.parametrize("seconds", [1.0, 1.6, 2.4, 4.0])
def test_chinese_lines_are_timed_in_the_mandarin_voice_as_the_render_speaks_them(seconds):
    from core.voice.mandarin import mandarin_available

    assert mandarin_available(), "the Mandarin voice ships with the install (core.model_files)"
    line = "我们今天晚上一起去屋顶看星星，好不好？"  # ~2.5 s spoken, 19 characters
    script = script_of((seconds, (("lead", line),)))
    assert check_refusal(script, speak_english) == render_refusal(script, speak_english)
