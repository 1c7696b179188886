"""The action vocabulary: what the embedded renderer can show a cast member doing.

Scripts describe actions in words ("@maya waves", "@leo 举起酒杯"). This module owns the one
table that turns those words into actions: each action's name, the English and Chinese verb
patterns that mean it, the props it may use and how it is drawn (for the docs' action table).
Paraphrases are verbs shown as a nearby action, with a note ("'kisses' is shown as a hug");
unshowable verbs get a note naming what happens instead. Nothing a script says is dropped
without a note.

:func:`find_actions` reads one shot description; :mod:`core.acting.timeline` places the cues
on the clip's timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from core.scripts.model import MENTION
from core.sentences import Sentence, sentence

ActionName: TypeAlias = Literal[
    "enter",
    "exit",
    "walk",
    "run",
    "turn_away",
    "turn_to_camera",
    "look_at",
    "wave",
    "nod",
    "shake_head",
    "point",
    "laugh",
    "cry",
    "surprised",
    "shrug",
    "think",
    "hug",
    "fist_bump",
    "high_five",
    "clap",
    "cheer",
    "bow",
    "sit",
    "stand",
    "kneel",
    "jump",
    "dance",
    "float",
    "raise_glass",
    "drink",
    "eat",
    "pick_up",
    "hold",
    "play",
    "sing",
    "throw",
    "give",
    "wag",
    "fetch",
]
PropName: TypeAlias = Literal[
    "guitar", "phone", "cup", "glass", "ball", "gift", "cake", "book", "microphone"
]
ACTION_NAMES: tuple[ActionName, ...] = get_args(ActionName)
PROP_NAMES: tuple[PropName, ...] = get_args(PropName)

# "body": a person or rigged character (arms, legs, head); "sprite": a pet, toy or drawn
# character without a rig, moved as one piece.
Performer: TypeAlias = Literal["body", "sprite"]


@dataclass(frozen=True)
class ActionSpec:
    """One action the renderer performs.

    Attributes:
        name: The action.
        english: Regex alternatives (matched case-insensitively, on word boundaries).
        chinese: Regex alternatives for Chinese text.
        shown_as: How the renderer draws it (the docs' action table).
        partner: Done with another role (hug, fist bump): both move toward each other.
        prop: The prop it uses when the text names none (raise_glass -> glass).
        sprite_action: What a performer without arms shows instead, or None when it performs
            the action itself (pets run, sit and fetch).
    """

    name: ActionName
    english: tuple[str, ...]
    chinese: tuple[str, ...]
    shown_as: str
    partner: bool = False
    prop: PropName | None = None
    sprite_action: ActionName | None = None


# "left" is the past of leave only when no article or possessive comes before it and no side
# or body part after it: "@leo left" exits; "from the left", "her left hand" don't.
_LEFT_AS_LEAVING = (
    "".join(rf"(?<!{word} )" for word in ("the", "a", "her", "his", "its", "my", "your", "our"))
    + "(?<!their )(?<!turns )(?<!turned )(?<!looks )(?<!looked )left"
    + r"(?! (?:hand|arm|foot|leg|side|corner|shoulder|paw|ear|eye|and right|to right)s?\b)"
)


def _v(*stems: str) -> str:
    """English verb forms: 'wave' -> wave|waves|waved|waving; 'clap:p' doubles the p."""
    forms: list[str] = []
    for stem in stems:
        base, _, double = stem.partition(":")
        root = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
        ending = "es" if base.endswith(("s", "sh", "ch", "x")) else "s"
        forms += [base, base + ending, root + double + "ed", root + double + "ing"]
        if base.endswith("e"):
            forms.append(base + "d")
    return "(?:" + "|".join(sorted(set(forms), key=len, reverse=True)) + ")"


# "walks in", "runs into the room" (an entrance), but not "runs in circles".
_IN = r"(?:into\b|in\b(?=\s*(?:[,.;!]|$|and\b|to\b|through\b|from\b|the door)))"

_TABLE: tuple[ActionSpec, ...] = (
    ActionSpec(
        "enter",
        (
            _v("enter"),
            "(?:"
            + _v("walk", "stroll", "wander", "step:p", "hurry", "march", "dash", "tiptoe", "skip:p")
            + r") "
            + _IN
            + r"|(?:comes|came|coming|runs|ran|running|bursts|burst|bursting) "
            + _IN,
            _v("arrive"),
        ),
        ("走进", "进来", "进门", "登场", "走上", "入场"),
        "walks in from the side of the frame to their place",
    ),
    ActionSpec(
        "exit",
        (
            _v("exit", "leave") + "|" + _LEFT_AS_LEAVING,
            r"walks? (?:off|out|away)|walked (?:off|out|away)|walking (?:off|out|away)",
        ),
        ("离开", "走出", "走开", "退场", "出去"),
        "walks out of the frame",
    ),
    ActionSpec(
        "turn_away",
        (
            r"(?:back|backs) to (?:the )?camera",
            r"(?:turns?|turned|turning) away",
            r"(?:faces?|facing) away",
        ),
        ("背对", "转身离开", "背影"),
        "turns around: back of the head, arms at the sides",
        sprite_action="turn_away",
    ),
    ActionSpec(
        "turn_to_camera",
        (
            r"(?:turns?|turned|turning) (?:to|toward|towards) (?:the )?camera",
            r"(?:turns?|turned|turning) around",
            r"(?:turns?|turned|turning)\b(?! to @)",
            r"(?:faces?|facing) (?:the )?camera",
        ),
        ("转身", "转向镜头", "回头", "转过"),
        "turns from a side view to face the camera",
    ),
    ActionSpec(
        "look_at",
        (
            r"(?:looks?|looked|looking|stares?|stared|staring|gazes?|gazed|gazing|glances?"
            r"|glanced|glancing|watch(?:es|ed|ing)?|smiles? at)",
            r"(?:turns?|turned|turning) (?:to|toward|towards)(?= @)",
            _v("watch"),
        ),
        ("看着", "望着", "看向", "注视", "凝视", "看"),
        "turns the body and head toward the other role or the view",
    ),
    ActionSpec(
        "wave",
        (_v("wave"),),
        ("挥手", "招手", "挥挥手"),
        "one forearm swings side to side above the shoulder",
        sprite_action="wag",
    ),
    ActionSpec(
        "nod", (_v("nod:d"),), ("点头", "点点头"), "the head dips twice", sprite_action="nod"
    ),
    ActionSpec(
        "shake_head",
        (r"(?:shakes?|shook|shaking) (?:his |her |their |its )?head", _v("frown")),
        ("摇头", "摇摇头"),
        "the head turns left and right",
        sprite_action="shake_head",
    ),
    ActionSpec(
        "point",
        (_v("point"),),
        ("指着", "指向", "指了指"),
        "one arm straight out toward the other role or the view",
        sprite_action="look_at",
    ),
    ActionSpec(
        "laugh",
        (_v("laugh", "giggle", "chuckle", "smile", "grin:n"),),
        ("笑", "大笑", "微笑", "哈哈"),
        "shoulders bounce, head tilts back, hand to the belly",
        sprite_action="laugh",
    ),
    ActionSpec(
        "cry",
        (r"(?:cries|cry|cried|crying|sobs?|sobbed|sobbing|weeps?|wept|weeping|tears? up)",),
        ("哭", "流泪", "落泪"),
        "head down, hands to the face, drawn tears",
        sprite_action="shake_head",
    ),
    ActionSpec(
        "surprised",
        (
            _v("gasp", "startle", "surprise"),
            r"(?:jumps? back|in surprise|surprised|shocked|stunned|amazed)",
        ),
        ("惊讶", "吃惊", "惊喜", "震惊", "吓一跳"),
        "a quick hop back, hands up beside the face",
        sprite_action="surprised",
    ),
    ActionSpec(
        "shrug",
        (_v("shrug:g"),),
        ("耸肩", "耸耸肩"),
        "shoulders up, forearms out, palms up",
        sprite_action="shake_head",
    ),
    ActionSpec(
        "think",
        (_v("think", "wonder", "ponder", "consider") + "|thought",),
        ("思考", "想了想", "沉思"),
        "a hand to the chin, head tilted",
        sprite_action="nod",
    ),
    ActionSpec(
        "hug",
        (_v("hug:g", "embrace", "cuddle"), r"(?:kiss(?:es|ed|ing)?)"),
        ("拥抱", "抱住", "抱了抱", "抱"),
        "both walk together and wrap their arms around each other",
        partner=True,
        sprite_action="walk",
    ),
    ActionSpec(
        "fist_bump",
        (r"(?:bumps?|bumped|bumping) fists|fist[- ]?bumps?|fist[- ]?bumped|fist[- ]?bumping",),
        ("碰拳", "击拳", "对拳"),
        "both step in and touch fists at chest height",
        partner=True,
        sprite_action="walk",
    ),
    ActionSpec(
        "high_five",
        (r"high[- ]?fives?|high[- ]?fived|high[- ]?fiving",),
        ("击掌",),
        "both step in and slap raised palms",
        partner=True,
        sprite_action="jump",
    ),
    ActionSpec(
        "clap",
        (_v("clap:p", "applaud"),),
        ("鼓掌", "拍手"),
        "both hands meet in front of the chest, again and again",
        sprite_action="jump",
    ),
    ActionSpec(
        "cheer",
        (
            _v("cheer", "celebrate"),
            r"(?:throws?|threw|throwing) (?:their|his|her|both) (?:arms|hands) up",
            r"arms? up",
        ),
        ("欢呼", "庆祝", "举起双手"),
        "both arms up, a bounce",
        sprite_action="jump",
    ),
    ActionSpec(
        "bow",
        (_v("bow", "curtsy"),),
        ("鞠躬", "谢幕"),
        "the upper body bends forward and back",
        sprite_action="nod",
    ),
    ActionSpec(
        "sit",
        (r"(?:sits?|sat|sitting)(?: down)?",),
        ("坐", "坐下", "蹲"),
        "knees bend, the body lowers onto a drawn stool (pets: haunches down)",
    ),
    ActionSpec(
        "stand",
        (
            r"(?:stands?|stood|standing)(?: up)?",
            r"(?:gets?|got|getting) up",
            _v("rise", "wait") + "|rose",
        ),
        ("站", "站起", "站着", "起身"),
        "stands upright, breathing",
    ),
    ActionSpec(
        "kneel",
        (_v("kneel") + "|knelt",),
        ("跪", "蹲下"),
        "one knee down, the body lower",
        sprite_action="sit",
    ),
    ActionSpec(
        "jump",
        (_v("jump", "leap", "hop:p", "bounce", "spring") + "|leapt|sprang",),
        ("跳", "跳起", "蹦"),
        "crouch, leap with arms up, land (pets: an arc)",
    ),
    ActionSpec(
        "dance",
        (_v("dance", "groove", "boogie", "twirl", "spin:n") + "|spun",),
        ("跳舞", "舞", "转圈"),
        "hips sway, arms swing in turn, a bounce on the beat",
        sprite_action="dance",
    ),
    ActionSpec(
        "float",
        (_v("float", "hover", "drift"),),
        ("漂浮", "飘", "悬浮"),
        "a slow weightless bob and tilt, feet off the floor",
    ),
    ActionSpec(
        "raise_glass",
        (
            r"(?:raises?|raised|raising|lifts?|lifted|lifting) (?:a |an |the |their |his |her )?"
            r"(?:glass|glasses|cup|mug|drink|toast)",
            _v("toast"),
            r"(?:clinks?|clinked|clinking) (?:their |our )?glasses",
            r"cheers\b",
        ),
        ("举杯", "举起(?:酒杯|杯子|香槟|酒|杯)", "干杯", "碰杯"),
        "one arm lifts a glass above the shoulder",
        prop="glass",
        sprite_action="jump",
    ),
    ActionSpec(
        "drink",
        (r"(?:drinks?|drank|drinking|sips?|sipped|sipping)",),
        ("喝", "品尝", "抿"),
        "lifts the cup or glass to the mouth and tips it",
        prop="cup",
        sprite_action="nod",
    ),
    ActionSpec(
        "eat",
        (r"(?:eats?|ate|eating|bites?|bit|biting|tastes?|tasted|tasting|munch(?:es|ed|ing)?)",),
        ("吃",),
        "a hand brings a bite of cake to the mouth",
        prop="cake",
        sprite_action="nod",
    ),
    ActionSpec(
        "pick_up",
        (
            r"(?:picks?|picked|picking) up",
            r"(?:grabs?|grabbed|grabbing|takes?|took|taking)"
            r"(?= (?:a|an|the|their|his|her|its|out|some)\b)",
            _v("reach") + r"(?: for)?",
        ),
        ("拿起", "捡起", "拿出", "伸手"),
        "bends, reaches down, comes up holding the prop",
        sprite_action="fetch",
    ),
    ActionSpec(
        "hold",
        (
            r"(?:holds?|held|holding)(?: up| out)?",
            r"(?:carries|carry|carried|carrying)",
            r"(?:checks?|checked|checking|scrolls?|scrolled|scrolling|texts?|texted|texting|reads?|reading)\b",
        ),
        ("拿着", "端着", "捧着", "举着", "抱着", "看手机", "读"),
        "the prop in one or both hands at chest height",
    ),
    ActionSpec(
        "play",
        (r"(?:plays?|played|playing|strums?|strummed|strumming)",),
        ("弹", "演奏", "玩"),
        "strums the guitar (or plays with the prop) with a swinging forearm",
        prop="guitar",
        sprite_action="fetch",
    ),
    ActionSpec(
        "sing",
        (_v("sing") + "|sang|sung",),
        ("唱", "唱歌"),
        "holds a microphone near the mouth, swaying",
        prop="microphone",
        sprite_action="dance",
    ),
    ActionSpec(
        "throw",
        (r"(?:throws?|threw|throwing|tosses|toss|tossed|tossing)", r"winds? up"),
        ("扔", "抛", "投"),
        "winds up and throws the ball out of the frame",
        prop="ball",
        sprite_action="jump",
    ),
    ActionSpec(
        "give",
        (
            # "hands" only as a verb: followed by someone or something given, never "@a's hands".
            r"(?:gives?|gave|giving|hands?|handed|handing|offers?|offered|offering|presents?"
            r"|presented|presenting)(?=\s*@| (?:a|an|the|his|her|their|its|it|them)\b"
            r"| over (?!(?:his |her |their |its )?(?:mouth|face|eyes|ears|head|heart)))",
        ),
        ("递给", "送给", "给"),
        "holds the prop out toward the other role",
        partner=False,
        prop="gift",
        sprite_action="fetch",
    ),
    ActionSpec(
        "walk",
        (_v("walk", "stroll", "wander", "pace", "trot", "march", "tiptoe"),),
        ("走", "散步", "漫步"),
        "legs swing, arms swing, the figure moves across",
    ),
    ActionSpec(
        "run",
        (_v("race", "dash", "sprint", "chase") + r"|runs?|ran|running|zooms?|zoomed|zooming",),
        ("跑", "奔跑", "冲"),
        "a fast bounding gait across the frame (pets: a gallop)",
    ),
    ActionSpec(
        "wag",
        (r"(?:wags?|wagged|wagging)(?: (?:its|his|her|their) tail)?", _v("wiggle", "wriggle")),
        ("摇尾巴", "摇着尾巴"),
        "the body rocks and the tail end wiggles (a person sways)",
    ),
    ActionSpec(
        "fetch",
        (
            _v("fetch"),
            r"(?:brings?|brought|bringing) (?:back )?(?:the |a )?ball",
            r"(?:drops?|dropped|dropping) the ball",
        ),
        ("捡球", "叼回", "叼着"),
        "runs out and comes back with the ball drawn in its mouth",
        prop="ball",
    ),
)

SPECS: dict[ActionName, ActionSpec] = {spec.name: spec for spec in _TABLE}

# One English and one Chinese way to say each action (the docs show them; the tests parse them).
EXAMPLES: dict[ActionName, tuple[str, str]] = {
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


# Verbs shown as a nearby action; the note is shown in the Studio before rendering.
_PARAPHRASES: tuple[tuple[str, ActionName, str], ...] = (
    (
        r"\bhands? (?:over|on|to) (?:his |her |their |its )?(?:mouth|face|cheeks)\b",
        "surprised",
        sentence("acting.shown_as_surprise", "is shown as hands up in surprise"),
    ),
    (r"\bkiss(?:es|ed|ing)?\b", "hug", sentence("acting.shown_as_hug", "is shown as a hug")),
    (
        r"\b(?:tap|taps|tapped|tapping|type|types|typed|typing|press|presses|pressed)\b",
        "point",
        sentence("acting.shown_as_pointing", "is shown as pointing"),
    ),
    (
        r"\b(?:takes?|took|taking) a (?:photo|picture|selfie)\b",
        "hold",
        sentence("acting.shown_as_phone", "is shown as holding up a phone"),
    ),
    (r"\bblows? out\b", "hold", sentence("acting.shown_as_cake", "is shown as holding the cake")),
    (
        r"\b(?:gives?|gave|giving) (?:a |two )?thumbs? up\b",
        "cheer",
        sentence("acting.shown_as_cheer", "is shown as a cheer"),
    ),
    (
        r"\b(?:leans?|leaned|leaning)\b",
        "stand",
        sentence("acting.shown_as_standing", "is shown as standing"),
    ),
    (
        r"\b(?:crouch|crouches|crouched|crouching|squat|squats|squatted|hides?|hid|hiding)\b",
        "kneel",
        sentence("acting.shown_as_crouching", "is shown as crouching low"),
    ),
    (
        r"\b(?:smiles?|smiled|smiling|grins?|grinned|grinning)\b",
        "laugh",
        sentence("acting.shown_as_light_laugh", "is shown as a light laugh"),
    ),
    (
        r"\b(?:tears?|tore|torn|tearing|opens?|opened|opening|unwraps?|unwrapped|unwrapping)\b",
        "hold",
        sentence("acting.shown_as_holding_up", "is shown as holding it up"),
    ),
    (
        r"\b(?:breathes?|breathed|breathing|takes? a breath|sighs?|sighed|sighing)\b",
        "nod",
        sentence("acting.shown_as_slow_nod", "is shown as a slow nod"),
    ),
    (
        r"\b(?:ties?|tied|tying)\b",
        "hold",
        sentence("acting.shown_as_waist", "is shown as holding something at the waist"),
    ),
    (
        r"\b(?:presses? against|peers?|peered|peering)\b",
        "look_at",
        sentence("acting.shown_as_view", "is shown as looking at the view"),
    ),
)

# Verbs the renderer cannot show at all; the note says what happens instead.
_UNSHOWABLE = re.compile(
    r"\b(?:cook(?:s|ed|ing)?|bak(?:e|es|ed|ing)|stir(?:s|red|ring)?|chop(?:s|ped|ping)?|"
    r"driv(?:e|es|ing)|drove|swim(?:s|ming)?|swam|fl(?:y|ies|ying)|flew|sleep(?:s|ing)?|slept|"
    r"fight(?:s|ing)?|fought|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
    r"fall(?:s|ing)?|fell|slip(?:s|ped|ping)?|paint(?:s|ed|ing)?|draw(?:s|ing)?|drew|writ(?:e|es|ing)|wrote|"
    r"rid(?:e|es|ing)|rode|ski(?:s|ed|ing)?|surf(?:s|ed|ing)?|settles?|settled|"
    r"kick(?:ing)? up)\b",
    re.IGNORECASE,
)
# "写" (write) but not "特写", the close-up a Chinese shot description opens with.
_UNSHOWABLE_CHINESE = re.compile(r"做饭|烤|炒|开车|游泳|飞|睡|打架|踢|爬|摔|画|(?<!特)写|骑|冲浪")

_PROPS: tuple[tuple[PropName, str, str], ...] = (
    ("guitar", r"guitars?|ukuleles?|chords?", "吉他"),
    ("phone", r"(?:smart)?phones?|mobile|selfie|photos?|pictures?", "手机|电话"),
    ("glass", r"glass(?:es)?|champagne|wine|toast|cheers", "酒杯|玻璃杯|香槟|红酒|啤酒"),
    ("cup", r"cups?|mugs?|coffee|tea|drinks?", "杯子|咖啡|茶|杯"),
    ("ball", r"balls?|frisbee", "球"),
    ("gift", r"gifts?|presents?|box(?:es)?|parcel", "礼物|礼盒"),
    ("cake", r"cakes?|cupcakes?|candles?|pie|cookies?|bag of flour|flour", "蛋糕|蜡烛|饼干|面粉"),
    ("book", r"books?|letters?|notebooks?|map", "书|信|地图"),
    ("microphone", r"microphones?|\bmic\b|mike", "麦克风|话筒"),
)

# Words that start a new clause: a verb after them belongs to the nearest role before them.
_CLAUSE_BREAK = re.compile(
    r"[.;:!?。；：！？，]|,\s*(?:and then|then|while|as|before|after|and)\b|\b(?:while|as|then)\b"
    r"|(?=,\s*who\b)|然后|同时|接着|并且",
    re.IGNORECASE,
)
# Joins several roles into one subject: "@a and @b hug", "@a、@b和@c 跳起来".
_AND_MENTION = re.compile(r"(?:\s+and\s+|\s*[和与跟]\s*)@([A-Za-z0-9_]+)", re.IGNORECASE)
_SUBJECT_JOIN = re.compile(r"^(?:\s*(?:,|and|&|和|与|跟|、)\s*|\s+)$", re.IGNORECASE)
# English words that look like verbs but are not actions.
_NOT_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "does",
        "did",
        "gets",
        "its",
        "his",
        "hers",
        "theirs",
        "this",
        "thus",
        "yes",
        "less",
        "across",
        "always",
        "perhaps",
        "sometimes",
        "towards",
        "afterwards",
        "ones",
        "lights",
        "sunsets",
        "bulbs",
        "windows",
        "nothing",
        "something",
        "everything",
        "thing",
        "things",
        "during",
        "morning",
        "evening",
        "building",
        "ceiling",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class ActionCue:
    """One action a role performs in a shot, in the order the text gives.

    Attributes:
        role: The performing role.
        action: The action.
        target: The other role it is done with or toward (hug, look at), if any.
        prop: The prop it uses, if any.
        words: The words it was read from (for notes and tests).
    """

    role: str
    action: ActionName
    target: str | None = None
    prop: PropName | None = None
    words: str = ""


@dataclass(frozen=True)
class ShotActions:
    """What a shot's description asks of its roles, and the notes about what it cannot show."""

    cues: tuple[ActionCue, ...]
    notes: tuple[str, ...]

    def for_role(self, role: str) -> tuple[ActionCue, ...]:
        """The role's cues in order."""
        return tuple(cue for cue in self.cues if cue.role == role)


def find_actions(description: str, roles: Iterable[str]) -> ShotActions:
    """Read the actions a shot description gives each role.

    A verb belongs to the roles named right before it in its clause ("@a and @b hug"); in a
    clause that names none, to the roles of the clause before ("@a waves, then laughs"); after
    ", who", to the role named last ("… at the feet of @b, who kneels"). A role named after the
    verb in the same clause is its target ("@a hugs @b").

    Args:
        description: The shot description with ``@role`` mentions.
        roles: The script's role names.

    Returns:
        The cues in text order, and a note for each verb shown differently or not at all.
    """
    known = set(roles)
    cues: list[ActionCue] = []
    notes: list[str] = []
    subject: tuple[str, ...] = ()
    last_named: str | None = None
    for clause in _clauses(description, known):
        named, rest, target = _subject_and_rest(clause, known)
        if re.match(r"\s*,?\s*who\b", clause, re.IGNORECASE) and last_named:
            named, rest = (last_named,), re.sub(r"^\s*,?\s*who\b", "", clause, flags=re.I)
        subject = named or subject
        mentioned = [m.group(1).lower() for m in MENTION.finditer(clause)]
        last_named = next((n for n in reversed(mentioned) if n in known), last_named)
        if not subject:
            continue
        found = _match_actions(rest)
        for action, words, note in found:
            spec = SPECS[action]
            prop = (_prop_in(rest) if action in _PROP_ACTIONS else None) or spec.prop
            if note:
                notes.append(sentence("acting.paraphrase", "'{words}' {shown}.", words=words,
                                      shown=note))  # fmt: skip
            for role in subject:
                partner = (target or _co_subject(subject, role)) if spec.partner else target
                cues.append(ActionCue(role, action, partner, prop, words))
            if spec.partner and target and target not in subject:
                # The one being hugged hugs back: both walk in and meet.
                cues.append(ActionCue(target, action, subject[0], prop, words))
        unknown = _unknown_verb(rest, found)
        if unknown:
            notes.append(sentence(
                "acting.unknown_verb",
                "'{words}' is not an action the animated renderer knows; {who} stays in place.",
                words=unknown, who=_both(subject),
            ))  # fmt: skip
    for words in _unshowable_words(description):
        notes.append(sentence(
            "acting.unshowable",
            "'{words}' can't be shown by the animated renderer; the role stays in place.",
            words=words,
        ))  # fmt: skip
    return ShotActions(tuple(_dedupe(cues)), tuple(dict.fromkeys(notes)))


def _both(names: tuple[str, ...]) -> Sentence | str:
    """Roles as "@a and @b" (in the reader's language, through the web layer)."""
    if len(names) <= 1:
        return "".join(f"@{name}" for name in names)
    return sentence("acting.and", "{others} and {last}", others=_both(names[:-1]),
                    last=f"@{names[-1]}")  # fmt: skip


def performer_notes(cues: Iterable[ActionCue], performers: Mapping[str, Performer]) -> list[str]:
    """Notes for actions a performer without arms shows differently.

    Args:
        cues: A script's cues.
        performers: Role -> "body" (rigged) or "sprite" (moved as one piece).

    Returns:
        E.g. "@rex has no arms to 'waves': it is shown as wag."
    """
    notes = []
    for cue in cues:
        if performers.get(cue.role) != "sprite":
            continue
        shown = sprite_version(cue.action)
        if shown != cue.action:
            notes.append(
                f"@{cue.role} has no arms to '{cue.words}': it is shown as "
                f"{shown.replace('_', ' ')}."
            )
    return list(dict.fromkeys(notes))


def sprite_version(action: ActionName) -> ActionName:
    """The action a performer without a body rig shows for ``action``."""
    return SPECS[action].sprite_action or action


_PROP_ACTIONS = frozenset(
    {"pick_up", "hold", "play", "give", "raise_glass", "drink", "throw", "eat", "fetch"}
)
_SKIP_WORDS = frozenset(
    [
        "then",
        "also",
        "just",
        "still",
        "now",
        "suddenly",
        "finally",
        "slowly",
        "quickly",
        "gently",
        "happily",
        "proudly",
        "softly",
        "both",
        "all",
        "together",
        "again",
        "first",
        "who",
    ]
)


def _clauses(description: str, known: set[str]) -> list[str]:
    parts, start = [], 0
    for match in _CLAUSE_BREAK.finditer(description):
        if match.start() > start:
            parts.append(description[start : match.start()])
        start = max(start, match.end())
    parts.append(description[start:])
    clauses = []
    for part in parts:
        clauses += _split_before_new_subject(part, known)
    return [clause for clause in clauses if clause.strip()]


def _split_before_new_subject(clause: str, known: set[str]) -> list[str]:
    """'@a throws a ball and @b fetches it' -> two clauses (an action comes before 'and @b')."""
    for join in _AND_MENTION.finditer(clause):
        name = join.group(1).lower()
        if name in known and _match_actions(clause[: join.start()]):
            return [
                clause[: join.start()],
                *_split_before_new_subject(clause[join.start() :].lstrip(" ,，和与跟and"), known),
            ]
    return [clause]


def _subject_and_rest(clause: str, known: set[str]) -> tuple[tuple[str, ...], str, str | None]:
    """Roles named at the head of a clause (joined by 'and'), the text after them, a target."""
    mentions = [m for m in MENTION.finditer(clause) if m.group(1).lower() in known]
    if not mentions:
        return (), clause, None
    # "Close-up of @lead's hands picking up…": a possessive still names who acts.
    subject = [mentions[0].group(1).lower()]
    end = mentions[0].end()
    for mention in mentions[1:]:
        if _SUBJECT_JOIN.match(clause[end : mention.start()]):
            subject.append(mention.group(1).lower())
            end = mention.end()
        else:
            break
    rest = clause[end:]
    later = [m.group(1).lower() for m in MENTION.finditer(rest) if m.group(1).lower() in known]
    target = next((name for name in later if name not in subject), None)
    return tuple(dict.fromkeys(subject)), rest, target


def _co_subject(subject: tuple[str, ...], role: str) -> str | None:
    others = [name for name in subject if name != role]
    return others[0] if others else None


def _match_actions(text: str) -> list[tuple[ActionName, str, str]]:
    """Every action named in ``text``, in order: (action, the words, a note or '').

    Overlapping matches keep the longest ("跳舞" is dance, not jump; "walks in" is enter).
    """
    candidates: list[tuple[int, int, ActionName, str]] = []
    for pattern, action, note in _PARAPHRASES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            candidates.append((match.start(), match.end(), action, note))
    for spec in _TABLE:
        for pattern in spec.english:
            for match in re.finditer(rf"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", text, re.I):
                candidates.append((match.start(), match.end(), spec.name, ""))
        for pattern in spec.chinese:
            for match in re.finditer(pattern, text):
                candidates.append((match.start(), match.end(), spec.name, ""))
    # Longest first; a paraphrase (listed first) wins a tie, so its note is kept.
    candidates.sort(key=lambda item: item[0] - item[1])
    taken: list[tuple[int, int, ActionName, str]] = []
    for start, end, action, note in candidates:
        if all(end <= a or start >= b for a, b, _, _ in taken):
            taken.append((start, end, action, note))
    taken.sort(key=lambda item: item[0])
    return [(action, text[start:end].strip(), note) for start, end, action, note in taken]


def _unknown_verb(rest: str, found: list[tuple[ActionName, str, str]]) -> str | None:
    """The verb right after the subject, when no action, paraphrase or rule covers it."""
    if rest.lstrip().startswith(("'", "’")):
        return None  # "@lead's hands …": a possessive, not a verb
    words = _WORD.findall(rest)
    while words and (words[0].lower() in _SKIP_WORDS or words[0].lower().endswith("ly")):
        words = words[1:]
    if not words:
        return None
    word = words[0].lower()
    if not word.endswith(("s", "ing", "ed")) or word.endswith("ss") or word in _NOT_VERBS:
        return None
    if any(word in matched.lower() for _, matched, _ in found) or _UNSHOWABLE.search(word):
        return None
    return words[0]


def _prop_in(text: str) -> PropName | None:
    best: tuple[int, PropName] | None = None
    for prop, english, chinese in _PROPS:
        for pattern in (rf"\b(?:{english})\b", chinese):
            match = re.search(pattern, text, re.IGNORECASE)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), prop)
    return best[1] if best else None


def _unshowable_words(description: str) -> list[str]:
    words = [match.group(0) for match in _UNSHOWABLE.finditer(description)]
    words += [match.group(0) for match in _UNSHOWABLE_CHINESE.finditer(description)]
    return words


def _dedupe(cues: list[ActionCue]) -> list[ActionCue]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for cue in cues:
        key = (cue.role, cue.action)
        if key not in seen:
            seen.add(key)
            kept.append(cue)
    return kept


def action_table() -> str:
    """The docs' action table (Markdown): each action, how it is drawn, presets using it.

    Run ``python -m core.scripts.actions > docs/actions.md`` after changing the vocabulary or
    the presets.
    """
    from core.scripts.templates import load_templates  # the presets import this module's users

    used: dict[str, list[str]] = {name: [] for name in ACTION_NAMES}
    for template in load_templates():
        roles = [role.name for role in template.script.roles]
        for shot in template.script.shots:
            for cue in find_actions(shot.description, roles).cues:
                if template.id not in used[cue.action]:
                    used[cue.action].append(template.id)
    lines = [
        "| action | example words (English · 中文) | how it is drawn | pets and unrigged "
        "subjects | presets using it |",
        "|---|---|---|---|---|",
    ]
    for spec in _TABLE:
        english, chinese = EXAMPLES[spec.name]
        sprite = sprite_version(spec.name).replace("_", " ")
        lines.append(
            f"| {spec.name.replace('_', ' ')} | {english} · {chinese} | {spec.shown_as} "
            f"| {sprite} | {', '.join(used[spec.name]) or '—'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(action_table())
