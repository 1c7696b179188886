"""Don't re-send what a page already shows.

Every layout update a handler returns (``visible=…``, ``interactive=…``) makes Gradio build a
fresh component and its config for that session (1–2 ms each, under the GIL), and every value
(a video, a Markdown text) is post-processed on a worker thread. The feed's redraw returned
about ninety outputs on every call, nearly always the same ones, which made it the slowest read
view under load (docs/benchmarks.md, UI latency). A handler keeps what it last sent in a
``gr.State`` and sends ``gr.skip()`` for each output that still holds.

Handlers on hot paths return ``gr.update(...)`` dicts rather than ``gr.Button(...)`` objects:
a component built in the handler costs ~0.5 ms even when it is then skipped, a dict nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gradio as gr


def update_key(value: Any) -> Any:
    """A comparable stand-in for an output value (a component update by its arguments; a
    ``gr.update`` dict by its items)."""
    if isinstance(value, gr.blocks.Block):
        arguments = getattr(value, "constructor_args", {}) or {}
        return (type(value).__name__, tuple(sorted((k, repr(v)) for k, v in arguments.items())))
    return repr(value)


def skip_unchanged(
    values: Sequence[Any], positions: Sequence[int], sent: Any
) -> tuple[list[Any], tuple[Any, ...]]:
    """``values`` with each output at ``positions`` skipped when it equals what was ``sent``
    there last time.

    Only for outputs no other event changes: a skipped output trusts the page to still show
    the last value this handler sent. Returns the values and the key to keep for next time.
    """
    key = tuple(update_key(values[position]) for position in positions)
    if not isinstance(sent, tuple) or len(sent) != len(key):
        return list(values), key
    unchanged = {
        position for position, now, before in zip(positions, key, sent, strict=True)
        if now == before
    }  # fmt: skip
    return [gr.skip() if index in unchanged else value for index, value in enumerate(values)], key
