"""The script model: validation rules, cast checks, restrictions and prompts."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import get_args

import pytest

from core.scripts.casting import (
    CastError,
    CastMember,
    RestrictionViolationError,
    check_cast,
    check_restrictions,
    render_prompt,
)
from core.scripts.model import DialogueLine, Role, Script, ScriptError, Shot, validate_script
from core.scripts.restrictions import contains_phrase, parse_restrictions, stem_word
from core.types import CameraMove, DoubleKind, Framing


def make_shot(description: str = "@lead looks out of the window", **changes: object) -> Shot:
    shot = Shot(framing="wide", camera="static", duration=3.0, description=description)
    return replace(shot, **changes)


def make_script(*shots: Shot, roles: tuple[Role, ...] | None = None) -> Script:
    return Script(
        title="The window",
        roles=roles or (Role("lead", ("person",), "the star"),),
        shots=shots or (make_shot(),),
    )


MAYA = CastMember("maya", "person", "Maya", "a woman with short dark hair", "")
REX = CastMember("rex", "pet", "Rex", "a scruffy brown terrier", "")


def test_vocabulary_is_closed_and_ordered_for_dropdowns() -> None:
    assert get_args(DoubleKind) == ("person", "pet", "object", "character")
    assert "close-up" in get_args(Framing) and "push-in" in get_args(CameraMove)


def test_valid_script_round_trips_through_json() -> None:
    script = validate_script(
        make_script(
            make_shot(),
            make_shot(
                "@lead picks up a guitar",
                framing="close-up",
                dialogue=(DialogueLine("lead", "Here we go."),),
            ),
        )
    )
    assert script.duration == 6.0
    assert script.mentioned_roles() == ("lead",)
    restored = Script.from_dict(json.loads(json.dumps(script.to_dict())))
    assert restored == script


def test_validation_cleans_whitespace() -> None:
    script = validate_script(make_script(make_shot("  @lead\tlooks \n up  ")))
    assert script.shots[0].description == "@lead looks up"


@pytest.mark.parametrize(
    ("script", "message"),
    [
        (Script("No roles", (), (make_shot(),)), "1 to 4 roles; this one has 0"),
        (
            make_script(roles=tuple(Role(f"role{i}") for i in range(5))),
            "1 to 4 roles; this one has 5",
        ),
        (make_script(roles=(Role("lead"), Role("lead"))), "'lead' is declared twice"),
        (make_script(roles=(Role("Lead Singer"),)), "'Lead Singer' is not allowed"),
        (make_script(roles=(Role("lead", ("robot",)),)), "must accept one or more of"),  # type: ignore[arg-type]
        (Script("The window", (Role("lead"),), ()), "no shots"),
        (make_script(*[make_shot(duration=2.0)] * 7), "7 shots; the limit is 6"),
        (make_script(make_shot(duration=9.0)), "Shot 1 lasts 9 s; a shot lasts 1 to 8 s"),
        (make_script(make_shot(duration=0.5)), "Shot 1 lasts 0.5 s"),
        (make_script(make_shot(duration=float("nan"))), "Shot 1 lasts nan s"),
        (make_script(*[make_shot(duration=4.0)] * 4), "16 s long; the limit is 15 s"),
        (make_script(make_shot(duration=1.5)), "1.5 s long; it must last at least 2 s"),
        (make_script(make_shot(framing="extreme")), "Shot 1 has the framing 'extreme'"),  # type: ignore[arg-type]
        (make_script(make_shot(camera="crane")), "Shot 1 has the camera move 'crane'"),  # type: ignore[arg-type]
        (make_script(make_shot(scene="mars")), "Shot 1 uses the scene 'mars', which does not"),  # type: ignore[arg-type]
        (make_script(make_shot("   ")), "Shot 1 needs a description"),
        (
            make_script(make_shot(), make_shot(), make_shot("@lead waves at @bob")),
            "Shot 3 mentions @bob, but the script has no role bob",
        ),
        (
            make_script(make_shot(dialogue=(DialogueLine("bob", "Hi"),))),
            "Shot 1 gives a line to @bob, but the script has no role bob",
        ),
        (
            make_script(make_shot(dialogue=(DialogueLine("lead", "  "),))),
            "Shot 1 has an empty line",
        ),
        (
            make_script(make_shot(duration=8.0, dialogue=(DialogueLine("lead", "la " * 70),))),
            "line for @lead is 209 characters; the limit is 200",
        ),
        (
            make_script(
                make_shot(
                    dialogue=(
                        DialogueLine("lead", "one two three four five six seven eight nine ten"),
                    )
                )
            ),
            "Shot 1's dialogue needs about 3.3 s to say, but the shot lasts 3 s",
        ),
        (
            make_script(
                make_shot(dialogue=(DialogueLine("lead", "我们终于在这座城市的屋顶上见面了真好"),))
            ),
            "Shot 1's dialogue needs about 3.6 s to say",
        ),
        (
            make_script(make_shot(dialogue=(DialogueLine("lead", "Hi\x07 there"),))),
            "(U+0007); remove it",
        ),
        (make_script(make_shot("@lead \u202eevil")), "(U+202E); remove it"),
        (Script("", (Role("lead"),), (make_shot(),)), "needs a title"),
    ],
)
def test_invalid_scripts_are_refused_with_a_specific_message(script: Script, message: str) -> None:
    with pytest.raises(ScriptError) as refused:
        validate_script(script)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    "text",
    ["Let's go! 🎸🔥", "שלום, מה שלומך?", "مرحبا بالعالم", "我们走吧！", "👋"],
)
def test_emoji_rtl_and_chinese_dialogue_are_valid(text: str) -> None:
    script = validate_script(make_script(make_shot(dialogue=(DialogueLine("lead", text),))))
    assert script.shots[0].dialogue[0].text == text


def test_fifteen_seconds_in_six_shots_is_the_upper_limit() -> None:
    script = validate_script(make_script(*[make_shot(duration=2.5)] * 6))
    assert script.duration == 15.0


def test_from_dict_names_the_missing_field() -> None:
    data = make_script().to_dict()
    del data["shots"][0]["description"]
    with pytest.raises(ScriptError, match="missing the field 'description'"):
        Script.from_dict(data)


def two_role_script() -> Script:
    return validate_script(
        make_script(
            make_shot("@lead throws a ball to @buddy"),
            roles=(Role("lead", ("person",)), Role("buddy", ("person", "pet"))),
        )
    )


def test_cast_that_fits_is_accepted() -> None:
    check_cast(two_role_script(), {"lead": MAYA, "buddy": REX})


@pytest.mark.parametrize(
    ("cast", "message"),
    [
        ({"lead": REX, "buddy": MAYA}, "@rex is a pet; the role 'lead' accepts person only"),
        ({"lead": MAYA}, "The role 'buddy' has no one cast yet"),
        (
            {"lead": MAYA, "buddy": REX, "villain": REX},
            "cast as 'villain', but the script has no role",
        ),
        ({"lead": MAYA, "buddy": MAYA}, "@maya is cast as both 'lead' and 'buddy'"),
    ],
)
def test_bad_cast_is_refused(cast: dict[str, CastMember], message: str) -> None:
    with pytest.raises(CastError) as refused:
        check_cast(two_role_script(), cast)
    assert message in str(refused.value)


def test_restrictions_are_split_into_phrases() -> None:
    phrases = parse_restrictions("no violence, no alcohol; never kissing. No guns or knives")
    assert [p.phrase for p in phrases] == ["violence", "alcohol", "kissing", "guns", "knives"]
    assert phrases[2].clause == "never kissing"
    assert [p.phrase for p in parse_restrictions("不要暴力，禁止喝酒")] == ["暴力", "喝酒"]


def test_inflections_match_but_substrings_do_not() -> None:
    assert stem_word("kissing") == stem_word("kisses") == stem_word("kiss") == "kiss"
    assert stem_word("running") == stem_word("runs") == "run"
    assert contains_phrase("They kiss goodbye", "kissing")
    assert contains_phrase("@maya SMOKES a cigar", "smoking")
    assert not contains_phrase("a glass of scotch", "cotch")
    assert not contains_phrase("a kissingbooth sign", "kiss")
    assert contains_phrase("他们在喝酒", "喝酒")


def test_restriction_violation_quotes_the_restriction_and_the_shot() -> None:
    script = validate_script(
        make_script(
            make_shot(),
            make_shot(
                "@lead raises a glass", dialogue=(DialogueLine("lead", "More beers, please!"),)
            ),
        )
    )
    owner_rules = replace(MAYA, restrictions="no violence; never beer")
    with pytest.raises(RestrictionViolationError) as refused:
        check_restrictions(script, {"lead": owner_rules})
    assert str(refused.value) == (
        "@maya's owner does not allow “never beer”; shot 2 says “More beers, please!” "
        "(matched: “beers”)."
    )
    assert refused.value.shot_number == 2 and refused.value.handle == "maya"


def test_script_within_restrictions_passes() -> None:
    check_restrictions(two_role_script(), {"lead": replace(MAYA, restrictions="no violence")})


def test_prompt_replaces_roles_and_appends_restrictions() -> None:
    shot = make_shot("@lead throws a ball to @Buddy", framing="close-up", camera="push-in")
    cast = {"lead": replace(MAYA, restrictions="no alcohol, never kissing"), "buddy": REX}
    assert render_prompt(shot, cast) == (
        "Close up shot, slow push-in. a woman with short dark hair (Maya) throws a ball to "
        "a scruffy brown terrier (Rex). Avoid: alcohol, kissing."
    )
    with pytest.raises(CastError, match="'buddy' has no one cast"):
        render_prompt(shot, {"lead": MAYA})
