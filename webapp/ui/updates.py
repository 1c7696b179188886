"""Don't re-send layout updates a page already shows.

A handler keeps what it last sent in a ``gr.State`` and sends ``gr.skip()`` for each layout
update (``visible=…``, ``interactive=…``) that still holds, so a redraw does not fight what
another event or the person changed since. It is not a speed-up: Gradio 6.3 builds a fresh
component and its config (JSON schemas included) for every update dict, ``gr.skip()`` too.
Measured in one process (``postprocess_data``, per output): a Markdown value 0.3 ms, a skipped
Markdown 0.7 ms; a Video path 1.7 ms, a skipped Video 2.5–3 ms, ``None`` 0.3 ms; a Column
update or skip 0.25 ms. So values always go out, and what makes a view cheaper is fewer outputs.

Handlers on hot paths return ``gr.update(...)`` dicts rather than ``gr.Button(...)`` objects:
a component built in the handler is built once more by Gradio.
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
