"""The ``wan-vace`` GPU backend: Wan VACE through diffusers, guided by the embedded animatic.

``vace`` is the backend; ``inputs`` what VACE is given per shot and how its frames are fitted
back; ``control`` the animatic-derived control video and per-role masks; ``regions`` attention
split per role; ``colour`` colour matching across shots; ``presets``, ``weights`` and ``setup``
model sizes, memory presets and loading; ``animate`` the optional Wan-Animate re-render pass.
"""
