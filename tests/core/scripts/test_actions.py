"""The action vocabulary: verbs in English and Chinese become actions, or notes, never nothing."""

from __future__ import annotations

import pytest

from core.scripts.actions import ACTION_NAMES, SPECS, find_actions, performer_notes

# One English and one Chinese way to say each action, phrased unlike the presets.
SAYINGS: dict[str, tuple[str, str]] = {
    "enter": ("@a strolls into the room", "@a 走进 房间"),
    "exit": ("@a walks off without a word", "@a 悄悄 离开"),
    "walk": ("@a wanders along the path", "@a 在 路上 散步"),
    "run": ("@a dashes toward the gate", "@a 奔跑 起来"),
    "turn_away": ("@a turned away from everyone", "@a 背对 着 大家"),
    "turn_to_camera": ("@a turns to the camera", "@a 转向镜头"),
    "look_at": ("@a glances at the sky", "@a 望着 远方"),
    "wave": ("@a waved goodbye", "@a 挥手 告别"),
    "nod": ("@a nodded slowly", "@a 点点头"),
    "shake_head": ("@a shook her head", "@a 摇摇头"),
    "point": ("@a is pointing at the stars", "@a 指着 星星"),
    "laugh": ("@a giggles", "@a 哈哈 大笑"),
    "cry": ("@a sobbed quietly", "@a 流泪 了"),
    "surprised": ("@a gasps", "@a 很 惊讶"),
    "shrug": ("@a shrugged", "@a 耸耸肩"),
    "think": ("@a ponders the question", "@a 沉思 片刻"),
    "hug": ("@a embraced @b", "@a 拥抱 @b"),
    "fist_bump": ("@a fist-bumps @b", "@a 和 @b 碰拳"),
    "high_five": ("@a high-fived @b", "@a 和 @b 击掌"),
    "clap": ("@a applauds", "@a 鼓掌"),
    "cheer": ("@a celebrates", "@a 欢呼"),
    "bow": ("@a bowed deeply", "@a 鞠躬"),
    "sit": ("@a sat down", "@a 坐下"),
    "stand": ("@a stood up", "@a 站起 来"),
    "kneel": ("@a knelt", "@a 跪 在 地上"),
    "jump": ("@a leapt", "@a 跳 了 一下"),
    "dance": ("@a grooves to the music", "@a 开始 跳舞"),
    "float": ("@a drifts in zero gravity", "@a 漂浮 着"),
    "raise_glass": ("@a lifts her glass", "@a 举起酒杯"),
    "drink": ("@a sips a coffee", "@a 喝 咖啡"),
    "eat": ("@a munches a cookie", "@a 吃 蛋糕"),
    "pick_up": ("@a grabs the phone", "@a 拿起 手机"),
    "hold": ("@a carries a gift", "@a 捧着 礼物"),
    "play": ("@a strums a ukulele", "@a 弹 吉他"),
    "sing": ("@a sang along", "@a 唱歌"),
    "throw": ("@a tossed the ball", "@a 扔 球"),
    "give": ("@a hands @b a book", "@a 把书 递给 @b"),
    "wag": ("@a wags its tail", "@a 摇着尾巴"),
    "fetch": ("@a fetches", "@a 叼回 球"),
}


def actions_of(text: str, role: str = "a", roles=("a", "b")) -> list[str]:
    return [cue.action for cue in find_actions(text, roles).for_role(role)]


def test_every_action_has_sayings_here() -> None:
    assert set(SAYINGS) == set(ACTION_NAMES) == set(SPECS)


@pytest.mark.parametrize("action", ACTION_NAMES)
def test_each_action_is_read_in_english_and_chinese(action: str) -> None:
    english, chinese = SAYINGS[action]
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
