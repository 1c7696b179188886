"""Wan2.1-VACE at real size on a GPU: steps/s, seconds per shot and peak memory, 1.3B and 14B.

The transformers are built from the configs kept in ``benchmarks/configs/`` (the published
diffusers configs of Wan2.1-VACE-1.3B and -14B) with random weights: nothing is downloaded, and
speed and memory do not depend on the weights' values. One shot is 832×480, 81 frames, two
reference images (two doubles), classifier-free guidance on (two transformer passes per step),
as the ``wan-vace`` backend renders it. Each model is timed with the stock attention and with
the per-role regional attention (``core/generation/wan/regions.py``) side by side in one run.

The VAE (real Wan2.1 config, random weights) is timed encoding the control video as VACE does
(inactive and reactive halves, plus the references) and decoding the shot. The UMT5 text
encoder is not run (random prompt embeddings of its real shape are used): it runs once per shot
and costs well under a second on a GPU.

Run from the repository root on a CUDA machine:

    .venv/bin/python -m benchmarks.bench_wan_gpu                   # both models, 80 GB preset
    .venv/bin/python -m benchmarks.bench_wan_gpu --memory 24gb      # 14B stored in float8
    .venv/bin/python -m benchmarks.bench_wan_gpu --dry-run          # CPU: configs and shapes only

``--dry-run`` builds both transformers on PyTorch's meta device (no memory, no GPU), checks that
a real-size forward pass with the regional attention gives the right output shape, and prints
parameter counts, token counts and weight sizes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from core.generation.wan.presets import resolve_preset, torch_dtypes
from core.generation.wan.regions import (
    RegionContext,
    build_region_layout,
    install_regional_attention,
    latent_frame_count,
)

CONFIGS = Path(__file__).resolve().parent / "configs"
TRANSFORMER_CONFIGS = {
    "1.3B": CONFIGS / "wan2.1_vace_1.3b_transformer.json",
    "14B": CONFIGS / "wan2.1_vace_14b_transformer.json",
}
VAE_CONFIG = CONFIGS / "wan2.1_vae.json"
TEXT_TOKENS, TEXT_DIM = 512, 4096  # UMT5-XXL output the transformer cross-attends to


def build_transformer(model: str, device: str, dtype: torch.dtype) -> torch.nn.Module:
    from diffusers import WanVACETransformer3DModel

    config = json.loads(Path(TRANSFORMER_CONFIGS.get(model, model)).read_text())
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)  # built directly in the target dtype: no float32 copy
    try:
        with torch.device(device):
            transformer = WanVACETransformer3DModel.from_config(config)
    finally:
        torch.set_default_dtype(previous)
    return transformer.eval().requires_grad_(False)


def role_masks(frames: int, height: int, width: int, references: int) -> np.ndarray:
    """Two (or more) people standing side by side, as the animatic's two-shot places them."""
    masks = np.zeros((references, frames, height, width), dtype=bool)
    slot = width // references
    for role in range(references):
        left = role * slot + slot // 4
        masks[role, :, height // 5 :, left : left + slot // 2] = True
    return masks


def shot_inputs(args: argparse.Namespace, device: str, dtype: torch.dtype) -> dict:
    latent_frames = latent_frame_count(args.frames) + args.references
    shape = (1, 16, latent_frames, args.height // 8, args.width // 8)
    generator = torch.Generator(device="cpu").manual_seed(0)

    def noise(*size: int) -> torch.Tensor:
        return torch.randn(*size, generator=generator).to(device=device, dtype=dtype)

    return {
        "hidden_states": noise(*shape),
        "control_hidden_states": noise(1, 96, *shape[2:]),
        "encoder_hidden_states": noise(1, TEXT_TOKENS, TEXT_DIM),
        "timestep": torch.tensor([900], device=device),
    }


def dry_run(args: argparse.Namespace) -> None:
    masks = role_masks(args.frames, args.height, args.width, args.references)
    started = time.perf_counter()
    layout = build_region_layout(masks)
    layout_seconds = time.perf_counter() - started
    per_frame = (args.height // 16) * (args.width // 16)
    print(f"shot: {args.width}x{args.height}, {args.frames} frames, {args.references} references")
    print(f"tokens: {layout.token_count} ({per_frame} per latent frame); region groups: "
          f"{[group.references for group in layout.groups]}; layout built in "
          f"{layout_seconds:.2f} s on CPU")  # fmt: skip
    for model in args.models:
        transformer = build_transformer(model, "meta", torch.bfloat16)
        total = sum(p.numel() for p in transformer.parameters())
        vace = sum(p.numel() for n, p in transformer.named_parameters() if n.startswith("vace"))
        context = RegionContext()
        install_regional_attention(transformer, context)
        context.layout = build_region_layout(masks, device="meta")
        inputs = shot_inputs(args, "meta", torch.bfloat16)
        with torch.no_grad():
            output = transformer(**inputs, return_dict=False)[0]
        assert output.shape == inputs["hidden_states"].shape, output.shape
        preset = resolve_preset(model, args.memory)
        storage, _ = torch_dtypes(preset.dtype)
        weights_gb = total * torch.tensor([], dtype=storage).element_size() / 1e9
        print(f"{model}: {total / 1e9:.2f} G parameters ({vace / 1e9:.2f} G in VACE blocks); "
              f"forward on meta with regions -> {tuple(output.shape)} OK; preset {args.memory}: "
              f"{preset.describe()}, offload {preset.offload}, VAE tiling {preset.vae_tiling}, "
              f"transformer weights {weights_gb:.1f} GB")  # fmt: skip


def synchronize(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def peak_gb(device: str) -> float:
    return torch.cuda.max_memory_allocated() / 1e9 if device.startswith("cuda") else float("nan")


def reset_peak(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()


def time_steps(transformer, inputs: dict, steps: int, guidance: bool, device: str) -> float:
    """Seconds per denoising step (two passes with guidance), after one warm-up step."""
    passes = 2 if guidance else 1
    with torch.no_grad():
        for _ in range(passes):
            transformer(**inputs, return_dict=False)
        synchronize(device)
        started = time.perf_counter()
        for _ in range(steps * passes):
            transformer(**inputs, return_dict=False)
        synchronize(device)
    return (time.perf_counter() - started) / steps


def time_vae(args: argparse.Namespace, tiling: bool) -> tuple[float, float]:
    """Seconds to encode the control video (as VACE does) and to decode one shot."""
    from diffusers import AutoencoderKLWan

    device = args.device
    config = json.loads(VAE_CONFIG.read_text())
    with torch.device(device):
        vae = AutoencoderKLWan.from_config(config).eval().requires_grad_(False)
    if tiling:
        vae.enable_tiling()
    video = torch.rand(1, 3, args.frames, args.height, args.width, device=device) * 2 - 1
    reference = torch.rand(1, 3, 1, args.height, args.width, device=device) * 2 - 1
    latents = torch.randn(1, 16, latent_frame_count(args.frames), args.height // 8,
                          args.width // 8, device=device)  # fmt: skip
    with torch.no_grad():
        synchronize(device)
        started = time.perf_counter()
        for _ in range(2):  # inactive and reactive halves of the control video
            vae.encode(video)
        for _ in range(args.references):
            vae.encode(reference)
        synchronize(device)
        encode = time.perf_counter() - started
        started = time.perf_counter()
        vae.decode(latents)
        synchronize(device)
        decode = time.perf_counter() - started
    del vae
    reset_peak(device)
    return encode, decode


def benchmark(args: argparse.Namespace) -> None:
    device = args.device
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise SystemExit("No CUDA GPU here; run with --dry-run to check configs and shapes.")
    guidance = "on" if args.guidance else "off"
    name = torch.cuda.get_device_name() if device.startswith("cuda") else "CPU (smoke check)"
    print(f"device: {name}, torch {torch.__version__}; shot "
          f"{args.width}x{args.height}, {args.frames} frames, {args.references} references, "
          f"guidance {guidance}, {args.shot_steps} steps per shot")  # fmt: skip
    masks = role_masks(args.frames, args.height, args.width, args.references)
    results = []
    for model in args.models:
        preset = resolve_preset(model, args.memory)
        storage, compute = torch_dtypes(preset.dtype)
        reset_peak(device)
        transformer = build_transformer(model, device, compute)
        if storage != compute:
            transformer.enable_layerwise_casting(storage_dtype=storage, compute_dtype=compute)
        context = RegionContext()
        install_regional_attention(transformer, context)
        inputs = shot_inputs(args, device, compute)
        row = {"model": model, "preset": preset.describe(), "memory": args.memory}
        regions = build_region_layout(masks, device=device)
        for attention in ("stock", "regional"):
            context.layout = regions if attention == "regional" else None
            reset_peak(device)
            seconds = time_steps(transformer, inputs, args.steps, args.guidance, device)
            row[f"{attention}_s_per_step"] = round(seconds, 3)
            row[f"{attention}_steps_per_s"] = round(1 / seconds, 4)
            row[f"{attention}_peak_gb"] = round(peak_gb(device), 2)
        del transformer, inputs
        reset_peak(device)
        encode, decode = time_vae(args, preset.vae_tiling)
        row["vae_encode_s"], row["vae_decode_s"] = round(encode, 2), round(decode, 2)
        row["vae_peak_gb"] = round(peak_gb(device), 2)
        row["regional_s_per_shot"] = round(
            args.shot_steps * row["regional_s_per_step"] + encode + decode, 1
        )
        row["regional_vs_stock"] = round(row["regional_s_per_step"] / row["stock_s_per_step"], 3)
        results.append(row)
        print(json.dumps(row))
    print("\nmodel | preset | s/step stock | s/step regional | ratio | steps/s | s per shot "
          "| peak GB (transformer) | VAE enc+dec s | VAE peak GB")  # fmt: skip
    for row in results:
        print(f"{row['model']} | {row['preset']} | {row['stock_s_per_step']} | "
              f"{row['regional_s_per_step']} | {row['regional_vs_stock']} | "
              f"{row['regional_steps_per_s']} | {row['regional_s_per_shot']} | "
              f"{row['regional_peak_gb']} | {row['vae_encode_s'] + row['vae_decode_s']:.1f} | "
              f"{row['vae_peak_gb']}")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default="1.3B,14B", type=lambda s: s.split(","))
    parser.add_argument("--memory", choices=["24gb", "80gb"], default="80gb")
    parser.add_argument("--width", type=int, default=832)
    parser.add_argument("--height", type=int, default=480)
    parser.add_argument("--frames", type=int, default=81)
    parser.add_argument("--references", type=int, default=2)
    parser.add_argument("--steps", type=int, default=3, help="timed denoising steps")
    parser.add_argument("--shot-steps", type=int, default=30, help="steps in one shot")
    parser.add_argument("--no-guidance", dest="guidance", action="store_false")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--device", default="cuda", help="cpu: a smoke check of this script")
    args = parser.parse_args(argv)
    # A path to another transformer config is accepted too (a small one checks this script).
    unknown = {m for m in args.models if m not in TRANSFORMER_CONFIGS and not Path(m).is_file()}
    if unknown:
        parser.error(f"unknown model {', '.join(sorted(unknown))}; use 1.3B and/or 14B")
    if (args.frames - 1) % 4 or args.width % 16 or args.height % 16:
        parser.error("frames must be 4k + 1 and the size multiples of 16 (Wan's latent grid)")
    dry_run(args) if args.dry_run else benchmark(args)


if __name__ == "__main__":
    main()
