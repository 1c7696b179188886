"""What the animatic guide of the Wan backend costs per shot, with full- and half-size masks.

Run from the repository root:  python -m benchmarks.bench_wan_guide

One 5 s shot at 832×480 (Wan's 81 frames), photo-only doubles from the public-domain test
photos, framings with two and three roles. Both mask sizes are timed side by side in one run,
alternating, and their masks compared (intersection over union per role), so the speed-up is
shown with what it costs in mask accuracy.
"""

from __future__ import annotations

import dataclasses
import os
import time

from core.generation.animatic import AnimaticBackend
from core.generation.types import RenderRequest, ShotPlan
from core.generation.wan.control import AnimaticGuide
from core.generation.wan.inputs import native_frame_count
from core.scripts.model import DialogueLine, Role, Script, Shot
from tests.core.generation.generation_fakes import cast_reference

SHOTS = (
    ("two-shot", "@lead greets @buddy", ("lead", "buddy")),
    ("wide", "@lead, @buddy and @rex in the park", ("lead", "buddy", "rex")),
    ("over-the-shoulder", "@lead listens to @buddy", ("lead", "buddy")),
)


def main() -> None:
    cast = {
        "lead": cast_reference("lead", "maya"),
        "buddy": cast_reference("buddy", "grace"),
        "rex": dataclasses.replace(cast_reference("rex", "rex", kind="pet"), role="rex"),
    }
    native = native_frame_count(5.0)
    print("framing | roles | full-size masks s | half-size masks s | ratio | mask IoU per role")
    for framing, description, roles in SHOTS:
        shot = Shot(framing, "static", 5.0, description, (DialogueLine("buddy", "Hi."),),
                    "sunny_park")  # fmt: skip
        script = Script("t", tuple(Role(r, ("person", "pet")) for r in roles), (shot,))
        request = RenderRequest(script, {r: cast[r] for r in roles}, seed=1,
                                clip_id="0" * 16, creator_handle="maya")  # fmt: skip
        plan = ShotPlan(0, shot, 0.0, 5.0, 120, 24, 832, 480)
        seconds, guides = {}, {}
        for scale in (1, 2):
            guide = AnimaticGuide(AnimaticBackend(), mask_scale=scale)
            started = time.perf_counter()
            guides[scale] = guide.guide(plan, request, width=832, height=480, native_frames=native)
            seconds[scale] = time.perf_counter() - started
        full, half = guides[1], guides[2]
        assert full.roles == half.roles
        iou = [
            float((a & b).sum() / max(1, (a | b).sum()))
            for a, b in zip(full.masks, half.masks, strict=True)
        ]
        print(f"{framing} | {len(roles)} | {seconds[1]:.1f} | {seconds[2]:.1f} | "
              f"{seconds[2] / seconds[1]:.2f} | {', '.join(f'{v:.3f}' for v in iou)}")  # fmt: skip
    print(f"(CPU load average now: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
