"""What one output of an event costs Gradio to send: a value, an update, a skip.

    python -m benchmarks.bench_gradio_outputs

Times ``Blocks.postprocess_data`` (what Gradio runs on every output of every call, under the
GIL) in one process for Markdown, Column and Video outputs, per output. It decides how a read
view should answer: the feed's redraw had ~90 outputs, and a ``gr.skip()`` turned out to cost
more than sending the value again (docs/benchmarks.md, UI latency).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.state_holder import SessionState

OUTPUTS = 24
REPEATS = 30
SAMPLE_VIDEO = Path(__file__).resolve().parents[1] / "assets/templates/previews/ball_time.mp4"


def build() -> tuple[gr.Blocks, dict[str, Any]]:
    with gr.Blocks() as demo:
        markdowns = [gr.Markdown("x") for _ in range(OUTPUTS)]
        videos = [gr.Video() for _ in range(OUTPUTS)]
        columns = []
        for _ in range(OUTPUTS):
            with gr.Column() as column:
                columns.append(column)
        button = gr.Button()
        for outputs in (markdowns, videos, columns):
            button.click(lambda: None, None, outputs)
    fns = dict(zip(("markdown", "video", "column"), demo.fns.values(), strict=True))
    return demo, fns


async def per_output_ms(demo: gr.Blocks, fn: Any, value: Any) -> float:
    state = SessionState(demo)
    await demo.postprocess_data(fn, [value] * OUTPUTS, state)  # warm caches once
    started = time.perf_counter()
    for _ in range(REPEATS):
        await demo.postprocess_data(fn, [value] * OUTPUTS, state)
    return (time.perf_counter() - started) / REPEATS / OUTPUTS * 1000


def copy_in_gradio_cache() -> Path:
    """The sample where the app's served copies live: a folder in Gradio's temporary folder."""
    folder = Path(tempfile.mkdtemp(dir=gr.utils.get_upload_folder()))
    return Path(shutil.copy(SAMPLE_VIDEO, folder / "clip.mp4"))


async def main() -> None:
    demo, fns = build()
    served = copy_in_gradio_cache()
    cases = [
        ("markdown", "a value", "**A greeting**  \nby Maya · 3.0 s"),
        ("markdown", "gr.skip()", gr.skip()),
        ("markdown", "gr.update(visible=True)", gr.update(visible=True)),
        ("column", "gr.update(visible=True)", gr.update(visible=True)),
        ("column", "gr.skip()", gr.skip()),
        ("video", "a path in Gradio's folder (the app's served copies)", str(served)),
        ("video", "a path elsewhere", str(SAMPLE_VIDEO)),
        ("video", "None", None),
        ("video", "gr.skip()", gr.skip()),
    ]
    print(f"gradio {gr.__version__}; {OUTPUTS} outputs x {REPEATS} calls per case")
    print("| output | returned | ms per output |")
    print("|---|---|---|")
    for kind, name, value in cases:
        print(f"| {kind} | {name} | {await per_output_ms(demo, fns[kind], value):.2f} |")
    shutil.rmtree(served.parent)


if __name__ == "__main__":
    asyncio.run(main())
