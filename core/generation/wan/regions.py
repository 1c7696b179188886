"""Per-role regions for Wan VACE: each double's reference conditions only its own region.

``WanVACEPipeline`` puts every reference image in front of the video as one extra latent frame
and lets every token attend to every other one, so with two doubles on screen each face can
borrow from either reference (identities bleed or swap). Here the transformer's self-attention
is split by role: a video token inside role A's region (from the animatic's per-role masks, see
:mod:`core.generation.wan.control`) attends to the whole video and to A's reference only; a
token outside every region attends to the video alone; a reference's own tokens attend to the
video and themselves. Text cross-attention is untouched.

The split is exact, not an approximation: each group of queries runs one ordinary attention
call over the keys it may see (so flash / memory-efficient kernels still apply), instead of a
dense ``tokens × tokens`` mask, which at 480p and 81 frames would be 1.3 GB per call.

Token layout (diffusers 0.42.1, ``WanVACETransformer3DModel``): latents are ``(refs + 1 +
(frames - 1) / 4)`` latent frames of ``(height / 16) × (width / 16)`` tokens, flattened frame
by frame, references first. Latent frame 0 is video frame 0; latent frame ``k ≥ 1`` covers
video frames ``4k - 3 … 4k`` (the VAE's causal 4× time compression).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from diffusers.models.attention_dispatch import dispatch_attention_fn
from diffusers.models.transformers.transformer_wan import WanAttnProcessor, _get_qkv_projections

TEMPORAL_STEP = 4  # video frames per latent frame (after the first)
TOKEN_PIXELS = 16  # 8× VAE compression × 2×2 patches
# A region grows by this many tokens around the role's pixels: the model paints hair,
# shoulders and motion a little beyond the animatic's cut-out.
REGION_MARGIN_TOKENS = 1


@dataclass(frozen=True, eq=False)
class TokenGroup:
    """Queries that may see the same references, and the keys they attend to."""

    references: tuple[int, ...]  # reference-image indices these queries may attend to
    queries: torch.Tensor  # (n,) token indices
    keys: torch.Tensor | None  # (m,) token indices; None: the video tokens only (a slice)


@dataclass(frozen=True, eq=False)
class RegionLayout:
    """How one shot's tokens are grouped; built once per shot, used by every layer and step."""

    token_count: int
    video_start: int  # first video token (the references' tokens come before it)
    groups: tuple[TokenGroup, ...]


def latent_frame_count(frames: int) -> int:
    """Latent frames Wan's VAE makes from ``frames`` video frames (``4k + 1`` → ``k + 1``)."""
    return 1 + (frames - 1) // TEMPORAL_STEP


def token_reference_bits(
    role_masks: np.ndarray, *, margin: int = REGION_MARGIN_TOKENS
) -> np.ndarray:
    """For every video token, which references it may attend to (bit ``r`` = reference ``r``).

    Args:
        role_masks: ``(roles, frames, height, width)`` booleans, one stack per reference image
            in the same order; ``frames`` is ``4k + 1``, sizes are multiples of 16.
        margin: Tokens added around each region.

    Returns:
        ``(latent_frames, height / 16, width / 16)`` int64 bit sets.

    Raises:
        ValueError: The masks' frame count or size does not fit Wan's latent grid, or more
            than 62 roles are given.
    """
    roles, frames, height, width = role_masks.shape
    if (frames - 1) % TEMPORAL_STEP or height % TOKEN_PIXELS or width % TOKEN_PIXELS:
        raise ValueError(
            f"Role masks of {frames} frames of {width}×{height} do not fit Wan's latent grid "
            f"(4k + 1 frames, sides in multiples of {TOKEN_PIXELS})."
        )
    if roles > 62:
        raise ValueError(f"{roles} roles in one shot; at most 62 fit a token's bit set.")
    rows, columns = height // TOKEN_PIXELS, width // TOKEN_PIXELS
    bits = np.zeros((latent_frame_count(frames), rows, columns), dtype=np.int64)
    for role in range(roles):
        # Any pixel of the role inside a token's 16×16 block, in any frame the latent covers.
        blocks = role_masks[role].reshape(frames, rows, TOKEN_PIXELS, columns, TOKEN_PIXELS)
        per_frame = blocks.any(axis=(2, 4))
        covered = np.concatenate(
            [
                per_frame[:1],
                per_frame[1:].reshape(-1, TEMPORAL_STEP, rows, columns).any(axis=1),
            ]
        )
        bits |= _dilate(covered, margin).astype(np.int64) << role
    return bits


def _dilate(mask: np.ndarray, margin: int) -> np.ndarray:
    grown = mask.copy()
    for _ in range(margin):
        step = grown.copy()
        step[:, 1:] |= grown[:, :-1]
        step[:, :-1] |= grown[:, 1:]
        step[:, :, 1:] |= grown[:, :, :-1]
        step[:, :, :-1] |= grown[:, :, 1:]
        grown = step
    return grown


def build_region_layout(
    role_masks: np.ndarray, *, device: Any = "cpu", margin: int = REGION_MARGIN_TOKENS
) -> RegionLayout:
    """Group a shot's tokens by the references they may see.

    Args:
        role_masks: ``(references, frames, height, width)`` booleans (see
            :func:`token_reference_bits`); one stack per reference image, in order.
        device: Where the index tensors live (the transformer's device).
        margin: Tokens added around each region.

    Returns:
        The layout for :class:`RegionalReferenceAttnProcessor`.
    """
    references = role_masks.shape[0]
    bits = token_reference_bits(role_masks, margin=margin).reshape(-1)
    per_frame = bits.size // latent_frame_count(role_masks.shape[1])
    video_start = references * per_frame
    token_count = video_start + bits.size
    video_tokens = np.arange(video_start, token_count)
    query_bits = np.concatenate([np.repeat(1 << np.arange(references), per_frame), bits])
    groups = []
    for value in np.unique(query_bits):
        allowed = tuple(r for r in range(references) if value >> r & 1)
        queries = np.flatnonzero(query_bits == value)
        keys = None
        if allowed:
            reference_tokens = [np.arange(r * per_frame, (r + 1) * per_frame) for r in allowed]
            keys = torch.from_numpy(np.concatenate([*reference_tokens, video_tokens])).to(device)
        groups.append(TokenGroup(allowed, torch.from_numpy(queries).to(device), keys))
    return RegionLayout(token_count, video_start, tuple(groups))


class RegionContext:
    """The layout in force for the current call; one per pipeline, shared by its processors.

    The backend sets it around one ``WanVACEPipeline`` call (under its generate lock) and
    clears it afterwards, so a call without regions runs the stock attention.
    """

    def __init__(self) -> None:
        self.layout: RegionLayout | None = None


def install_regional_attention(transformer: Any, context: RegionContext) -> int:
    """Give every self-attention layer of a Wan VACE transformer the regional processor.

    Returns:
        How many attention layers now use it (main and VACE blocks).
    """
    installed = 0
    for block in [*transformer.blocks, *getattr(transformer, "vace_blocks", [])]:
        block.attn1.set_processor(RegionalReferenceAttnProcessor(context))
        installed += 1
    return installed


class RegionalReferenceAttnProcessor(WanAttnProcessor):
    """``WanAttnProcessor`` whose self-attention follows the context's :class:`RegionLayout`.

    With no layout set (or a sequence of another length, or cross-attention) it is the stock
    processor, so installing it changes nothing until regions are given.
    """

    def __init__(self, context: RegionContext) -> None:
        super().__init__()
        self.context = context

    def __call__(
        self,
        attn: Any,
        hidden_states: torch.Tensor,
        encoder_hidden_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        rotary_emb: tuple[torch.Tensor, torch.Tensor] | None = None,
    ) -> torch.Tensor:
        layout = self.context.layout
        if (
            layout is None
            or encoder_hidden_states is not None
            or attention_mask is not None
            or hidden_states.shape[1] != layout.token_count
        ):
            return super().__call__(
                attn, hidden_states, encoder_hidden_states, attention_mask, rotary_emb
            )
        # As WanAttnProcessor (diffusers 0.42.1) up to the attention call itself.
        query, key, value = _get_qkv_projections(attn, hidden_states, None)
        query = attn.norm_q(query).unflatten(2, (attn.heads, -1))
        key = attn.norm_k(key).unflatten(2, (attn.heads, -1))
        value = value.unflatten(2, (attn.heads, -1))
        if rotary_emb is not None:
            query = _apply_rotary_emb(query, *rotary_emb)
            key = _apply_rotary_emb(key, *rotary_emb)

        output = torch.empty_like(query)
        for group in layout.groups:
            if group.keys is None:
                group_key = key[:, layout.video_start :]
                group_value = value[:, layout.video_start :]
            else:
                group_key, group_value = key[:, group.keys], value[:, group.keys]
            output[:, group.queries] = dispatch_attention_fn(
                query[:, group.queries],
                group_key,
                group_value,
                attn_mask=None,
                dropout_p=0.0,
                is_causal=False,
                backend=self._attention_backend,
            ).type_as(query)
        output = output.flatten(2, 3)
        output = attn.to_out[0](output)
        return attn.to_out[1](output)


def _apply_rotary_emb(
    hidden_states: torch.Tensor, freqs_cos: torch.Tensor, freqs_sin: torch.Tensor
) -> torch.Tensor:
    x1, x2 = hidden_states.unflatten(-1, (-1, 2)).unbind(-1)
    cos = freqs_cos[..., 0::2]
    sin = freqs_sin[..., 1::2]
    out = torch.empty_like(hidden_states)
    out[..., 0::2] = x1 * cos - x2 * sin
    out[..., 1::2] = x1 * sin + x2 * cos
    return out.type_as(hidden_states)
