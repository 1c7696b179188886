"""Free text → ``Script``: "Shot 1: … Shot 2: …", "镜头一，… 镜头二，…" or numbered lines.

Each ``@handle`` becomes a role named after the handle; the caller resolves handles to doubles
the user may use. Quoted dialogue goes to the speaker written right before it ("@maya: “Hi”",
"@maya says “Hi”") or else to the nearest @mention before the quote in the same shot.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TypeVar

from core.scripts.model import (
    MAX_SHOTS,
    MAX_TITLE_CHARS,
    MAX_TOTAL_SECONDS,
    MENTION,
    DialogueLine,
    Role,
    Script,
    ScriptError,
    Shot,
    clean_text,
    speaking_seconds,
    validate_script,
)
from core.sentences import sentence
from core.types import HANDLE_PATTERN, CameraMove, Framing, SceneName

MAX_INPUT_CHARS = 4000
DEFAULT_SHOT_SECONDS = 3.0
DEFAULT_SCENE: SceneName = "living_room"
_T = TypeVar("_T")

_ENGLISH_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SHOT_MARKER = re.compile(
    r"(?:\bshot\s*(?:\d+|"
    + "|".join(_ENGLISH_NUMBERS)
    + r")\b|镜头\s*(?:[一二三四五六七八九十]+|\d+))"
    r"\s*[:：,，.、\-–—)）]?\s*",
    re.IGNORECASE,
)
_NUMBERED_LINE = re.compile(r"^\s*\d{1,2}\s*[.)）、]\s*", re.MULTILINE)
# "(3s)", "3 seconds", "2.5s", "3秒", "（2.5 秒）": the first one in a shot is its duration.
_DURATION = re.compile(
    r"[(（]\s*(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?|秒)\s*[)）]"
    r"|(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)\s*(?:(?:seconds?|secs?|s)\b|秒钟?)",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|『([^』]+)』")
# The speech verb (and colon) right before a quote, removed from the description with the quote.
_SPEECH_LEAD_IN = re.compile(
    r"(?:[,，]?\s*(?:and\s+)?(?:says|said|asks|whispers|replies|shouts|yells|sings|answers|adds|"
    r"murmurs|calls|laughs)\b)?\s*(?:[:：,，]|说[:：]?|问[:：]?|喊[:：]?)?\s*$",
    re.IGNORECASE,
)
# "@maya says to @leo:", "@maya tells @leo", "@maya对@leo说：" — the speaker is the first handle.
_DIRECTED_SPEAKER = re.compile(
    r"@(" + HANDLE_PATTERN + r")\s*(?:(?:says|said|whispers|shouts|yells|replies)\s+to|tells|asks|"
    r"对|跟|向)\s*@" + HANDLE_PATTERN + r"\s*(?:说)?\s*[:：,，]?\s*$",
    re.IGNORECASE,
)
_EXPLICIT_SPEAKER = re.compile(
    r"@(" + HANDLE_PATTERN + r")\s*(?:[:：]|(?:says|said|asks|whispers|replies|shouts|yells|sings)"
    r"\b\s*[:：,]?|说\s*[:：]?)\s*$",
    re.IGNORECASE,
)

# First match wins, so the more specific phrases come first.
_FRAMING_WORDS: tuple[tuple[str, Framing], ...] = (
    (r"over[- ]the[- ]shoulder|过肩", "over-the-shoulder"),
    (r"two[- ]shot|双人镜头", "two-shot"),
    (r"close[- ]?up|特写|近景", "close-up"),
    (r"\bmedium\b|\bmid[- ]shot\b|中景", "medium"),
    (r"\bwide\b|long shot|establishing|远景|全景", "wide"),
)
_CAMERA_WORDS: tuple[tuple[str, CameraMove], ...] = (
    (r"push(?:es|ing)?[- ]in|dolly[- ]in|zoom(?:s|ing)?[- ]in|推镜头|推近|推进", "push-in"),
    (r"pull(?:s|ing)?[- ](?:out|back)|zoom(?:s|ing)?[- ]out|拉镜头|拉远", "pull-out"),
    (r"\bpan(?:s|ning|ned)?\b|摇镜头|横摇|摇摄", "pan"),
    (r"\bstatic\b|固定镜头", "static"),
)
_SCENE_WORDS: tuple[tuple[str, SceneName], ...] = (
    (r"space|station|orbit|太空|空间站|飞船", "space_station"),
    (r"rooftop|roof|天台|屋顶", "rooftop_dusk"),
    (r"window|apartment|night city|窗", "night_city_window"),
    (r"\bbeach|\bsea\b|ocean|sunset|海边|沙滩|日落", "beach_sunset"),
    (r"\bstage|spotlight|concert|舞台|聚光灯", "stage_spotlight"),
    (r"kitchen|cook|bake|厨房|做饭", "cozy_kitchen"),
    (r"\bpark\b|garden|picnic|公园|花园|草地", "sunny_park"),
    (r"living room|sofa|couch|客厅|沙发", "living_room"),
)


class ScriptParseError(ScriptError):
    """Free text that cannot be turned into a script."""


@dataclass(frozen=True)
class ParsedScript:
    """A parsed, validated script and the ``@handles`` it names, in first-use order."""

    script: Script
    handles: tuple[str, ...]


@dataclass(frozen=True)
class _DraftShot:
    description: str
    dialogue: tuple[DialogueLine, ...]
    framing: Framing
    camera: CameraMove
    scene: SceneName
    duration: float | None


def parse_script(text: str, *, title: str | None = None) -> ParsedScript:
    """Parse a free-text multi-shot script.

    Args:
        text: E.g. ``'Shot 1: wide, @maya at the window. Shot 2 (3s): close-up, @maya says "Hi"'``.
        title: A title to use; otherwise the text before the first shot, else the first shot.

    Returns:
        The validated script (roles named after the handles) and the handles.

    Raises:
        ScriptParseError: The text is too long, has no shots or more than 6, a quote has no
            speaker, a handle is malformed, or explicit durations pass 15 s.
        ScriptError: The parsed script breaks a script rule (see ``validate_script``).
    """
    if len(text) > MAX_INPUT_CHARS:
        raise ScriptParseError(sentence(
            "scripts.text_too_long",
            "The script text is {length} characters; the limit is {limit}.",
            length=len(text), limit=MAX_INPUT_CHARS,
        ))  # fmt: skip
    preamble, chunks = _split_shots(text)
    if not chunks:
        raise ScriptParseError(sentence(
            "scripts.no_shots_found",
            'No shots found. Start each shot with "Shot 1:", "镜头一，" or a number like "1.".',
        ))  # fmt: skip
    if len(chunks) > MAX_SHOTS:
        raise ScriptParseError(sentence(
            "scripts.text_too_many_shots", "The text has {count} shots; the limit is {limit}.",
            count=len(chunks), limit=MAX_SHOTS,
        ))  # fmt: skip
    drafts: list[_DraftShot] = []
    for number, chunk in enumerate(chunks, start=1):
        previous_scene = drafts[-1].scene if drafts else DEFAULT_SCENE
        drafts.append(_parse_shot(chunk, number, previous_scene))
    durations = _fill_durations(drafts)
    handles = _handles_in_order(drafts)
    shots = tuple(
        Shot(
            framing=draft.framing,
            camera=draft.camera,
            duration=duration,
            description=draft.description,
            dialogue=draft.dialogue,
            scene=draft.scene,
        )
        for draft, duration in zip(drafts, durations, strict=True)
    )
    script = Script(
        title=_pick_title(title, preamble, drafts[0].description),
        roles=tuple(Role(name=handle) for handle in handles),
        shots=shots,
    )
    return ParsedScript(script=validate_script(script), handles=handles)


def _split_shots(text: str) -> tuple[str, list[str]]:
    markers = list(_SHOT_MARKER.finditer(text))
    if not markers:
        markers = list(_NUMBERED_LINE.finditer(text))
    if not markers:
        return text.strip(), []
    ends = [marker.start() for marker in markers[1:]] + [len(text)]
    chunks = [text[marker.end() : end].strip() for marker, end in zip(markers, ends, strict=True)]
    return text[: markers[0].start()].strip(), chunks


def _parse_shot(chunk: str, number: int, previous_scene: SceneName) -> _DraftShot:
    chunk = clean_text(chunk, where=sentence("scripts.where_shot", "Shot {number}", number=number))
    _check_handles(chunk, number)
    duration: float | None = None
    duration_match = _DURATION.search(chunk)
    if duration_match:
        duration = float(duration_match.group(1) or duration_match.group(2))
        chunk = chunk[: duration_match.start()] + " " + chunk[duration_match.end() :]
        # "(wide, 3s)" leaves "(wide, )": drop the dangling separator and any emptied brackets
        chunk = re.sub(r"[,，]\s*([)）])", r"\1", chunk)
        chunk = re.sub(r"[(（]\s*[)）]", " ", chunk)
    description, dialogue = _take_dialogue(chunk, number)
    mentioned = tuple(dict.fromkeys(m.lower() for m in MENTION.findall(description)))
    return _DraftShot(
        description=description,
        dialogue=dialogue,
        framing=_first_match(_FRAMING_WORDS, chunk) or _default_framing(len(mentioned)),
        camera=_first_match(_CAMERA_WORDS, chunk) or "static",
        scene=_first_match(_SCENE_WORDS, chunk) or previous_scene,
        duration=duration,
    )


def _check_handles(chunk: str, number: int) -> None:
    for name in MENTION.findall(chunk):
        if not re.fullmatch(HANDLE_PATTERN, name.lower()):
            raise ScriptParseError(sentence(
                "scripts.bad_handle",
                "Shot {number} mentions @{name}, which is not a valid handle: handles are 3–24 "
                "characters of a–z, 0–9 and _.",
                number=number, name=name,
            ))  # fmt: skip


def _take_dialogue(chunk: str, number: int) -> tuple[str, tuple[DialogueLine, ...]]:
    """Pull quoted lines out of a shot, each with its speaker; return what is left and the lines."""
    lines: list[DialogueLine] = []
    kept: list[str] = []
    position = 0
    for quote in _QUOTE.finditer(chunk):
        before = chunk[position : quote.start()]
        line_text = next(group for group in quote.groups() if group is not None).strip()
        speaker = _speaker_for(chunk[: quote.start()], line_text, number)
        kept.append(
            _SPEECH_LEAD_IN.sub(
                "", _EXPLICIT_SPEAKER.sub(lambda match: f"@{match.group(1)}", before)
            )
        )
        lines.append(DialogueLine(role=speaker, text=line_text))
        position = quote.end()
    kept.append(chunk[position:])
    description = " ".join(" ".join(kept).split())
    # Tidy punctuation left behind where a quote was cut out ("@maya waves , ." → "@maya waves.")
    description = re.sub(r"\s+([,.!?，。！？])", r"\1", description)
    description = re.sub(r"([,，.。])(?:\s*[,，.。])+", r"\1", description)
    description = description.lstrip(" :：,，.。、-–—").rstrip(" ,，:：")
    if not MENTION.sub("", description).strip(" ,，和and"):
        # Nothing but names is left (a shot made only of dialogue): say what the picture shows.
        names = dict.fromkeys(
            [
                *(f"@{m.lower()}" for m in MENTION.findall(description)),
                *(f"@{line.role}" for line in lines),
            ]
        )
        description = " and ".join(names) + " speaking" if names else ""
    return description, tuple(lines)


def _speaker_for(text_before: str, line_text: str, number: int) -> str:
    for pattern in (_DIRECTED_SPEAKER, _EXPLICIT_SPEAKER):
        explicit = pattern.search(text_before)
        if explicit:
            return explicit.group(1).lower()
    mentions = MENTION.findall(text_before)
    if not mentions:
        raise ScriptParseError(sentence(
            "scripts.line_without_speaker",
            "Shot {number} has the line “{line}” but no @mention before it, so nobody can say it. "
            "Write it as @name: “{line}”.",
            number=number, line=line_text,
        ))  # fmt: skip
    return mentions[-1].lower()


def _first_match(table: tuple[tuple[str, _T], ...], text: str) -> _T | None:
    for pattern, value in table:
        if re.search(pattern, text, re.IGNORECASE):
            return value
    return None


def _default_framing(mention_count: int) -> Framing:
    if mention_count == 1:
        return "medium"
    return "two-shot" if mention_count == 2 else "wide"


def _fill_durations(drafts: list[_DraftShot]) -> list[float]:
    """Honour explicit durations; give the rest an even share of what is left of 15 s.

    A shot with dialogue gets at least the time its lines need (rounded up to half seconds).
    """
    explicit_total = sum(d.duration for d in drafts if d.duration is not None)
    if explicit_total > MAX_TOTAL_SECONDS:
        raise ScriptParseError(sentence(
            "scripts.shots_add_up", "The shots add up to {seconds} s; the limit is {limit} s.",
            seconds=f"{explicit_total:g}", limit=f"{MAX_TOTAL_SECONDS:g}",
        ))  # fmt: skip
    open_shots = [d for d in drafts if d.duration is None]
    if not open_shots:
        return [d.duration for d in drafts if d.duration is not None]
    wanted = {id(d): max(DEFAULT_SHOT_SECONDS, _needed_seconds(d)) for d in open_shots}
    budget = MAX_TOTAL_SECONDS - explicit_total
    scale = min(1.0, budget / sum(wanted.values()))
    # Round down to half seconds so the total stays within the budget.
    return [
        d.duration
        if d.duration is not None
        else max(1.0, math.floor(wanted[id(d)] * scale * 2) / 2)
        for d in drafts
    ]


def _needed_seconds(draft: _DraftShot) -> float:
    speech = sum(speaking_seconds(line.text) for line in draft.dialogue)
    return math.ceil((speech + 0.5) * 2) / 2 if draft.dialogue else 0.0


def _handles_in_order(drafts: list[_DraftShot]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for draft in drafts:
        for name in MENTION.findall(draft.description):
            seen.setdefault(name.lower(), None)
        for line in draft.dialogue:
            seen.setdefault(line.role, None)
    return tuple(seen)


def _pick_title(title: str | None, preamble: str, first_description: str) -> str:
    if title and title.strip():
        return title.strip()[:MAX_TITLE_CHARS]
    first_line = re.sub(r"^(?:title|标题)\s*[:：]\s*", "", preamble.split("\n")[0], flags=re.I)
    if first_line.strip():
        where = sentence("scripts.where_title", "The title")
        return clean_text(first_line, where=where)[:MAX_TITLE_CHARS]
    words = MENTION.sub(lambda m: m.group(1), first_description).split()
    short = " ".join(words[:6]).rstrip(",.，。")
    return (short[:1].upper() + short[1:])[:MAX_TITLE_CHARS] or "My scene"
