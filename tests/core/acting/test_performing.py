"""Actions visibly happen in rendered frames (house characters as the cast: fast, no models)."""

from __future__ import annotations

import numpy as np

from core.acting.figure import draw_figure
from core.acting.house import house_cast_reference
from core.acting.motion import Pose
from core.acting.stage import FaceFrame
from core.generation.animatic import AnimaticBackend
from core.generation.planning import plan_shots
from core.generation.types import RenderRequest
from core.scenes.catalog import paint_scene
from core.scripts.model import DialogueLine, Role, Script, Shot

W, H = 416, 240


def frames_of(description: str, *, framing: str = "wide", cast=("bolt_robot", "grandma_rosa"),
              dialogue=(), warp=None, seconds: float = 3.0) -> list[np.ndarray]:  # fmt: skip
    roles = ("amy", "bob")[: len(cast)]
    script = Script(
        "t",
        tuple(Role(r) for r in roles),
        (Shot(framing, "static", seconds, description, tuple(dialogue), "sunny_park"),),
    )
    request = RenderRequest(
        script, {r: house_cast_reference(h, r) for r, h in zip(roles, cast, strict=True)},
        seed=1, clip_id="0" * 16, creator_handle="amy", width=W, height=H,
    )  # fmt: skip
    backend = AnimaticBackend(face_backend=None, face_warp=warp)
    return backend.render_shot(plan_shots(request)[0], request)


def changed(frame: np.ndarray, reference: np.ndarray) -> np.ndarray:
    return np.abs(frame.astype(int) - reference.astype(int)).sum(axis=2) > 40


def test_a_wave_raises_an_arm_above_the_head_line() -> None:
    wave = frames_of("@amy waves at @bob.")[40]
    idle = frames_of("@amy stands near @bob.")[40]
    rows, _columns = np.nonzero(changed(wave, idle))
    assert rows.size > 50
    background = paint_scene("sunny_park", W, H, t=40 / 24, seed=1)
    figure_rows = np.nonzero(changed(idle, background)[:, : W // 2].any(axis=1))[0]
    head_top = figure_rows[0]
    # The raised forearm and hand reach up near the top of the head.
    assert rows.min() < head_top + 0.12 * H


def test_wide_shots_show_complete_figures_standing_on_the_floor() -> None:
    frame = frames_of("@amy and @bob stand in the park.")[10]
    background = paint_scene("sunny_park", W, H, t=10 / 24, seed=1)
    mask = changed(frame, background)
    for half in (mask[:, : W // 2], mask[:, W // 2 :]):
        rows = np.nonzero(half.any(axis=1))[0]
        assert rows.size
        assert 0.86 * H < rows[-1] < 0.99 * H  # feet (and shadow) near the floor line, inside
        assert rows[0] > 0.1 * H  # the head is inside the frame too


def test_an_entrance_starts_off_screen_and_ends_in_place() -> None:
    frames = frames_of("@amy walks in.", cast=("bolt_robot",))
    background = paint_scene("sunny_park", W, H, t=0.0, seed=1)
    assert changed(frames[0], background).sum() < 0.01 * W * H
    last = paint_scene("sunny_park", W, H, t=(len(frames) - 1) / 24, seed=1)
    columns = np.nonzero(changed(frames[-1], last).any(axis=0))[0]
    assert abs((columns[0] + columns[-1]) / 2 - W / 2) < 0.1 * W


def test_a_pet_runs_across_the_frame() -> None:
    frames = frames_of("@amy runs across the park.", cast=("miso_cat",))

    def centre(index: int) -> float:
        background = paint_scene("sunny_park", W, H, t=index / 24, seed=1)
        columns = np.nonzero(changed(frames[index], background).any(axis=0))[0]
        return (columns[0] + columns[-1]) / 2

    assert abs(centre(len(frames) - 2) - centre(12)) > 0.3 * W


def test_partners_come_together_for_a_fist_bump() -> None:
    frames = frames_of("@amy and @bob bump fists.", framing="two-shot")
    apart, together = frames[2], frames[int(0.55 * 72)]
    background = paint_scene("sunny_park", W, H, t=2 / 24, seed=1)
    middle = slice(int(0.42 * W), int(0.58 * W))
    assert (
        changed(together, background)[:, middle].sum()
        > 3 * changed(apart, background)[:, middle].sum()
    )


def test_the_face_warp_hook_sees_each_visible_face() -> None:
    seen: list[tuple[str, float]] = []

    def warp(face: FaceFrame) -> np.ndarray:
        seen.append((face.role, face.loudness))
        assert face.rgba.ndim == 3 and face.rgba.shape[2] == 4
        return face.rgba

    frames_of("@amy waves at @bob.", dialogue=(DialogueLine("amy", "Hi there."),), warp=warp)
    assert {role for role, _ in seen} == {"amy", "bob"}


def test_a_seated_figure_has_its_shins_straight_down_to_the_floor() -> None:
    rig = house_cast_reference("bolt_robot", "amy").sprite.rig
    frame = np.zeros((H, W, 3), np.uint8)
    size, ground = 180.0, 220.0

    def pose_joints(pose: Pose):
        return draw_figure(frame, rig, pose, x=W / 2, ground=ground, size=size,
                           head=lambda *_: None, t=0.0, blend=lambda *_: None)  # fmt: skip

    seated = pose_joints(Pose(crouch=1.0, stool=True))
    standing = pose_joints(Pose())
    assert seated.hips[0][1] > standing.hips[0][1]  # the hips went down onto the stool
    for hip, knee, foot in zip(seated.hips, seated.knees, seated.feet, strict=True):
        # Front view: a short thigh toward the camera, knees no wider than a hand past the
        # hips (not bent sideways like a squat), shins vertical, feet on the floor.
        assert abs(knee[0] - hip[0]) < 0.05 * size
        assert abs(foot[0] - knee[0]) < 0.02 * size
        assert foot[1] == ground
