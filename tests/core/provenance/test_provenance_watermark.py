"""The invisible clip-id watermark on single frames: JPEG, rescale, wrong and missing marks."""

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from core.provenance import WatermarkError, embed_watermark, read_watermark, should_watermark
from core.provenance.watermark import (
    PAYLOAD_BITS,
    _top_singular_pairs,
    decode_watermark_bits,
    payload_bits,
)
from tests.core.provenance.provenance_media import HEIGHT, WIDTH, astronaut_pan, grace_hopper_frame

CLIP_ID = "3f9a0c27be6d4415"
OTHER_CLIP_ID = "c0ffee00deadbeef"


@pytest.fixture(scope="module")
def marked_hopper() -> np.ndarray:
    return embed_watermark(grace_hopper_frame(), CLIP_ID)


def jpeg_round_trip(frame: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(frame).save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return np.asarray(decoded.convert("RGB"))


def test_marked_frame_reads_back_its_clip_id(marked_hopper):
    reading = read_watermark([marked_hopper])

    assert reading.clip_id == CLIP_ID
    assert reading.agreement == 1.0
    assert reading.frames_read == 1


def test_watermark_is_invisible(marked_hopper):
    psnr = cv2.PSNR(grace_hopper_frame(), marked_hopper)

    assert psnr > 35


def test_watermark_survives_jpeg_75(marked_hopper):
    assert read_watermark([jpeg_round_trip(marked_hopper, 75)]).clip_id == CLIP_ID


def test_watermark_survives_half_size_rescale(marked_hopper):
    half = cv2.resize(marked_hopper, (WIDTH // 2, HEIGHT // 2), interpolation=cv2.INTER_AREA)

    assert read_watermark([half], embed_size=(WIDTH, HEIGHT)).clip_id == CLIP_ID


def test_unmarked_frames_read_as_none():
    frames = [grace_hopper_frame(), *astronaut_pan(2)]

    reading = read_watermark(frames)

    assert reading.clip_id is None


def test_a_foreign_watermark_without_our_check_reads_as_none():
    from imwatermark import WatermarkEncoder

    foreign_bits = np.random.default_rng(7).integers(0, 2, PAYLOAD_BITS).tolist()
    encoder = WatermarkEncoder()
    encoder.set_watermark("bits", foreign_bits)
    bgr = np.ascontiguousarray(grace_hopper_frame()[..., ::-1])
    foreign = np.ascontiguousarray(encoder.encode(bgr, "dwtDctSvd", scales=[0, 48, 0])[..., ::-1])

    reading = read_watermark([foreign])

    assert reading.clip_id is None
    # The bits themselves read cleanly; only the check tells them apart from ours.
    assert decode_watermark_bits(foreign).tolist() == [bool(bit) for bit in foreign_bits]


def test_another_clips_mark_reads_as_that_clip_not_ours():
    marked_elsewhere = embed_watermark(astronaut_pan(1)[0], OTHER_CLIP_ID)

    assert read_watermark([marked_elsewhere]).clip_id == OTHER_CLIP_ID


def test_majority_vote_outvotes_a_corrupted_frame(marked_hopper):
    astronaut_marked = embed_watermark(astronaut_pan(1)[0], CLIP_ID)
    corrupted = embed_watermark(grace_hopper_frame(), OTHER_CLIP_ID)

    reading = read_watermark([marked_hopper, astronaut_marked, corrupted])

    assert reading.clip_id == CLIP_ID
    assert 0.6 < reading.agreement < 1.0


def test_payload_is_id_plus_check_bits():
    bits = payload_bits(CLIP_ID)

    assert bits.shape == (PAYLOAD_BITS,)
    assert np.packbits(bits[:64]).tobytes().hex() == CLIP_ID
    assert not np.array_equal(bits[64:], payload_bits(OTHER_CLIP_ID)[64:])


def test_raw_bits_of_a_marked_frame_match_the_payload(marked_hopper):
    assert np.array_equal(decode_watermark_bits(marked_hopper), payload_bits(CLIP_ID))


def test_every_sixth_frame_is_marked():
    assert [index for index in range(20) if should_watermark(index)] == [0, 6, 12, 18]


@pytest.mark.parametrize("clip_id", ["3F9A0C27BE6D4415", "3f9a0c27be6d441", "not-a-clip-id!!!"])
def test_malformed_clip_ids_are_refused(clip_id):
    with pytest.raises(WatermarkError, match="16 lowercase hex"):
        embed_watermark(grace_hopper_frame(), clip_id)


def test_too_small_frames_are_refused():
    with pytest.raises(WatermarkError, match="256x256"):
        embed_watermark(np.zeros((120, 160, 3), np.uint8), CLIP_ID)


def test_every_block_of_the_band_carries_its_bit(marked_hopper):
    # Read each 4x4 block the way imwatermark's decoder does (DCT, top singular value).
    import pywt

    u_plane = cv2.cvtColor(marked_hopper, cv2.COLOR_RGB2YUV)[..., 1]
    approx, _ = pywt.dwt2(u_plane, "haar")
    expected = payload_bits(CLIP_ID)
    correct = total = 0
    for row in range(approx.shape[0] // 4):
        for col in range(approx.shape[1] // 4):
            block = approx[4 * row : 4 * row + 4, 4 * col : 4 * col + 4]
            top = np.linalg.svd(cv2.dct(block), compute_uv=False)[0]
            correct += (top % 48 > 24) == expected[total % PAYLOAD_BITS]
            total += 1

    assert correct / total > 0.99


def test_the_top_singular_pair_of_every_block_matches_a_full_svd():
    rng = np.random.default_rng(7)
    unique = np.concatenate(
        [
            rng.uniform(0, 510, (500, 4, 4)),  # image-like, and high-contrast noise
            np.zeros((1, 4, 4)),  # no direction at all
            np.diag([9.0, 8.99, 1.0, 0.0])[None],  # nearly equal top values: squaring can't settle
            np.full((1, 4, 4), 240.0),  # flat, rank one
        ]
    )
    tied = np.diag([9.0, 9.0, 1.0, 0.0])[None]  # any vector of the top pair's plane will do
    blocks = np.concatenate([unique, tied])

    left, values, right = _top_singular_pairs(blocks)

    exact_left, exact_values, exact_right = np.linalg.svd(blocks)
    np.testing.assert_allclose(values, exact_values[:, 0], rtol=1e-9, atol=1e-9)
    pair = left[:, :, None] * right[:, None, :]
    exact_pair = exact_left[:, :, :1] @ exact_right[:, :1, :]
    np.testing.assert_allclose(pair[: len(unique)], exact_pair[: len(unique)], atol=1e-7)
    np.testing.assert_allclose(np.linalg.norm(right, axis=1), 1.0)
    projected = (blocks @ right[..., None])[..., 0]
    np.testing.assert_allclose(projected, values[:, None] * left, atol=1e-9)


def test_marking_changes_the_frame_less_than_the_reference_library():
    from imwatermark import WatermarkEncoder

    frame = astronaut_pan(1)[0]
    encoder = WatermarkEncoder()
    encoder.set_watermark("bits", payload_bits(CLIP_ID).astype(int).tolist())
    reference = encoder.encode(
        np.ascontiguousarray(frame[..., ::-1]), "dwtDctSvd", scales=[0, 48, 0]
    )

    ours = embed_watermark(frame, CLIP_ID)

    assert decode_watermark_bits(ours).tolist() == payload_bits(CLIP_ID).tolist()
    assert cv2.PSNR(frame, ours) > cv2.PSNR(frame, np.ascontiguousarray(reference[..., ::-1]))


def test_up_to_two_systematically_flipped_bits_are_corrected_by_the_check():
    from core.provenance.watermark import MAX_CORRECTED_BITS, clip_id_from_bits

    bits = payload_bits(CLIP_ID)
    for positions in ([], [93], [0, 95], [5, 64]):
        damaged = bits.copy()
        damaged[positions] ^= True
        assert clip_id_from_bits(damaged) == (CLIP_ID, len(positions))
    assert MAX_CORRECTED_BITS == 2
    three_off = bits.copy()
    three_off[[1, 40, 80]] ^= True
    assert clip_id_from_bits(three_off) == (None, 0)
