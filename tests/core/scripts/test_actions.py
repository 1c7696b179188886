"""The action vocabulary: verbs in English and Chinese become actions, or notes, never nothing."""

from __future__ import annotations

import pytest

from core.scripts.actions import ACTION_NAMES, EXAMPLES, SPECS, find_actions, performer_notes


def actions_of(text: str, role: str = "a", roles=("a", "b")) -> list[str]:
    return [cue.action for cue in find_actions(text, roles).for_role(role)]


def test_every_action_has_examples() -> None:
    assert set(EXAMPLES) == set(ACTION_NAMES) == set(SPECS)


@pytest.mark.parametrize("action", ACTION_NAMES)
def test_each_action_is_read_in_english_and_chinese(action: str) -> None:
    english, chinese = EXAMPLES[action]
    assert action in actions_of(english), english
    assert action in actions_of(chinese), chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@a waves", ["wave"]),
        ("@a waved", ["wave"]),
        ("@a is waving", ["wave"]),
        ("@a claps", ["clap"]),
        ("@a clapped", ["clap"]),
        ("@a clapping", ["clap"]),
        ("@a hugs @b", ["hug"]),
        ("@a hugged @b", ["hug"]),
        ("@a is dancing", ["dance"]),
    ],
)
def test_inflections(text: str, expected: list[str]) -> None:
    assert actions_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@a runs in from the left", ["enter"]),
        ("@a waves with her left hand", ["wave"]),
        ("@a walks to the left corner and sits", ["walk", "sit"]),
        ("@a left the party", ["exit"]),
        ("@a left, slamming the door", ["exit"]),
        ("@a leaves", ["exit"]),
    ],
)
def test_left_is_leaving_only_as_a_verb(text: str, expected: list[str]) -> None:
    assert actions_of(text) == expected


def test_partner_actions_go_both_ways_and_name_each_other() -> None:
    found = find_actions("@a hugs @b warmly.", ("a", "b"))
    assert [(c.role, c.action, c.target) for c in found.cues] == [
        ("a", "hug", "b"),
        ("b", "hug", "a"),
    ]
    together = find_actions("@a and @b bump fists", ("a", "b"))
    assert {(c.role, c.target) for c in together.cues} == {("a", "b"), ("b", "a")}


def test_verbs_go_to_the_right_role() -> None:
    found = find_actions(
        "@a throws a frisbee and @b fetches it, then @a laughs; @b, wagging, sits.",
        ("a", "b"),
    )
    assert [(c.role, c.action) for c in found.cues] == [
        ("a", "throw"),
        ("b", "fetch"),
        ("a", "laugh"),
        ("b", "wag"),
        ("b", "sit"),
    ]
    relative = find_actions("@b drops the ball at the feet of @a, who kneels down.", ("a", "b"))
    assert ("a", "kneel") in [(c.role, c.action) for c in relative.cues]


def test_props_are_read_from_the_words() -> None:
    cues = find_actions("@a picks up a mug of tea, then @b plays the ukulele", ("a", "b")).cues
    assert [(c.role, c.action, c.prop) for c in cues] == [
        ("a", "pick_up", "cup"),
        ("b", "play", "guitar"),
    ]
    assert find_actions("@a 举起香槟", ("a",)).cues[0].prop == "glass"
    assert find_actions("@a 拿着 蛋糕", ("a",)).cues[0].prop == "cake"


def test_longest_words_win() -> None:
    assert actions_of("@a 和 @b 一起跳舞") == ["dance"]
    assert actions_of("@a walks in") == ["enter"]


def test_paraphrased_verbs_get_a_note_saying_how_they_are_shown() -> None:
    found = find_actions("@a kisses @b on the cheek and grins", ("a", "b"))
    assert [c.action for c in found.for_role("a")] == ["hug", "laugh"]
    assert "'kisses' is shown as a hug." in found.notes
    assert "'grins' is shown as a light laugh." in found.notes


def test_unshowable_and_unknown_verbs_are_never_dropped_silently() -> None:
    cooking = find_actions("@a cooks dinner while @b juggles three oranges", ("a", "b"))
    assert any("'cooks' can't be shown" in note for note in cooking.notes)
    assert any("'juggles'" in note and "@b" in note for note in cooking.notes)
    assert find_actions("@a 在厨房做饭", ("a",)).notes  # Chinese, too
    assert cooking.cues == ()


def test_a_chinese_close_up_is_not_writing() -> None:
    # "特写" (close-up) opens many Chinese shot descriptions; its "写" is not "write".
    found = find_actions("特写：@a 微微一笑。", ("a",))
    assert found.notes == () and [c.action for c in found.cues] == ["laugh"]
    assert find_actions("@a 在写信", ("a",)).notes  # writing still can't be shown


def test_descriptions_without_verbs_have_no_notes() -> None:
    found = find_actions("Close-up of @a's face in the city light.", ("a",))
    assert found.cues == () and found.notes == ()


def test_a_pet_gets_its_own_version_with_a_note() -> None:
    cues = find_actions("@rex waves and claps", ("rex",)).cues
    notes = performer_notes(cues, {"rex": "sprite"})
    assert notes == [
        "@rex has no arms to 'waves': it is shown as wag.",
        "@rex has no arms to 'claps': it is shown as jump.",
    ]
    assert performer_notes(cues, {"rex": "body"}) == []
