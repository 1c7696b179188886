"""Gallery previews: the silent animated cards and the sound previews the Studio plays."""

from __future__ import annotations

import dataclasses

import av
import numpy as np
import pytest

from core.generation.animatic import AnimaticBackend
from core.generation.pipeline import CoStarPipeline
from core.generation.previews import stand_in_cast, write_sound_preview
from core.scripts.templates import get_template, load_templates

TEMPLATES = load_templates()


def audio_and_duration(path) -> tuple[np.ndarray, int, float]:
    with av.open(str(path)) as container:
        assert container.streams.video and container.streams.audio
        rate = container.streams.audio[0].rate
        samples = np.concatenate(
            [frame.to_ndarray().mean(axis=0) for frame in container.decode(audio=0)]
        )
        return samples, rate, container.duration / 1_000_000


def longest_quiet_stretch(samples: np.ndarray, rate: int, floor_db: float = -50.0) -> float:
    window = rate // 20
    levels = [
        20 * np.log10(np.sqrt(np.mean(samples[i : i + window] ** 2)) + 1e-9)
        for i in range(0, len(samples) - window, window)
    ]
    longest = run = 0
    for level in levels:
        run = run + 1 if level < floor_db else 0
        longest = max(longest, run)
    return longest * window / rate


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_every_preset_has_a_sound_preview_that_is_never_silent(template):
    assert template.sound_preview is not None, (
        f"run python -m core.generation.previews --with-sound --only {template.id}"
    )
    assert template.sound_preview.stat().st_size < 1_500_000
    samples, rate, seconds = audio_and_duration(template.sound_preview)
    assert seconds == pytest.approx(template.script.duration, abs=0.3)
    assert longest_quiet_stretch(samples, rate) < 1.0


@pytest.mark.slow
def test_a_sound_preview_is_the_preset_acted_by_house_characters_with_sound(tmp_path):
    window = get_template("the_window")
    short = dataclasses.replace(
        window, script=dataclasses.replace(window.script, shots=window.script.shots[-1:])
    )
    assert all(ref.display_name for ref in stand_in_cast(short).values())
    pipeline = CoStarPipeline(
        AnimaticBackend(), keys_dir=tmp_path / "keys", work_dir=tmp_path / "work"
    )
    path = write_sound_preview(short, tmp_path / "previews", pipeline=pipeline)
    assert path.name == "the_window.mp4" and not list(path.parent.glob("*.partial*"))
    samples, rate, seconds = audio_and_duration(path)
    assert seconds == pytest.approx(short.script.duration, abs=0.3)
    speech = samples[: int(seconds * rate)]
    assert np.sqrt(np.mean(speech**2)) > 0.01  # the line is spoken over its beds
