"""Lip sync: phoneme timings -> visemes -> a mouth shape per output frame.

Each phoneme the voice speaks (IPA from piper/espeak, or pinyin initials and finals for Chinese)
maps to a viseme: how far the jaw drops (``open``, 0..1) and whether the lips spread or round
(``wide``, -1 round .. +1 spread). The step curve of targets is smoothed (lips move toward the
next sound before it starts: coarticulation) and averaged over each output frame, then scaled
by the line's loudness so stressed syllables open wider than unstressed ones. Lines without
timings fall back to the loudness alone.

The result is a ``(frames, 2)`` float32 array per line, aligned like the line's loudness array;
:mod:`core.acting.mouth` turns it into pixels.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from core.voice.speech import PhonemeTiming

# (open, wide) per viseme class.
_CLOSED = (0.0, 0.0)  # p b m: lips pressed
_LIP_TEETH = (0.12, 0.15)  # f v: lower lip under the teeth
_TEETH = (0.22, 0.35)  # t d n l s z θ ð: tongue behind the teeth, jaw nearly closed
_HUSH = (0.25, -0.45)  # ʃ ʒ tʃ dʒ: lips pushed forward
_BACK = (0.35, 0.1)  # k g ŋ h x: open, tongue back
_R = (0.3, -0.35)
_W = (0.15, -0.9)
_Y = (0.22, 0.5)
_OPEN = (1.0, 0.15)  # a ɑ æ ɐ ʌ
_MID = (0.62, 0.4)  # e ɛ
_SCHWA = (0.45, 0.05)
_HIGH_FRONT = (0.3, 0.8)  # i ɪ
_ROUND_MID = (0.6, -0.6)  # o ɔ ɒ
_ROUND_HIGH = (0.3, -0.9)  # u ʊ y

_IPA: dict[str, tuple[float, float]] = {
    **dict.fromkeys("pbmɱ", _CLOSED),
    **dict.fromkeys("fv", _LIP_TEETH),
    **dict.fromkeys("tdnlszθðɾɫɬʦʣ", _TEETH),
    **dict.fromkeys("ʃʒʧʤɕʑʂʐ", _HUSH),
    **dict.fromkeys("kgŋhxɣχʔɡqɲ", _BACK),
    **dict.fromkeys("ɹrʁʀɻ", _R),
    **dict.fromkeys("wʍɥ", _W),
    **dict.fromkeys("jʎ", _Y),
    **dict.fromkeys("aɑæɐʌɶ", _OPEN),
    **dict.fromkeys("eɛœø", _MID),
    **dict.fromkeys("əɚɜɝᵻɘɵ", _SCHWA),
    **dict.fromkeys("iɪɨ", _HIGH_FRONT),
    **dict.fromkeys("oɔɒɤ", _ROUND_MID),
    **dict.fromkeys("uʊyʏɯ", _ROUND_HIGH),
}
# Symbols that are no sound of their own: stress, length, tone, ties and word spaces keep the
# mouth where the neighbouring phoneme puts it.
_CARRY = frozenset("ˈˌːˑ ‿̃͡ʰʲ˞-12345")
# Pinyin initials and finals (Chinese voices): the first letter decides for initials, the
# main vowel for finals.
_PINYIN_INITIALS: dict[str, tuple[float, float]] = {
    "b": _CLOSED, "p": _CLOSED, "m": _CLOSED, "f": _LIP_TEETH,
    "d": _TEETH, "t": _TEETH, "n": _TEETH, "l": _TEETH, "z": _TEETH, "c": _TEETH, "s": _TEETH,
    "zh": _HUSH, "ch": _HUSH, "sh": _HUSH, "r": _R, "j": _Y, "q": _Y, "x": _Y,
    "g": _BACK, "k": _BACK, "h": _BACK,
}  # fmt: skip

SMOOTHING_SECONDS = 0.03  # Gaussian sigma: lips glide between targets, closures still show
OPEN_FLOOR = 0.15  # a quiet syllable still opens this share of its viseme


def viseme_of(phoneme: str) -> tuple[float, float] | None:
    """The (open, wide) target of a phoneme; None for symbols that are no sound of their own.

    Pauses and punctuation close the mouth; unknown letters get a neutral half-open shape.
    """
    if not phoneme or all(char in _CARRY for char in phoneme):
        return None
    symbol = phoneme.rstrip("012345")
    if symbol in _PINYIN_INITIALS:
        return _PINYIN_INITIALS[symbol]
    if len(symbol) > 1 and symbol.isascii() and symbol.isalpha():
        return _pinyin_final(symbol)
    char = next((c for c in symbol if c not in _CARRY), "")
    if char in _IPA:
        return _IPA[char]
    if not char.isalpha():  # ^ $ _ . , ? ! and friends: breath, pause, sentence ends
        return _CLOSED
    return _SCHWA


def _pinyin_final(final: str) -> tuple[float, float]:
    for vowel, shape in (("a", _OPEN), ("o", _ROUND_MID), ("e", _MID), ("u", _ROUND_HIGH),
                         ("v", _ROUND_HIGH), ("i", _HIGH_FRONT)):  # fmt: skip
        if vowel in final:
            return shape
    return _SCHWA


def mouth_track(
    phonemes: Sequence[PhonemeTiming],
    *,
    start: float,
    fps: int,
    frame_count: int,
    loudness: np.ndarray,
) -> np.ndarray:
    """The mouth shape of one placed line for every output frame of its shot.

    Args:
        phonemes: The line's phoneme timings (seconds from the line's start); empty when the
            voice gave none, and the loudness alone then opens the mouth.
        start: Seconds from the shot's start to the line's start.
        fps: Output frame rate.
        frame_count: Frames in the shot.
        loudness: The line's loudness per frame of the shot (0..1), see
            :func:`core.generation.dialogue.loudness_envelope`.

    Returns:
        float32 array ``(frame_count, 2)``: jaw opening 0..1 and lip spread -1..1 per frame;
        zeros outside the line.
    """
    track = np.zeros((frame_count, 2), dtype=np.float32)
    if frame_count == 0:
        return track
    loudness = np.asarray(loudness, dtype=np.float32)[:frame_count]
    if not phonemes:
        track[: len(loudness), 0] = loudness
        return track
    rate = 1000  # the step curve is built at 1 ms resolution, then averaged per frame
    end = max(timing.end for timing in phonemes)
    samples = max(1, round(end * rate))
    targets = np.zeros((samples, 2), dtype=np.float32)
    previous = _CLOSED
    resolved = _resolve(phonemes)
    for timing, shape in zip(phonemes, resolved, strict=True):
        shape = shape if shape is not None else previous
        targets[round(timing.start * rate) : round(timing.end * rate)] = shape
        previous = shape
    smooth = _gaussian_smooth(targets, SMOOTHING_SECONDS * rate)
    for frame in range(frame_count):
        begin = round((frame / fps - start) * rate)
        stop = round(((frame + 1) / fps - start) * rate)
        begin, stop = max(begin, 0), min(stop, samples)
        if stop > begin:
            track[frame] = smooth[begin:stop].mean(axis=0)
    level = np.zeros(frame_count, dtype=np.float32)
    level[: len(loudness)] = loudness
    track[:, 0] *= OPEN_FLOOR + (1.0 - OPEN_FLOOR) * level
    track[:, 1] *= np.minimum(1.0, 4.0 * track[:, 0] + 0.3)  # a closed mouth barely spreads
    return np.clip(track, [0.0, -1.0], [1.0, 1.0]).astype(np.float32)


def _resolve(phonemes: Sequence[PhonemeTiming]) -> list[tuple[float, float] | None]:
    """Viseme per phoneme; carried symbols take the next sound's shape (stress marks precede
    their vowel) or, at the end of a word, the previous one's."""
    shapes = [viseme_of(timing.phoneme) for timing in phonemes]
    resolved: list[tuple[float, float] | None] = list(shapes)
    for index, shape in enumerate(shapes):
        if shape is not None:
            continue
        following = next((s for s in shapes[index + 1 : index + 2] if s is not None), None)
        is_stress = phonemes[index].phoneme in ("ˈ", "ˌ")
        resolved[index] = following if is_stress else None
    return resolved


def _gaussian_smooth(values: np.ndarray, sigma: float) -> np.ndarray:
    radius = max(1, round(3 * sigma))
    kernel = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.pad(values, ((radius, radius), (0, 0)), mode="edge")
    return np.stack(
        [np.convolve(padded[:, column], kernel, mode="valid") for column in range(values.shape[1])],
        axis=1,
    ).astype(np.float32)


__all__ = ["OPEN_FLOOR", "mouth_track", "viseme_of"]
