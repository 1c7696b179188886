"""Owners' restrictions on a labelled set of script phrases (should-block and look-alikes).

The whole-set numbers are in docs/restrictions.md (benchmarks/restriction_set.py).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.scripts.casting import CastMember, RestrictionViolationError, check_restrictions
from core.scripts.model import DialogueLine, Role, Script, Shot
from core.scripts.restrictions import (
    describe_rules,
    find_restriction_match,
    understand_restrictions,
)
from tests.restriction_phrases import LABELLED, OWNER_WORDINGS

CARA = CastMember(handle="cara", kind="person", display_name="Cara", description="a woman")


def _blocked(restriction: str, text: str) -> bool:
    return any(find_restriction_match(text, rule) for rule in understand_restrictions(restriction))


def test_the_set_is_wide_enough() -> None:
    assert len(LABELLED) >= 60
    assert sum(block for *_, block in LABELLED) >= 30
    assert sum(not block for *_, block in LABELLED) >= 25
    chinese = [text for _, text, _ in LABELLED if any("\u4e00" <= c <= "\u9fff" for c in text)]
    assert len(chinese) >= 12


def test_every_should_block_phrase_is_refused() -> None:
    missed = [(r, t) for r, t, block in LABELLED if block and not _blocked(r, t)]
    assert missed == []


def test_look_alikes_pass() -> None:
    benign = [(r, t) for r, t, block in LABELLED if not block]
    refused = [(r, t) for r, t in benign if _blocked(r, t)]
    assert len(refused) <= 0.05 * len(benign), refused


@pytest.mark.slow
def test_owners_wordings_are_understood() -> None:
    wrong = []
    for wording, category in OWNER_WORDINGS:
        got = {name for rule in understand_restrictions(wording) for name in rule.categories}
        if got != ({category} if category else set()):
            wrong.append((wording, got, category))
    assert wrong == []


def _script(description: str, line: str = "Hello!") -> Script:
    return Script(
        title="A night out",
        roles=(Role(name="lead", allowed_kinds=("person",)),),
        shots=(
            Shot(framing="wide", camera="static", duration=3.0, description="@lead walks in."),
            Shot(
                framing="close-up",
                camera="static",
                duration=4.0,
                description=description,
                dialogue=(DialogueLine(role="lead", text=line),),
            ),
        ),
    )


def test_the_issue_s_script_is_refused_quoting_restriction_and_words() -> None:
    script = _script("@lead sits at a bar and raises a glass of beer")
    with pytest.raises(RestrictionViolationError) as refused:
        check_restrictions(script, {"lead": replace(CARA, restrictions="no alcohol")})
    message = str(refused.value)
    assert "“no alcohol”" in message and "shot 2" in message
    assert "matched: “at a bar”" in message or "matched: “beer”" in message


def test_dialogue_is_checked_too() -> None:
    script = _script("@lead smiles.", line="Let's get drunk tonight!")
    with pytest.raises(RestrictionViolationError, match="matched: “drunk”"):
        check_restrictions(script, {"lead": replace(CARA, restrictions="不要喝酒")})


def test_owners_see_what_their_restrictions_block() -> None:
    lines = describe_rules(understand_restrictions("no alcohol; 不要暴力"))
    assert "“no alcohol” blocks alcohol" in lines[0] and "champagne" in lines[0]
    assert "“不要暴力” blocks violence" in lines[1]
