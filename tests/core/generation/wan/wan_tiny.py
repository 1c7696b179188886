"""Tiny, randomly initialised Wan pipelines built from configs (no download), and test spies."""

from __future__ import annotations

import torch
from diffusers import (
    AutoencoderKLWan,
    FlowMatchEulerDiscreteScheduler,
    UniPCMultistepScheduler,
    WanAnimatePipeline,
    WanAnimateTransformer3DModel,
    WanVACEPipeline,
    WanVACETransformer3DModel,
)
from transformers import (
    ByT5Tokenizer,
    CLIPImageProcessor,
    CLIPVisionConfig,
    CLIPVisionModel,
    UMT5Config,
    UMT5EncoderModel,
)

Z_DIM = 4  # latent channels of the tiny VAE


def tiny_wan_vace_pipeline() -> WanVACEPipeline:
    """A Wan VACE pipeline with the real architecture at toy sizes (random weights)."""
    torch.manual_seed(0)
    tokenizer = ByT5Tokenizer()  # byte-level: needs no vocabulary file
    text_encoder = UMT5EncoderModel(
        UMT5Config(
            vocab_size=len(tokenizer),
            d_model=16,
            d_kv=4,
            d_ff=32,
            num_layers=2,
            num_heads=4,
            relative_attention_num_buckets=8,
        )
    )
    vae = _tiny_vae(Z_DIM)
    transformer = WanVACETransformer3DModel(
        patch_size=(1, 2, 2),
        num_attention_heads=2,
        attention_head_dim=8,
        in_channels=Z_DIM,
        out_channels=Z_DIM,
        text_dim=16,
        freq_dim=16,
        ffn_dim=16,
        num_layers=3,
        rope_max_seq_len=32,
        vace_layers=[0, 2],
        # inactive + reactive video latents, plus the 8×8 mask folded into channels
        vace_in_channels=2 * Z_DIM + 8 * 8,
    )
    pipe = WanVACEPipeline(
        tokenizer=tokenizer,
        text_encoder=text_encoder,
        vae=vae,
        scheduler=FlowMatchEulerDiscreteScheduler(shift=3.0),
        transformer=transformer,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _tiny_vae(z_dim: int) -> AutoencoderKLWan:
    """Wan's video VAE at toy size: 3 base channels, one block per level, ``z_dim`` latents."""
    return AutoencoderKLWan(
        base_dim=3,
        z_dim=z_dim,
        dim_mult=[1, 1, 1, 1],
        num_res_blocks=1,
        temperal_downsample=[False, True, True],
        latents_mean=[0.0] * z_dim,
        latents_std=[1.0] * z_dim,
    )


class CountingFactory:
    """Builds the tiny pipeline and counts how often the backend asked for one."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> WanVACEPipeline:
        self.calls += 1
        return tiny_wan_vace_pipeline()


class RecordingPipeline:
    """Passes calls to a real pipeline and keeps the arguments of each."""

    def __init__(self, pipe: WanVACEPipeline) -> None:
        self.pipe = pipe
        self.calls: list[dict] = []

    def __call__(self, **kwargs):
        self.calls.append(kwargs)
        return self.pipe(**kwargs)

    def __getattr__(self, name: str):
        return getattr(self.pipe, name)


ANIMATE_Z_DIM = 16  # Wan-Animate's reference latents are concatenated on channels: 2·z + 4
FACE_SIZE = 16  # the tiny motion encoder's face crop side (the real one takes 512)


def tiny_wan_animate_pipeline() -> WanAnimatePipeline:
    """A Wan-Animate pipeline with the real architecture at toy sizes (random weights)."""
    torch.manual_seed(0)
    tokenizer = ByT5Tokenizer()
    text_encoder = _tiny_text_encoder(tokenizer)
    vae = _tiny_vae(ANIMATE_Z_DIM)
    image_encoder = CLIPVisionModel(
        CLIPVisionConfig(
            hidden_size=4,
            projection_dim=4,
            num_hidden_layers=2,
            num_attention_heads=2,
            image_size=4,
            intermediate_size=16,
            patch_size=1,
        )
    )
    transformer = WanAnimateTransformer3DModel(
        patch_size=(1, 2, 2),
        num_attention_heads=2,
        attention_head_dim=12,
        in_channels=2 * ANIMATE_Z_DIM + 4,
        latent_channels=ANIMATE_Z_DIM,
        out_channels=ANIMATE_Z_DIM,
        text_dim=16,
        freq_dim=16,
        ffn_dim=32,
        num_layers=2,
        rope_max_seq_len=32,
        image_dim=4,
        motion_encoder_channel_sizes={"4": 8, "8": 8, "16": 8},
        motion_encoder_size=FACE_SIZE,
        motion_style_dim=8,
        motion_dim=4,
        motion_encoder_dim=8,
        face_encoder_hidden_dim=8,
        face_encoder_num_heads=2,
        inject_face_latents_blocks=2,
        motion_encoder_batch_size=4,
    )
    pipe = WanAnimatePipeline(
        tokenizer=tokenizer,
        text_encoder=text_encoder,
        vae=vae,
        scheduler=UniPCMultistepScheduler(),
        image_processor=CLIPImageProcessor(crop_size=4, size=4),
        image_encoder=image_encoder,
        transformer=transformer,
    )
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _tiny_text_encoder(tokenizer: ByT5Tokenizer) -> UMT5EncoderModel:
    return UMT5EncoderModel(
        UMT5Config(
            vocab_size=len(tokenizer),
            d_model=16,
            d_kv=4,
            d_ff=32,
            num_layers=2,
            num_heads=4,
            relative_attention_num_buckets=8,
        )
    )
