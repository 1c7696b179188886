"""Per-role attention regions: token grouping and the regional attention processor (CPU)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from diffusers.models.transformers.transformer_wan import WanAttnProcessor

from core.generation.wan.regions import (
    RegionalReferenceAttnProcessor,
    RegionContext,
    build_region_layout,
    install_regional_attention,
    latent_frame_count,
    token_reference_bits,
)
from tests.core.generation.wan.wan_tiny import Z_DIM, tiny_wan_vace_pipeline

FRAMES, H, W = 9, 64, 96  # 3 latent frames of 4×6 tokens


def two_role_masks() -> np.ndarray:
    masks = np.zeros((2, FRAMES, H, W), bool)
    masks[0, :, :, :30] = True  # role 0: the left third
    masks[1, :, 20:, 60:] = True  # role 1: lower right
    return masks


def test_latent_frames_cover_one_then_four_video_frames():
    masks = np.zeros((1, FRAMES, H, W), bool)
    masks[0, 5, 0:16, 0:16] = True  # only video frame 5: latent frame 2 (frames 5-8)

    bits = token_reference_bits(masks, margin=0)

    assert bits.shape == (latent_frame_count(FRAMES), H // 16, W // 16) == (3, 4, 6)
    assert bits[2, 0, 0] == 1 and bits.sum() == 1
    masks[0, 5] = False
    masks[0, 0, 40, 90] = True  # frame 0 alone is latent frame 0
    assert np.argwhere(token_reference_bits(masks, margin=0)).tolist() == [[0, 2, 5]]


def test_margin_grows_regions_by_whole_tokens():
    masks = np.zeros((1, FRAMES, H, W), bool)
    masks[0, :, 16:32, 32:48] = True  # token (1, 2)

    grown = token_reference_bits(masks, margin=1)[0]

    assert np.argwhere(grown).tolist() == [[0, 2], [1, 1], [1, 2], [1, 3], [2, 2]]


def test_masks_off_the_latent_grid_are_refused():
    with pytest.raises(ValueError, match="4k \\+ 1 frames"):
        token_reference_bits(np.zeros((1, 8, H, W), bool))
    with pytest.raises(ValueError, match="multiples of 16"):
        token_reference_bits(np.zeros((1, FRAMES, 60, W), bool))


def test_layout_groups_every_token_once_with_its_allowed_references():
    layout = build_region_layout(two_role_masks(), margin=0)

    per_frame = (H // 16) * (W // 16)
    assert layout.video_start == 2 * per_frame
    assert layout.token_count == (2 + 3) * per_frame
    every = torch.cat([group.queries for group in layout.groups]).sort().values
    assert torch.equal(every, torch.arange(layout.token_count))
    by_refs = {group.references: group for group in layout.groups}
    # Reference 0's own tokens may see reference 0 (and the video), never reference 1.
    assert set(range(per_frame)) <= set(by_refs[(0,)].queries.tolist())
    keys = set(by_refs[(1,)].keys.tolist())
    assert set(range(per_frame, 2 * per_frame)) <= keys and not keys & set(range(per_frame))
    assert by_refs[()].keys is None  # background tokens: the video only


@pytest.fixture(scope="module")
def attention():
    transformer = tiny_wan_vace_pipeline().transformer
    latents = torch.zeros(1, Z_DIM, 2 + latent_frame_count(FRAMES), H // 8, W // 8)
    return transformer.blocks[0].attn1, transformer.rope(latents)


def run(processor, attn, hidden, rotary):
    with torch.no_grad():
        return processor(attn, hidden, None, None, rotary)


def test_regional_attention_equals_a_dense_masked_attention(attention):
    attn, rotary = attention
    layout = build_region_layout(two_role_masks())
    context = RegionContext()
    processor = RegionalReferenceAttnProcessor(context)
    hidden = torch.randn(
        1, layout.token_count, attn.inner_dim, generator=torch.Generator().manual_seed(1)
    )

    stock = run(WanAttnProcessor(), attn, hidden, rotary)
    assert torch.equal(run(processor, attn, hidden, rotary), stock)  # no layout: the stock one

    context.layout = layout
    regional = run(processor, attn, hidden, rotary)
    allowed = torch.zeros(layout.token_count, layout.token_count, dtype=torch.bool)
    for group in layout.groups:
        keys = (
            group.keys
            if group.keys is not None
            else torch.arange(layout.video_start, layout.token_count)
        )
        allowed[group.queries[:, None], keys[None, :]] = True
    dense = WanAttnProcessor()(attn, hidden, None, allowed[None, None], rotary)
    assert torch.allclose(regional, dense, atol=1e-5)
    assert (regional - stock).abs().max() > 1e-3  # the split really changes attention


def test_a_reference_cannot_reach_another_roles_region(attention):
    attn, rotary = attention
    layout = build_region_layout(two_role_masks(), margin=0)
    processor = RegionalReferenceAttnProcessor(RegionContext())
    processor.context.layout = layout
    hidden = torch.randn(
        1, layout.token_count, attn.inner_dim, generator=torch.Generator().manual_seed(2)
    )
    per_frame = layout.video_start // 2
    changed = hidden.clone()
    changed[:, per_frame : 2 * per_frame] += 3.0  # a different face for reference 1

    before, after = run(processor, attn, hidden, rotary), run(processor, attn, changed, rotary)

    moved = (after - before).abs().amax(dim=-1)[0]
    by_refs = {group.references: group.queries for group in layout.groups}
    assert moved[by_refs[(0,)]].max() == 0  # role 0's region and reference: untouched
    assert moved[by_refs[()]].max() == 0  # background: untouched
    assert moved[by_refs[(1,)]].min() > 0  # role 1's region follows its reference


def test_installing_reaches_every_self_attention_and_keeps_the_output_without_regions():
    pipe = tiny_wan_vace_pipeline()
    transformer = pipe.transformer
    latents = torch.randn(1, Z_DIM, 3, 8, 8, generator=torch.Generator().manual_seed(3))
    control = torch.randn(1, 2 * Z_DIM + 64, 3, 8, 8, generator=torch.Generator().manual_seed(4))
    text = torch.randn(1, 5, 16, generator=torch.Generator().manual_seed(5))

    def forward():
        with torch.no_grad():
            return transformer(latents, torch.tensor([500]), text,
                               control_hidden_states=control, return_dict=False)[0]  # fmt: skip

    before = forward()
    installed = install_regional_attention(transformer, RegionContext())

    assert installed == len(transformer.blocks) + len(transformer.vace_blocks) == 5
    assert all(isinstance(block.attn2.processor, WanAttnProcessor) for block in transformer.blocks)
    assert not any(isinstance(block.attn2.processor, RegionalReferenceAttnProcessor)
                   for block in transformer.blocks)  # fmt: skip
    assert torch.equal(forward(), before)
