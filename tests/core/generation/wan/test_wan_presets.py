"""Wan model presets (1.3B / 14B on 24 GB / 80 GB cards) and how they are applied."""

from __future__ import annotations

import pytest
import torch

from core.generation.animatic import AnimaticBackend
from core.generation.wan.inputs import WanVaceSettingsError
from core.generation.wan.presets import MODEL_IDS, default_label, place_pipeline, resolve_preset
from core.generation.wan.setup import build_wan_backend
from tests.core.generation.wan.wan_tiny import tiny_wan_vace_pipeline


@pytest.mark.parametrize(
    ("model", "memory", "dtype", "offload", "tiling"),
    [
        ("1.3B", "24gb", "bfloat16", "model", False),
        ("1.3B", "80gb", "bfloat16", "none", False),
        ("14B", "24gb", "float8", "model", True),
        ("14B", "80gb", "bfloat16", "none", False),
        ("Wan-AI/Wan2.1-VACE-14B-diffusers", "24gb", "float8", "model", True),
        ("/models/my-wan2.1-vace-14b", "80gb", "bfloat16", "none", False),
        ("/models/wan-small", "24gb", "bfloat16", "model", False),
    ],
)
def test_presets_by_model_and_card(model, memory, dtype, offload, tiling):
    preset = resolve_preset(model, memory)
    assert (preset.dtype, preset.offload, preset.vae_tiling) == (dtype, offload, tiling)
    assert preset.model == MODEL_IDS.get(model, model)


def test_overrides_and_labels():
    preset = resolve_preset("14B", "24gb", dtype="bfloat16", offload="sequential")
    assert (preset.dtype, preset.offload) == ("bfloat16", "sequential")
    assert resolve_preset("1.3B", offload="false").offload == "none"  # the old yes/no setting
    assert resolve_preset("1.3B", offload="true").offload == "model"
    assert resolve_preset("14B").describe() == "Wan2.1-VACE-14B · float8 weights"
    assert resolve_preset("1.3B", "80gb").describe() == "Wan2.1-VACE-1.3B · bfloat16"
    assert default_label("/models/Wan2.2-Animate-14B-Diffusers/") == "Wan2.2-Animate-14B"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"memory": "48gb"}, "COSTAR_WAN_MEMORY is '48gb'"),
        ({"dtype": "int4"}, "COSTAR_WAN_DTYPE is 'int4'"),
        ({"offload": "disk"}, "COSTAR_WAN_CPU_OFFLOAD is 'disk'"),
    ],
)
def test_bad_preset_values_name_the_setting(arguments, message):
    with pytest.raises(WanVaceSettingsError, match=message):
        resolve_preset("1.3B", **arguments)


def test_float8_preset_stores_the_transformer_in_float8_and_tiles_the_vae():
    pipe = tiny_wan_vace_pipeline()
    pipe.transformer.train()

    place_pipeline(pipe, resolve_preset("14B", "24gb"), "cpu")

    weights = {p.dtype for name, p in pipe.transformer.named_parameters() if "blocks" in name}
    assert torch.float8_e4m3fn in weights
    assert pipe.vae.use_tiling and not pipe.transformer.training


def test_settings_build_the_guided_backend_and_name_its_model():
    backend = build_wan_backend(model="14B", memory="80gb", control="gray")
    assert backend.model_label == "Wan2.1-VACE-14B · bfloat16"
    assert backend.guide is not None and backend.guide.control == "gray"
    assert isinstance(backend.guide.animatic, AnimaticBackend) and backend.regional
    plain = build_wan_backend(control="none", regional=True)
    assert plain.guide is None and not plain.regional  # regions need the animatic's masks
    with_pass = build_wan_backend(animate_model="Wan-AI/Wan2.2-Animate-14B-Diffusers")
    assert with_pass.model_label.endswith("+ Wan2.2-Animate-14B (replace)")
    with pytest.raises(WanVaceSettingsError, match="COSTAR_WAN_CONTROL"):
        build_wan_backend(control="depth")
