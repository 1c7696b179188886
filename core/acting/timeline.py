"""When each role performs which action: the clip's action timeline.

The timeline is plain data, built once per render from the script (and which roles have a body
rig): the renderer poses figures from it, and sound can key foley off it (a clap's ``hits`` are
the moments the hands meet). Within a shot a role's actions follow each other in the order the
description gives them, sharing the shot's time; partner actions (a hug, a fist bump) are timed
the same for both partners.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.scripts.actions import (
    ActionName,
    Performer,
    PropName,
    find_actions,
    performer_notes,
    sprite_version,
)
from core.scripts.model import Script
from core.sentences import sentence

# A gesture repeats inside its span; these are the lengths of one repetition (seconds), which
# also places the "hits" foley can use.
GESTURE_PERIODS: dict[str, float] = {
    "clap": 0.45,
    "wave": 0.6,
    "nod": 0.7,
    "shake_head": 0.6,
    "dance": 0.8,
    "laugh": 0.35,
    "jump": 1.0,
    "wag": 0.3,
    "play": 0.5,
}
# Actions whose contact moment is one point in the span (as a fraction of it).
CONTACT_AT: dict[str, float] = {
    "fist_bump": 0.55,
    "high_five": 0.55,
    "hug": 0.5,
    "raise_glass": 0.6,
    "throw": 0.55,
    "pick_up": 0.45,
    "fetch": 0.85,
    "sit": 0.5,
}
LEAD_IN = 0.15  # an action starts this share of its slot after the slot begins (a beat to read)


@dataclass(frozen=True)
class TimedAction:
    """One action on the clip's timeline.

    Attributes:
        role: Who performs it.
        action: What the renderer shows (for a performer without a rig, already its version).
        start: Clip time in seconds when it starts.
        end: Clip time in seconds when it ends.
        shot_index: The shot (0-based) it belongs to.
        target: The other role it is done with or toward, if any.
        prop: The prop it uses, if any.
        words: The script's words it came from.
        hits: Clip times of contact moments (hands meeting, landing, a glass raised).
    """

    role: str
    action: ActionName
    start: float
    end: float
    shot_index: int
    target: str | None = None
    prop: PropName | None = None
    words: str = ""
    hits: tuple[float, ...] = ()

    def progress(self, t: float) -> float:
        """Where ``t`` (clip seconds) falls in the action, 0 at the start to 1 at the end."""
        return min(1.0, max(0.0, (t - self.start) / max(1e-6, self.end - self.start)))


@dataclass(frozen=True)
class ActionTimeline:
    """Every action of a clip, in time order, and the notes for the person making it."""

    actions: tuple[TimedAction, ...]
    notes: tuple[str, ...] = ()

    def for_role(self, role: str, shot_index: int) -> tuple[TimedAction, ...]:
        """A role's actions in one shot, in order."""
        return tuple(a for a in self.actions if a.role == role and a.shot_index == shot_index)

    def for_shot(self, shot_index: int) -> tuple[TimedAction, ...]:
        """All actions of one shot."""
        return tuple(a for a in self.actions if a.shot_index == shot_index)


def performer_of(kind: str, has_rig: bool) -> Performer:
    """How a cast member performs: persons and rigged characters have a body, others don't."""
    return "body" if kind == "person" or has_rig else "sprite"


def build_timeline(
    script: Script, performers: Mapping[str, Performer] | None = None, *, fps: int = 24
) -> ActionTimeline:
    """Read every shot's actions and place them on the clip's timeline.

    Args:
        script: A validated script.
        performers: Role -> "body" or "sprite"; roles not given are "body". A "sprite"
            performer gets the version of each action it can show (a dog "waving" wags).
        fps: Frame rate, so shot boundaries fall where the renderer cuts (whole frames).

    Returns:
        The timeline and its notes (verbs shown differently or not at all), in shot order.
    """
    performers = dict(performers or {})
    role_names = [role.name for role in script.roles]
    placed: list[TimedAction] = []
    notes: list[str] = []
    start = 0.0
    for index, shot in enumerate(script.shots):
        first = round(start * fps) / fps
        end = round((start + shot.duration) * fps) / fps
        start += shot.duration
        found = find_actions(shot.description, role_names)
        for note in (*found.notes, *performer_notes(found.cues, performers)):
            notes.append(sentence("acting.shot_note", "Shot {number}: {note}", number=index + 1,
                                  note=note))  # fmt: skip
        spans: dict[tuple[str, str], tuple[float, float]] = {}
        # The role with the most to do sets the time of shared actions (a hug, a fist bump);
        # its partner meets it then.
        busiest = sorted(role_names, key=lambda name: -len(found.for_role(name)))
        for role in busiest:
            cues = found.for_role(role)
            if not cues:
                continue
            slot = (end - first) / len(cues)
            for number, cue in enumerate(cues):
                partner_key = (cue.action, role)
                if cue.target and partner_key in spans:
                    # The partner's span was placed first: meet at the same time.
                    a_start, a_end = spans[partner_key]
                else:
                    a_start = first + slot * number + (slot * LEAD_IN if number == 0 else 0.0)
                    a_end = first + slot * (number + 1)
                    if cue.action in ("enter", "turn_away", "sit", "float", "stand"):
                        a_start = first + slot * number  # states start with the shot
                spans[(cue.action, cue.target or "")] = (a_start, a_end)
                action = (
                    sprite_version(cue.action) if performers.get(role) == "sprite" else cue.action
                )
                placed.append(
                    TimedAction(
                        role=role,
                        action=action,
                        start=a_start,
                        end=a_end,
                        shot_index=index,
                        target=cue.target,
                        prop=cue.prop,
                        words=cue.words,
                        hits=_hits(action, a_start, a_end),
                    )
                )
    placed.sort(key=lambda a: (a.start, role_names.index(a.role)))
    return ActionTimeline(tuple(placed), tuple(dict.fromkeys(notes)))


def _hits(action: str, start: float, end: float) -> tuple[float, ...]:
    if action in CONTACT_AT:
        return (start + CONTACT_AT[action] * (end - start),)
    period = GESTURE_PERIODS.get(action)
    if period is None or action not in ("clap", "jump"):
        return ()
    hits, t = [], start + period / 2
    while t < end:
        hits.append(round(t, 4))
        t += period
    return tuple(hits)
