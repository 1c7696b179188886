"""A script meets its cast: who may play which role, what the owners allow, the shot prompt.

``check_cast`` checks the doubles chosen for a script's roles, ``check_restrictions`` checks
the script against every owner's usage restrictions, and ``render_prompt`` turns a shot into
text for the generative backend, with the cast's descriptions and restrictions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.scripts.model import MENTION, Script, ScriptError, Shot, kind_name, kinds_either
from core.scripts.restrictions import (
    PhraseEmbedder,
    find_restriction_match,
    parse_restrictions,
    understand_restrictions,
)
from core.sentences import Sentence, sentence
from core.types import DoubleKind


class CastError(ScriptError):
    """The doubles chosen for a script's roles do not fit it."""


class RestrictionViolationError(ScriptError):
    """The script uses something a cast member's owner does not allow."""

    def __init__(self, message: str, *, handle: str, restriction: str, shot_number: int) -> None:
        super().__init__(message)
        self.handle = handle
        self.restriction = restriction
        self.shot_number = shot_number


@dataclass(frozen=True)
class CastMember:
    """The parts of a double a script needs (pure data; the service layer fills it in)."""

    handle: str
    kind: DoubleKind
    display_name: str
    description: str
    restrictions: str = ""


def check_cast(script: Script, cast: Mapping[str, CastMember]) -> None:
    """Check that every role has a double of an allowed kind, and nothing else is cast.

    Args:
        script: A validated script.
        cast: Role name → the double chosen for it.

    Raises:
        CastError: A role is empty, a double's kind is not allowed, a cast entry names no role,
            or one double fills two roles.
    """
    role_names = [role.name for role in script.roles]
    for extra in sorted(set(cast) - set(role_names)):
        raise CastError(sentence(
            "casting.no_such_role",
            "@{handle} is cast as '{role}', but the script has no role {role}.",
            handle=cast[extra].handle, role=extra,
        ))  # fmt: skip
    roles_by_handle: dict[str, str] = {}
    for role in script.roles:
        member = cast.get(role.name)
        if member is None:
            raise CastError(_uncast(role.name))
        if member.kind not in role.allowed_kinds:
            raise CastError(sentence(
                "casting.wrong_kind",
                "@{handle} is a {kind}; the role '{role}' accepts {kinds} only.",
                handle=member.handle, kind=kind_name(member.kind), role=role.name,
                kinds=kinds_either(role.allowed_kinds),
            ))  # fmt: skip
        if member.handle in roles_by_handle:
            raise CastError(sentence(
                "casting.two_roles",
                "@{handle} is cast as both '{first}' and '{second}'; pick a different double for "
                "one of them.",
                handle=member.handle, first=roles_by_handle[member.handle], second=role.name,
            ))  # fmt: skip
        roles_by_handle[member.handle] = role.name


def check_restrictions(
    script: Script,
    cast: Mapping[str, CastMember],
    embed: PhraseEmbedder | None = None,
) -> None:
    """Refuse a script that uses anything a cast member's owner has ruled out.

    Every restriction of every cast member applies to the whole script (title, descriptions,
    dialogue), whoever casts it, the owner included: the double appears in the clip, so the
    clip as a whole must respect it. Restrictions are understood by meaning
    (:func:`core.scripts.restrictions.understand_restrictions`): "no alcohol" refuses beer,
    champagne toasts and 喝酒, not orange juice.

    Args:
        script: A validated script.
        cast: Role name → the double chosen for it.
        embed: Sentence embedder for owners' own wordings (default: the packaged MiniLM).

    Raises:
        RestrictionViolationError: Quoting the restriction, the offending shot and the words
            that matched.
    """
    for member in cast.values():
        for rule in understand_restrictions(member.restrictions, embed):
            texts = [(0, script.title)] + [
                (number, text)
                for number, shot in enumerate(script.shots, start=1)
                for text in (shot.description, *(line.text for line in shot.dialogue))
            ]
            for number, text in texts:
                match = find_restriction_match(text, rule)
                if match is None:
                    continue
                where = (
                    sentence("casting.where_title", "the title “{text}”", text=text)
                    if number == 0
                    else sentence("casting.where_shot", "shot {number} says “{text}”",
                                  number=number, text=text)
                )  # fmt: skip
                message = sentence(
                    "casting.restricted",
                    "@{handle}'s owner does not allow “{clause}”; {where} (matched: “{words}”).",
                    handle=member.handle, clause=rule.clause, where=where, words=match.words,
                )  # fmt: skip
                raise RestrictionViolationError(
                    message,
                    handle=member.handle,
                    restriction=rule.clause,
                    shot_number=number,
                )


def render_prompt(shot: Shot, cast: Mapping[str, CastMember]) -> str:
    """Turn a shot into a text prompt for the generative backend.

    Args:
        shot: The shot, with ``@role`` mentions.
        cast: Role name → the double chosen for it.

    Returns:
        E.g. "Close-up shot, slow push-in. a woman with short dark hair (Maya) smiles. Avoid:
        violence, alcohol." Restrictions of the whole cast become the "Avoid" guidance.

    Raises:
        CastError: The shot mentions a role with no double cast.
    """

    def describe(match: re.Match[str]) -> str:
        role = match.group(1).lower()
        member = cast.get(role)
        if member is None:
            raise CastError(_uncast(role))
        description = member.description.strip() or f"a {member.kind}"
        return f"{description} ({member.display_name})"

    camera = {"static": "static camera", "push-in": "slow push-in", "pull-out": "slow pull-out"}
    action = MENTION.sub(describe, shot.description).strip()
    if action and action[-1] not in ".!?。！？":
        action += "."
    framing = shot.framing.replace("-", " ").capitalize()
    parts = [f"{framing} shot, {camera.get(shot.camera, 'slow pan')}.", action]
    avoided = dict.fromkeys(
        restriction.phrase
        for member in cast.values()
        for restriction in parse_restrictions(member.restrictions)
    )
    if avoided:
        parts.append(f"Avoid: {', '.join(avoided)}.")
    return " ".join(parts)


def _uncast(role: str) -> Sentence:
    return sentence(
        "casting.role_uncast", "The role '{role}' has no one cast yet; pick a double for it.",
        role=role,
    )  # fmt: skip
