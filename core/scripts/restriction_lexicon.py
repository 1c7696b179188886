"""The reviewable lexicon behind owners' restrictions: one category per common restriction.

Each :class:`RestrictionCategory` lists
- ``owner_words``: how owners name it ("alcohol", "drinking", "booze", "喝酒"); a restriction
  clause containing one of them means the category;
- ``terms``: what a script must not contain, as regular expressions over lower-case text
  (English with word boundaries and inflections, Chinese as plain substrings);
- ``benign``: look-alikes that contain a term but mean something else ("fruit punch",
  "photo shoot", "酒店" = hotel); they are blanked out before the terms are searched;
- ``examples``: phrases shown to the owner when they save, so they see how they were understood;
- ``meaning``: a sentence used to map an owner's own wording onto the category by sentence
  embedding (:mod:`core.scripts.restrictions`) when no owner word matches.

Edit this file to widen or narrow a category; tests/core/scripts/test_restriction_set.py holds
the labelled phrases every change must still pass.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RestrictionCategory:
    """One common restriction and the words that break it."""

    name: str
    meaning: str
    owner_words: tuple[str, ...]
    terms: tuple[str, ...]
    benign: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


# English inflections written out in the patterns: (?:es|ed|ing)? etc.
# fmt: off
CATEGORIES: tuple[RestrictionCategory, ...] = (
    RestrictionCategory(
        name="alcohol",
        meaning="alcohol: drinking beer, wine, spirits or cocktails, getting drunk, bars",
        owner_words=(
            "alcohol", "alcoholic", "drinking", "drink", "drinks", "booze", "boozy", "boozing",
            "liquor",
            "drunk", "drunkenness", "beer", "wine", "spirits", "intoxication", "tipsy",
            "喝酒", "饮酒", "酒", "酒精", "醉酒", "喝醉",
        ),
        terms=(
            r"\balcohol(?:ic)?\b", r"\bbeers?\b", r"\bwines?\b", r"\bchampagne\b",
            r"\bprosecco\b", r"\bcocktails?\b", r"\bwhisk(?:e)?y\b", r"\bvodka\b", r"\brum\b",
            r"\bgin\b", r"\btequila\b", r"\bsake\b", r"\bbrandy\b", r"\bcognac\b",
            r"\bliquor\b", r"\bbooze\b", r"\bboozy\b", r"\bmargaritas?\b", r"\bmojitos?\b",
            r"\bmartinis?\b", r"\bdrunk(?:en)?\b",
            r"\btipsy\b", r"\bhangover\b", r"\bwasted\b", r"\bintoxicated\b",
            r"\bbartender\b", r"\b(?:at|in|to|into) (?:a|the) (?:bar|pub)\b", r"\bpubs?\b",
            r"\btavern\b", r"\bbrewery\b", r"\bwinery\b", r"\b(?:raise|raises|raised|raising"
            r"|make|makes|made|making|propose|proposes|proposed) a toast\b",
            r"\btoast(?:s|ed|ing)? (?:to|the) (?:the|our|your|my|his|her|their|@\w+|couple|bride"
            r"|groom|new year)\b",
            "酒吧", "喝酒", "饮酒", "啤酒", "红酒", "白酒", "葡萄酒", "香槟", "鸡尾酒", "威士忌",
            "伏特加", "醉", "干杯", "敬酒", "酒",
        ),
        benign=(
            r"\bginger\b", r"\brum(?:ble|p)\b", r"\bbar (?:chart|graph|code|exam|stool)s?\b",
            r"\b(?:chocolate|candy|snack|salad|granola|protein|pull-?up|space|health) bars?\b",
            r"\bwasted (?:time|paper|food|effort)\b",
            r"\bfor the sake of\b", r"\bfor (?:my|your|his|her|our|their) sake\b",
            "酒店", "陶醉", "醉人的风景",
        ),
        examples=(
            "sips a glass of red wine", "raises a toast with champagne", "gets drunk",
            "orders a cocktail at the bar", "啤酒", "喝酒",
        ),
    ),
    RestrictionCategory(
        name="violence",
        meaning="violence: fighting, hitting, punching, shooting, stabbing, killing, weapons",
        owner_words=(
            "violence", "violent", "fighting", "fights", "fight", "gore", "gory", "blood",
            "bloody", "fisticuffs", "punching", "brawls", "brawling", "weapons",
            "weapon", "guns", "hitting", "brutality", "combat", "暴力", "打架", "打斗", "武器",
            "血腥", "枪",
        ),
        terms=(
            r"\bviolen(?:ce|t)\b", r"\bpunch(?:es|ed|ing)?\b", r"\bfist ?fights?\b",
            r"\bfight(?:s|ing)?\b", r"\bfought\b", r"\bbrawl(?:s|ing)?\b",
            r"\bslap(?:s|ped|ping)?\b",
            r"\bkick(?:s|ed|ing)? (?:him|her|them|me|you|@\w+|each other)\b",
            r"\bbeat(?:s|ing)? (?:him|her|them|me|you|@\w+|each other|up)\b", r"\bbeaten up\b",
            r"\bshoot(?:s|ing)?\b", r"\bshot (?:at|him|her|them|dead|@\w+)\b", r"\bguns?\b",
            r"\bpistols?\b", r"\brifles?\b", r"\bstab(?:s|bed|bing)?\b", r"\bkill(?:s|ed|ing)?\b",
            r"\bmurder(?:s|ed|ing)?\b", r"\bsword ?fights?\b", r"\bswords?\b", r"\bknife\b",
            r"\bknives\b", r"\bblood(?:y)?\b", r"\bgore\b", r"\battack(?:s|ed|ing)?\b",
            r"\bstrangl(?:e|es|ed|ing)\b", r"\bchok(?:e|es|ed|ing) (?:him|her|them|@\w+)\b",
            r"\bexplo(?:de|des|ded|sion)\b", r"\bbombs?\b", r"\bwar\b", r"\btortur(?:e|es|ed)\b",
            "暴力", "打架", "打斗", "拳打", "揍", "开枪", "枪", "刀", "剑", "杀", "血", "砍",
            "打人", "殴打", "爆炸",
        ),
        benign=(
            r"\bpunch ?lines?\b", r"\bfruit punch\b", r"\bpunch bowl\b", r"\bhole punch\b",
            r"\bpunch(?:es|ed)? (?:in|out) (?:at|for) work\b", r"\bphoto ?shoots?\b",
            r"\bshoot(?:s|ing)? (?:a|the) (?:video|photo|film|movie|scene)\b",
            r"\bshooting stars?\b", r"\bbamboo shoots\b", r"\bwater ?guns?\b",
            r"\bglue guns?\b", r"\bkill(?:s|ing)? time\b", r"\bpillow fights?\b",
            r"\bsnowball fights?\b", r"\bbutter knife\b", r"\bbath bombs?\b",
            r"\bphotobomb(?:s|ed|ing)?\b", r"\bfight(?:s|ing)? (?:for|against) (?:a|the|their|"
            r"his|her)? ?(?:cause|rights|climate|change|cancer)\b", "刀削面", "剪刀",
        ),
        examples=(
            "punches him in the face", "a sword fight", "shoots at the car", "stabs",
            "打架", "开枪",
        ),
    ),
    RestrictionCategory(
        name="kissing",
        meaning="kissing: kisses, smooching, making out, romantic physical intimacy",
        owner_words=(
            "kissing", "kiss", "kisses", "smooching", "smooch", "making out", "make out",
            "romance", "romantic", "pda", "亲吻", "接吻", "亲嘴", "吻", "亲热",
        ),
        terms=(
            r"\bkiss(?:es|ed|ing)?\b", r"\bsmooch(?:es|ed|ing)?\b",
            r"\bmak(?:e|es|ing) out\b", r"\bmade out\b", r"\bsnog(?:s|ged|ging)?\b",
            r"\bpeck on the (?:cheek|lips)\b", r"\blip ?lock\b", r"\bfrench kiss\b",
            "亲吻", "接吻", "亲嘴", "吻", "亲热", "亲了",
        ),
        benign=(r"\bhershey'?s kisses\b", r"\bkiss (?:the|my) (?:ring|dice)\b", "吻合"),
        examples=("kisses her", "they smooch", "a kiss goodbye", "make out", "亲吻", "接吻"),
    ),
    RestrictionCategory(
        name="smoking",
        meaning="smoking: cigarettes, cigars, vaping, tobacco",
        owner_words=("smoking", "smoke", "cigarettes", "tobacco", "vaping", "抽烟", "吸烟"),
        terms=(
            r"\bsmok(?:e|es|ed|ing)\b", r"\bcigarettes?\b", r"\bcigars?\b", r"\bvap(?:e|es|ing)\b",
            r"\btobacco\b", r"\bhookah\b", r"\bpipe of tobacco\b", "抽烟", "吸烟", "香烟",
            "雪茄", "烟斗",
        ),
        benign=(r"\bsmoke (?:alarm|detector|machine)\b", r"\bsmoked (?:salmon|cheese|ham)\b"),
        examples=("smokes a cigarette", "lights a cigar", "vaping", "抽烟"),
    ),
    RestrictionCategory(
        name="drugs",
        meaning="illegal drugs: marijuana, cocaine, getting high",
        owner_words=("drugs", "drug", "narcotics", "weed", "marijuana", "毒品", "吸毒"),
        terms=(
            r"\bdrugs?\b", r"\bweed\b", r"\bmarijuana\b", r"\bcannabis\b", r"\bcocaine\b",
            r"\bheroin\b", r"\bget(?:s|ting)? high\b", r"\bstoned\b",
            r"\bsmok(?:e|es|ing) a joint\b",
            r"\bpills\b", "毒品", "吸毒", "大麻", "可卡因",
        ),
        benign=(r"\bdrug ?store\b", r"\bweed(?:s|ing)? the garden\b", r"\bpull(?:s|ing)? weeds\b"),
        examples=("smokes weed", "snorts cocaine", "gets high", "毒品"),
    ),
    RestrictionCategory(
        name="nudity",
        meaning="nudity and sexual content: naked, undressing, sex, lingerie",
        owner_words=(
            "nudity", "nude", "naked", "sexual", "sex", "sexy", "explicit", "undressing",
            "裸体", "裸露", "色情", "性感",
        ),
        terms=(
            r"\bnaked\b", r"\bnude\b", r"\bnudity\b", r"\btopless\b", r"\bundress(?:es|ed|ing)?\b",
            r"\bstrip(?:s|ped|ping)? (?:off|naked|down)\b", r"\bstriptease\b", r"\bsex(?:y|ual)?\b",
            r"\blingerie\b", r"\bin (?:his|her|their) underwear\b", "裸", "色情", "脱衣", "性感",
        ),
        examples=("gets naked", "undresses", "a sexy dance in lingerie", "裸体"),
    ),
    RestrictionCategory(
        name="gambling",
        meaning="gambling: casinos, betting money, poker, slot machines",
        owner_words=("gambling", "gamble", "betting", "casino", "赌博", "赌"),
        terms=(
            r"\bgambl(?:e|es|ed|ing)\b", r"\bcasinos?\b", r"\bpoker\b", r"\bblackjack\b",
            r"\broulette\b", r"\bslot machines?\b", r"\bbet(?:s|ting)? (?:on|money|\$)\b",
            r"\bplac(?:e|es|ed|ing) a bet\b", "赌博", "赌场", "下注", "老虎机",
        ),
        examples=("plays poker at the casino", "bets money on a horse", "赌博"),
    ),
    RestrictionCategory(
        name="swearing",
        meaning="swearing: profanity, curse words, insults, rude language",
        owner_words=(
            "swearing", "swear", "profanity", "cursing", "curse words", "bad language",
            "obscenities", "脏话", "骂人", "粗口",
        ),
        terms=(
            r"\bswear(?:s|ing)?\b", r"\bcurs(?:e|es|ed|ing) (?:at|him|her|them|@\w+)\b",
            r"\bdamn\b", r"\bhell\b", r"\bshit\w*\b", r"\bfuck\w*\b", r"\bbitch\w*\b",
            r"\bbastard\b", r"\basshole\b", r"\bcrap\b", "脏话", "骂人", "他妈", "操", "混蛋",
        ),
        benign=(r"\bswear(?:s)? an oath\b", "操场", "操作"),
        examples=("swears at him", "says “damn it”", "脏话"),
    ),
)
# fmt: on


def category_named(name: str) -> RestrictionCategory:
    """The category called ``name``.

    Raises:
        KeyError: No such category.
    """
    for category in CATEGORIES:
        if category.name == name:
            return category
    raise KeyError(name)


__all__ = ["CATEGORIES", "RestrictionCategory", "category_named"]
