"""The Studio's clip info names the model that rendered the clip."""

from __future__ import annotations

import markdown_it

from webapp.clips import ClipRecord
from webapp.ui.clip_progress import clip_text


def done_clip(metrics: dict) -> ClipRecord:
    return ClipRecord(id=1, public_id="0123456789abcdef", title="Hello", status="done",
                      progress=1.0, status_message="", visibility="only_me", video_sha=None,
                      duration=2.0, cast={"lead": "maya"}, metrics=metrics)  # fmt: skip


def test_clip_info_names_the_model():
    text = clip_text(done_clip({"renderer": "Wan2.1-VACE-14B · float8 weights"}))
    html = markdown_it.MarkdownIt().render(text)
    assert "<p>Rendered by Wan2.1-VACE-14B · float8 weights.</p>" in html


def test_clips_from_before_the_label_show_no_model_line():
    assert "Rendered by" not in clip_text(done_clip({"face_similarity": {"lead": 0.5}}))
