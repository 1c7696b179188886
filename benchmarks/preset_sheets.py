"""Contact sheets of the presets: six frames of each, as the embedded renderer paints them.

Run from the repository root:  python -m benchmarks.preset_sheets [--only ID ...]

Each preset is cast the way a newcomer would cast it: the first two person roles by person
doubles built from the public-domain test photos (Eileen Collins, Grace Hopper) exactly as
registration builds them (living sprite, pose-landmark rig), the other person roles by house
characters, pet roles by the house cat. Frames only (no voices, label or encoding); six frames
spread over the clip go into ``docs/presets/<id>.jpg``, with each frame's time and the actions
running then printed, so the sheet can be checked against the timeline by eye.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import cv2

from core.acting.house import HOUSE_CHARACTERS, house_cast_reference
from core.acting.timeline import build_timeline
from core.generation.animatic import AnimaticBackend
from core.generation.previews import contact_sheet, render_frames, sheet_indices
from core.generation.types import CastReference
from core.identity.backends import load_face_backend
from core.scripts.templates import Template, load_templates
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

OUTPUT = Path("docs/presets")
TILE = (400, 230)


def newcomer_cast(template: Template, people: list[CastReference]) -> dict[str, CastReference]:
    """Two real person doubles first, then house characters; the cat for pet-only roles."""
    characters = [c for c in HOUSE_CHARACTERS if c.kind != "pet"]
    cat = next(c for c in HOUSE_CHARACTERS if c.kind == "pet")
    cast: dict[str, CastReference] = {}
    persons_used = characters_used = 0
    for role in template.script.roles:
        if "person" not in role.allowed_kinds:
            cast[role.name] = house_cast_reference(cat.handle, role.name)
        elif persons_used < len(people):
            person = people[persons_used]
            cast[role.name] = dataclasses.replace(person, role=role.name)
            persons_used += 1
        else:
            character = characters[characters_used % len(characters)]
            cast[role.name] = house_cast_reference(character.handle, role.name)
            characters_used += 1
    return cast


def main() -> None:
    parser = argparse.ArgumentParser(description="Contact sheets of the presets.")
    parser.add_argument("--only", nargs="*")
    arguments = parser.parse_args()
    faces = load_face_backend()
    people = [
        person_double("a", "eileen", astronaut_rgb(), faces, voice_pitch=None),
        person_double("b", "grace", grace_hopper_rgb(), faces, voice_pitch=None),
    ]
    backend = AnimaticBackend(face_backend=lambda: faces)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for template in load_templates():
        if arguments.only and template.id not in arguments.only:
            continue
        total = round(template.script.duration * 24)
        picks = sheet_indices(total)
        cast = newcomer_cast(template, people)
        frames = render_frames(template, cast, size=TILE, keep=picks.__contains__,
                               backend=backend)  # fmt: skip
        sheet = contact_sheet(frames)
        path = OUTPUT / f"{template.id}.jpg"
        cv2.imwrite(str(path), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_JPEG_QUALITY, 80])  # fmt: skip
        timeline = build_timeline(template.script)
        print(f"{path} ({path.stat().st_size // 1024} KB)  cast: "
              + ", ".join(f"{role}=@{ref.handle}" for role, ref in cast.items()))  # fmt: skip
        for index in picks:
            t = index / 24
            running = [f"{a.role}:{a.action}" for a in timeline.actions if a.start <= t < a.end]
            print(f"  {t:5.2f} s  {' '.join(running) or '(idle)'}")


if __name__ == "__main__":
    main()
