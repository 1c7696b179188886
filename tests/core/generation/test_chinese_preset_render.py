"""A preset's Chinese version rendered by the embedded renderer: acted, and spoken in Mandarin."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation import animatic
from core.generation.pipeline import CoStarPipeline
from core.generation.types import RenderRequest
from core.identity.backends import load_face_backend
from core.media.video_encode import probe_mp4
from core.reference.intake import IntakeLimits
from core.reference.video import load_audio
from core.scripts.templates import get_template
from core.voice.mandarin import synthesize_mandarin
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb


@pytest.mark.slow
def test_the_window_in_chinese_renders_with_both_lines_spoken_in_their_shots(tmp_path):
    # "The window" (12 s): shot 1 (0-4 s) and shot 3 (8-12 s) each have one Chinese line.
    window = get_template("the_window").in_language("zh-CN")
    faces = load_face_backend()
    cast = {"lead": person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=1.3)}
    pipeline = CoStarPipeline(
        animatic.AnimaticBackend(face_backend=lambda: faces),
        keys_dir=tmp_path / "keys",
        work_dir=tmp_path / "work",
        face_backend=faces,
    )
    request = RenderRequest(
        window.script, cast, seed=3, clip_id="0ddba11c0ffee000", creator_handle="eileen"
    )
    result = pipeline(request, output_path=tmp_path / "clip.mp4")

    info = probe_mp4(result.path)
    assert info.has_audio and info.duration_s == pytest.approx(12.0, abs=0.1)
    # Acted like the English: no verb it cannot show, no line left unvoiced.
    assert not any("can't be shown" in note or "voice" in note for note in result.notes)
    # Where the lead speaks (the dialogue's loudness per frame): once in shot 1, once in shot 3,
    # each about as long as the Mandarin voice takes to say its line.
    talking = np.flatnonzero(result.speech_envelopes["lead"] > 0.05) / info.fps
    first, last = talking[talking < 4.0], talking[talking >= 8.0]
    assert len(first) + len(last) == len(talking), "speech outside shots 1 and 3"
    for heard, shot in ((first, 0), (last, 2)):
        line = window.script.shots[shot].dialogue[0].text
        spoken = synthesize_mandarin(line).duration
        assert heard[-1] - heard[0] == pytest.approx(spoken, abs=0.5), (line, heard)
    # ... and it is in the clip's sound: louder there than in the wordless shot 2.
    audio = load_audio(result.path, IntakeLimits())  # 16 kHz mono
    samples, rate = audio.samples, audio.sample_rate
    words = samples[int(first[0] * rate) : int(first[-1] * rate)]
    quiet = samples[int(4.5 * rate) : int(7.5 * rate)]
    assert np.sqrt(np.mean(words**2)) > 2 * np.sqrt(np.mean(quiet**2))
