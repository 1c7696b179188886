"""The action timeline: who does what when, on frame-exact shot boundaries."""

from __future__ import annotations

import itertools

from core.acting.timeline import build_timeline
from core.scripts.model import Role, Script, Shot


def script(*descriptions: str, durations: tuple[float, ...] = ()) -> Script:
    shots = tuple(
        Shot("wide", "static", durations[i] if durations else 3.0, text)
        for i, text in enumerate(descriptions)
    )
    return Script("t", (Role("amy"), Role("bob"), Role("rex", ("pet",))), shots)


def test_actions_follow_each_other_in_their_shot() -> None:
    timeline = build_timeline(script("@amy waves, then claps and laughs.", "@bob nods."))
    amy = timeline.for_role("amy", 0)
    assert [a.action for a in amy] == ["wave", "clap", "laugh"]
    assert all(a.end <= b.start + 1e-9 for a, b in itertools.pairwise(amy))
    assert 0 < amy[0].start < 0.5 and amy[-1].end == 3.0
    bob = timeline.for_role("bob", 1)
    assert bob[0].start >= 3.0 and bob[0].end == 6.0 and bob[0].shot_index == 1


def test_partners_meet_at_the_same_time() -> None:
    timeline = build_timeline(script("@bob turns to @amy, grins; @amy and @bob hug."))
    hugs = [a for a in timeline.actions if a.action == "hug"]
    assert {a.role for a in hugs} == {"amy", "bob"}
    assert hugs[0].start == hugs[1].start and hugs[0].end == hugs[1].end
    assert {(a.role, a.target) for a in hugs} == {("amy", "bob"), ("bob", "amy")}


def test_shot_boundaries_fall_on_whole_frames() -> None:
    timeline = build_timeline(script("@amy waves.", "@amy jumps.", durations=(2.51, 2.49)), fps=24)
    second = timeline.for_role("amy", 1)[0]
    assert second.end * 24 == round(second.end * 24)
    assert abs(second.end - 5.0) < 1e-9


def test_a_performer_without_arms_gets_its_version_and_a_note() -> None:
    text = "@rex waves at @amy while @amy claps."
    as_pet = build_timeline(script(text), {"rex": "sprite"})
    assert [a.action for a in as_pet.for_role("rex", 0)] == ["wag"]
    assert any("@rex has no arms" in note for note in as_pet.notes)
    rigged = build_timeline(script(text), {"rex": "body"})
    assert [a.action for a in rigged.for_role("rex", 0)] == ["wave"]


def test_contact_moments_for_foley() -> None:
    timeline = build_timeline(script("@amy claps.", durations=(4.0,)))
    clap = timeline.actions[0]
    assert len(clap.hits) >= 5
    assert all(clap.start <= hit <= clap.end for hit in clap.hits)
    bump = build_timeline(script("@amy and @bob bump fists.")).actions[0]
    assert len(bump.hits) == 1 and bump.start < bump.hits[0] < bump.end


def test_notes_are_numbered_by_shot() -> None:
    timeline = build_timeline(script("@amy waves.", "@bob cooks a soup."))
    assert timeline.notes == (
        "Shot 2: 'cooks' can't be shown by the animated renderer; the role stays in place.",
    )
