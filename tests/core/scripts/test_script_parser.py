"""Free-text scripts in English, Chinese and numbered-line styles."""

from __future__ import annotations

import pytest

from core.scripts.model import DialogueLine, ScriptError
from core.scripts.parser import MAX_INPUT_CHARS, ScriptParseError, parse_script

THE_WINDOW = (
    "Shot 1: Wide shot of @lead with their back to camera at an apartment window over the "
    "night city. Shot 2 (2s): close-up of hands picking up a guitar. "
    'Shot 3: close-up, slow push in on @lead, who smiles and says "I missed this."'
)


def test_english_shots_with_framing_camera_scene_and_dialogue() -> None:
    parsed = parse_script(THE_WINDOW)
    shots = parsed.script.shots
    assert parsed.handles == ("lead",)
    assert [role.name for role in parsed.script.roles] == ["lead"]
    assert [s.framing for s in shots] == ["wide", "close-up", "close-up"]
    assert [s.camera for s in shots] == ["static", "static", "push-in"]
    assert {s.scene for s in shots} == {"night_city_window"}
    assert shots[1].duration == 2.0  # explicit "(2s)" honoured
    assert shots[1].description == "close-up of hands picking up a guitar."
    assert shots[2].dialogue == (DialogueLine("lead", "I missed this."),)
    assert shots[2].description == "close-up, slow push in on @lead, who smiles"


def test_english_number_words_and_dash_markers() -> None:
    parsed = parse_script(
        'SHOT ONE - @ann and @bob on stage. "Hello!" shot two: @bob pans the crowd'
    )
    first, second = parsed.script.shots
    assert parsed.handles == ("ann", "bob")
    assert first.framing == "two-shot" and first.scene == "stage_spotlight"
    # nearest @mention before the quote speaks
    assert first.dialogue == (DialogueLine("bob", "Hello!"),)
    assert second.camera == "pan"


def test_chinese_shots_with_full_width_punctuation() -> None:
    parsed = parse_script(
        "镜头一，远景，@maya站在海边看日落。镜头二（3秒），特写，@maya对@leo说：「我们走吧！」"
        "镜头三：推镜头，@leo笑着回答“好啊”。"
    )
    shots = parsed.script.shots
    assert parsed.handles == ("maya", "leo")
    assert [s.framing for s in shots] == ["wide", "close-up", "medium"]
    assert shots[2].camera == "push-in"
    assert shots[0].scene == "beach_sunset"
    assert shots[1].duration == 3.0
    # "@maya对@leo说" — maya speaks to leo
    assert shots[1].dialogue == (DialogueLine("maya", "我们走吧！"),)
    assert shots[1].description == "特写，@maya对@leo"
    assert shots[2].dialogue == (DialogueLine("leo", "好啊"),)


def test_chinese_digits_and_seconds() -> None:
    parsed = parse_script("镜头1：@maya在厨房做饭，4秒。镜头2：特写，@maya说：「好香！」")
    assert parsed.script.shots[0].duration == 4.0
    assert parsed.script.shots[0].scene == "cozy_kitchen"


def test_numbered_lines_with_title_and_speaker_colons() -> None:
    parsed = parse_script(
        "Title: Park day\n1. @maya throws a ball in the park (wide, 3s)\n2) @rex runs after it\n"
        '3. @maya: "Good boy!" @rex: “Woof 🐶”'
    )
    script = parsed.script
    assert script.title == "Park day"
    assert parsed.handles == ("maya", "rex")
    assert script.shots[0].description == "@maya throws a ball in the park (wide)"
    assert script.shots[2].dialogue == (
        DialogueLine("maya", "Good boy!"),
        DialogueLine("rex", "Woof 🐶"),
    )
    assert script.shots[2].description == "@maya and @rex speaking"
    assert {s.scene for s in script.shots} == {"sunny_park"}  # scene carries over


def test_default_durations_fit_fifteen_seconds() -> None:
    text = " ".join(f"Shot {n}: @maya waves." for n in range(1, 7))
    parsed = parse_script(text)
    assert parsed.script.duration <= 15.0
    assert all(shot.duration >= 2.0 for shot in parsed.script.shots)


def test_long_dialogue_gets_a_longer_default_shot() -> None:
    line = "I never thought I would see this city again after all these long years away"
    parsed = parse_script(f'Shot 1: @maya at the window says "{line}" Shot 2: @maya sits.')
    first, second = parsed.script.shots
    assert first.duration > second.duration
    assert first.duration >= len(line.split()) / 3.0


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("@maya walks in the park.", ScriptParseError, "No shots found"),
        (
            " ".join(f"Shot {n}: @maya waves." for n in range(1, 8)),
            ScriptParseError,
            "7 shots; the limit is 6",
        ),
        (
            "Shot 1 (8s): @maya waves. Shot 2 (8s): @maya sits.",
            ScriptParseError,
            "add up to 16 s; the limit is 15 s",
        ),
        (
            'Shot 1: a quiet street. "Who is there?"',
            ScriptParseError,
            "Shot 1 has the line “Who is there?” but no @mention before it",
        ),
        ("Shot 1: @al waves.", ScriptParseError, "@al, which is not a valid handle"),
        ("Shot 1: " + "@maya waves. " * 400, ScriptParseError, f"the limit is {MAX_INPUT_CHARS}"),
        ("Shot 1 (9s): @maya waves.", ScriptError, "Shot 1 lasts 9 s"),
    ],
)
def test_bad_text_is_refused(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as refused:
        parse_script(text)
    assert message in str(refused.value)


def test_rtl_emoji_and_handles_with_digits() -> None:
    parsed = parse_script('Shot 1: @dana_42 waves and says "שלום! 👋" Shot 2: @_mo: "مرحبا"')
    assert parsed.handles == ("dana_42", "_mo")
    assert parsed.script.shots[0].dialogue == (DialogueLine("dana_42", "שלום! 👋"),)
    assert parsed.script.shots[1].dialogue == (DialogueLine("_mo", "مرحبا"),)


def test_email_addresses_are_not_mentions() -> None:
    parsed = parse_script("Shot 1: @maya reads a note from bob@example.com.")
    assert parsed.handles == ("maya",)
