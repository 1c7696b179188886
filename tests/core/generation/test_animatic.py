"""The embedded animatic renderer, on real living sprites made from public-domain photos."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from core.generation.animatic import AnimaticBackend, layout, on_screen_roles
from core.generation.types import RenderRequest, ShotPlan, SpokenLine
from core.identity.backends import load_face_backend
from core.scripts.model import DialogueLine, Role, Script, Shot
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

W, H = 320, 192


@pytest.fixture(scope="module")
def faces():
    return load_face_backend()


@pytest.fixture(scope="module")
def cast(faces):
    eileen = person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=None)
    grace = person_double("friend", "grace", grace_hopper_rgb(), faces, voice_pitch=None)
    pet = dataclasses.replace(grace, role="pet", handle="rex", kind="pet", sprite=None,
                              face_embedding=None)  # fmt: skip
    photo_only = dataclasses.replace(eileen, role="lead", sprite=None)
    return {"lead": eileen, "friend": grace, "pet": pet, "photo": photo_only}


@pytest.fixture(scope="module")
def backend(faces):
    return AnimaticBackend(face_backend=lambda: faces)


def request_for(shot: Shot, cast_map, roles=("lead", "friend")):
    script = Script("test", tuple(Role(r, ("person", "pet")) for r in roles), (shot,))
    return RenderRequest(script, {r: cast_map[r] for r in roles}, seed=4, clip_id="0" * 16,
                         creator_handle="eileen", width=W, height=H)  # fmt: skip


def plan_for(shot: Shot, *, frames: int = 6, loud: float | None = None, role: str = "lead",
             width: int = W, height: int = H) -> ShotPlan:  # fmt: skip
    lines = ()
    if loud is not None:
        lines = (SpokenLine(role, "Hi.", 0.0, frames / 24, None,
                            np.full(frames, loud, np.float32)),)  # fmt: skip
    return ShotPlan(0, shot, 0.0, frames / 24, frames, 24, width, height, lines)


def shot(framing="medium", camera="static", description="@lead and @friend", scene="sunny_park",
         dialogue=()):  # fmt: skip
    return Shot(framing, camera, 1.0, description, dialogue, scene)


def test_frames_have_the_planned_count_size_and_type(backend, cast):
    frames = backend.render_shot(plan_for(shot()), request_for(shot(), cast))
    assert len(frames) == 6
    assert all(f.shape == (H, W, 3) and f.dtype == np.uint8 for f in frames)


def test_same_request_same_frames(backend, cast):
    first = backend.render_shot(plan_for(shot()), request_for(shot(), cast))
    second = backend.render_shot(plan_for(shot()), request_for(shot(), cast))
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def test_close_up_shows_the_speaker_recognisably(backend, cast, faces):
    close = shot("close-up", description="@lead smiles",
                 dialogue=(DialogueLine("lead", "Hello."),))  # fmt: skip
    frame = backend.render_shot(plan_for(close, width=832, height=480),
                                request_for(close, cast))[3]  # fmt: skip
    found = faces.detect(frame)
    assert found, "no face in the close-up"
    assert faces.is_match(faces.embed(frame, found[0]), cast["lead"].face_embedding)
    assert found[0].height > 0.25 * 480


def test_framing_changes_how_large_people_are(cast):
    def lead_height(framing):
        placed = layout(plan_for(shot(framing)), request_for(shot(framing), cast))
        return next(p.size for p in placed if p.role == "lead")

    assert lead_height("wide") < lead_height("medium") < lead_height("close-up")


def test_only_mentioned_roles_and_speakers_are_on_screen(cast):
    solo = shot(description="@friend waits", dialogue=())
    assert on_screen_roles(plan_for(solo), request_for(solo, cast)) == ["friend"]
    nobody = shot(description="The park at noon.")
    assert on_screen_roles(plan_for(nobody), request_for(nobody, cast)) == ["lead", "friend"]


def test_push_in_moves_the_camera(backend, cast):
    push = shot(camera="push-in")
    frames = backend.render_shot(plan_for(push, frames=12), request_for(push, cast))
    static = backend.render_shot(plan_for(shot(), frames=12), request_for(shot(), cast))
    assert np.array_equal(frames[0], static[0])  # the move starts where a static shot is
    assert np.abs(frames[-1].astype(int) - static[-1].astype(int)).mean() > 3


def test_the_mouth_moves_with_loudness(backend, cast):
    talk = shot("close-up", description="@lead talks", dialogue=(DialogueLine("lead", "Hi."),))
    quiet = backend.render_shot(plan_for(talk, loud=0.0), request_for(talk, cast))
    loud = backend.render_shot(plan_for(talk, loud=1.0), request_for(talk, cast))
    assert np.abs(quiet[2].astype(int) - loud[2].astype(int)).sum() > 0


def test_a_pet_bounces_when_it_speaks(backend, cast):
    bark = shot("medium", description="@pet barks", dialogue=(DialogueLine("pet", "Woof."),))
    request = request_for(bark, cast, roles=("lead", "pet"))
    quiet = backend.render_shot(plan_for(bark, loud=0.0, role="pet"), request)
    loud = backend.render_shot(plan_for(bark, loud=1.0, role="pet"), request)
    assert not np.array_equal(quiet[2], loud[2])


def test_photo_only_double_and_unknown_scene_still_render(backend, cast):
    odd = shot(description="@photo waves", scene="the_moon")
    request = request_for(odd, cast, roles=("photo",))
    frames = backend.render_shot(plan_for(odd), request)
    assert len(frames) == 6 and frames[0].std() > 10


def test_a_photo_only_close_up_keeps_its_mouth_above_the_subtitles(cast, faces):
    from core.acting.mouth import find_lips
    from core.generation.speaking_faces import find_mouth_box
    from core.identity.mesh import load_face_mesh

    close = shot("close-up", description="@photo smiles", dialogue=(DialogueLine("photo", "Hi."),))
    (slot,) = layout(plan_for(close), request_for(close, cast, roles=("photo",)))
    assert slot.kind == "bust" and slot.size <= H
    portrait = cast["photo"].portrait
    alpha = np.full(portrait.shape[:2], 255, np.uint8)
    rgba = np.dstack([portrait[..., :3], alpha])
    box = find_mouth_box(faces, rgba)  # Eileen's portrait ends just below her chin
    lips = find_lips(load_face_mesh(), rgba, box) if box is not None else None
    assert lips is not None
    # The portrait is drawn slot.size tall with its bottom edge at slot.ground.
    lower_lip = float(lips.lower[:, 1].max()) / portrait.shape[0]
    assert slot.ground - slot.size + lower_lip * slot.size < 0.86 * H  # above the subtitles
