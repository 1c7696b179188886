"""GPU renders are routed to the render.gpu queue, everything else to render.cpu."""

from __future__ import annotations

from typing import get_args

from webapp.render_queues import render_queue
from webapp.settings import GeneratorBackend


def test_each_backend_has_its_queue():
    assert render_queue("wan-vace") == "render.gpu"
    assert render_queue("animatic") == "render.cpu"
    assert {render_queue(backend) for backend in get_args(GeneratorBackend)} == {
        "render.gpu",
        "render.cpu",
    }
