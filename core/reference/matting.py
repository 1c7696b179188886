"""Per-frame subject mattes: who or what is the subject in each reference frame.

- People: `PersonSegmenter` runs MediaPipe's selfie-segmentation model (Apache-2.0, shipped in
  the mediapipe 0.10.21 wheel, installed by `core.model_files`) with `ai-edge-litert`.
- Pets, toys, characters: `segment_subject` runs OpenCV GrabCut seeded by a box on the first
  frame and propagates each matte as the seed of the next frame. Background subtraction was
  ruled out because reference videos are handheld: the background moves as much as the subject.

Mattes are HxW uint8 alpha (0 = background, 255 = subject), lightly smoothed over time and
feathered at the edge so the living sprite has no jagged outline.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from core.sentences import sentence

MODEL_INPUT_SIZE = 256
# Weight of the newest frame when smoothing probabilities over time: enough memory to calm
# flicker at the edge, little enough that a moving arm is not left behind.
TEMPORAL_WEIGHT_NEW = 0.65
# Probabilities below/above these become fully transparent/opaque; between them the edge ramps.
EDGE_LOW, EDGE_HIGH = 0.3, 0.7
MIN_SUBJECT_COVERAGE = 0.02
MAX_SUBJECT_COVERAGE = 0.95
GRABCUT_MAX_SIDE = 320
DEFAULT_SEED_MARGIN = 0.15  # the default seed box is the central 70 % of the frame


class MattingError(Exception):
    """Base error for subject segmentation."""


class NoSubjectFoundError(MattingError):
    """The matte is (almost) empty or (almost) the whole frame."""


def matte_coverage(mask: np.ndarray) -> float:
    """Share of the frame that belongs to the subject.

    Args:
        mask: HxW uint8 alpha matte.

    Returns:
        Fraction in [0, 1] of pixels with alpha ≥ 128.
    """
    return float(np.count_nonzero(mask >= 128)) / mask.size


def _feather(probability: np.ndarray) -> np.ndarray:
    """Probability map → uint8 alpha with a soft, ~1.5 % of the frame wide edge."""
    ramp = np.clip((probability - EDGE_LOW) / (EDGE_HIGH - EDGE_LOW), 0.0, 1.0)
    ramp = ramp * ramp * (3.0 - 2.0 * ramp)  # smoothstep: no visible kink at either end
    sigma = max(0.6, 0.004 * max(probability.shape))
    soft = cv2.GaussianBlur(ramp.astype(np.float32), (0, 0), sigma)
    return np.clip(soft * 255.0 + 0.5, 0, 255).astype(np.uint8)


def _smooth_over_time(probabilities: list[np.ndarray]) -> list[np.ndarray]:
    """Forward-backward exponential smoothing, so the result does not lag behind motion."""
    forward, backward = [], []
    running = probabilities[0]
    for probability in probabilities:
        running = TEMPORAL_WEIGHT_NEW * probability + (1 - TEMPORAL_WEIGHT_NEW) * running
        forward.append(running)
    running = probabilities[-1]
    for probability in reversed(probabilities):
        running = TEMPORAL_WEIGHT_NEW * probability + (1 - TEMPORAL_WEIGHT_NEW) * running
        backward.append(running)
    return [(a + b) / 2 for a, b in zip(forward, reversed(backward), strict=True)]


def _check_coverage(mattes: list[np.ndarray], box_area_share: float) -> None:
    coverage = float(np.median([matte_coverage(matte) for matte in mattes]))
    if coverage < MIN_SUBJECT_COVERAGE:
        raise NoSubjectFoundError(
            sentence(
                "reference.subject_too_small",
                "No subject was found: it covers only {coverage:.1%} of the picture. "
                "Please film the subject closer, in the middle of the frame, "
                "against a plain background.",
                coverage=coverage,
            )
        )
    if coverage > MAX_SUBJECT_COVERAGE * box_area_share:
        raise NoSubjectFoundError(
            sentence(
                "reference.subject_not_apart",
                "The subject could not be told apart from the background "
                "({coverage:.0%} of the picture looked like the subject). Please film it against "
                "a plain background that differs from it in colour, with some space around it.",
                coverage=coverage,
            )
        )


class PersonSegmenter:
    """Person mattes from the selfie-segmentation model (loaded once per instance).

    One interpreter is not safe to call from two threads at once, so calls are serialised
    with a lock; build one instance per process (see `load_person_segmenter`).
    """

    def __init__(self, model_path: Path, *, num_threads: int = 1) -> None:
        """Load the model.

        Args:
            model_path: Path of `selfie_segmentation.tflite` (see `core.model_files`).
            num_threads: CPU threads for the interpreter.
        """
        # Imported here so importing core.reference.matting stays cheap for code that only needs
        # GrabCut.
        from ai_edge_litert.interpreter import Interpreter

        self._interpreter = Interpreter(model_path=str(model_path), num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._input_index = self._interpreter.get_input_details()[0]["index"]
        self._output_index = self._interpreter.get_output_details()[0]["index"]
        self._lock = threading.Lock()

    def person_probability(self, frame: np.ndarray) -> np.ndarray:
        """Per-pixel probability (float32 HxW in [0, 1]) that a pixel shows a person.

        Args:
            frame: HxWx3 RGB uint8.
        """
        height, width = frame.shape[:2]
        # The model was trained on frames squashed to a square, so stretch rather than pad.
        square = cv2.resize(
            frame, (MODEL_INPUT_SIZE, MODEL_INPUT_SIZE), interpolation=cv2.INTER_AREA
        )
        tensor = (square.astype(np.float32) / 255.0)[np.newaxis]
        with self._lock:
            self._interpreter.set_tensor(self._input_index, tensor)
            self._interpreter.invoke()
            output = self._interpreter.get_tensor(self._output_index)[0, :, :, 0].copy()
        return cv2.resize(output, (width, height), interpolation=cv2.INTER_LINEAR)

    def segment(self, frames: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Matte every frame of a clip.

        Args:
            frames: RGB uint8 frames of one clip (all the same size).

        Returns:
            One HxW uint8 alpha matte per frame.

        Raises:
            ValueError: `frames` is empty.
        """
        if not frames:
            raise ValueError("segment() needs at least one frame.")
        probabilities = [self.person_probability(frame) for frame in frames]
        return [_feather(p) for p in _smooth_over_time(probabilities)]


@functools.cache
def load_person_segmenter(model_path: Path) -> PersonSegmenter:
    """Return the process-wide segmenter for `model_path`, loading it on first use."""
    return PersonSegmenter(Path(model_path))


def _default_seed_box(width: int, height: int) -> tuple[int, int, int, int]:
    margin_x, margin_y = round(width * DEFAULT_SEED_MARGIN), round(height * DEFAULT_SEED_MARGIN)
    return margin_x, margin_y, width - 2 * margin_x, height - 2 * margin_y


def _grabcut(image: np.ndarray, seed: np.ndarray | tuple[int, int, int, int]) -> np.ndarray:
    """One GrabCut run (BGR image) from a rectangle or a label mask → boolean foreground."""
    background_model = np.zeros((1, 65), np.float64)
    foreground_model = np.zeros((1, 65), np.float64)
    if isinstance(seed, tuple):
        labels = np.zeros(image.shape[:2], np.uint8)
        cv2.grabCut(
            image, labels, seed, background_model, foreground_model, 5, cv2.GC_INIT_WITH_RECT
        )
    else:
        labels = seed.copy()
        cv2.grabCut(
            image, labels, None, background_model, foreground_model, 2, cv2.GC_INIT_WITH_MASK
        )
    return (labels == cv2.GC_FGD) | (labels == cv2.GC_PR_FGD)


def _labels_from_previous(
    previous: np.ndarray, box: tuple[int, int, int, int], radius: int
) -> np.ndarray:
    """Seed labels for the next frame: the last matte, shrunk/grown to allow for motion."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    shrunk = cv2.erode(previous.astype(np.uint8), kernel).astype(bool)
    grown = cv2.dilate(previous.astype(np.uint8), kernel, iterations=2).astype(bool)
    x, y, w, h = box
    inside_box = np.zeros(previous.shape, bool)
    inside_box[y : y + h, x : x + w] = True
    labels = np.full(previous.shape, cv2.GC_PR_BGD, np.uint8)
    labels[~(inside_box | grown)] = cv2.GC_BGD
    labels[grown] = cv2.GC_PR_BGD
    labels[previous] = cv2.GC_PR_FGD
    labels[shrunk] = cv2.GC_FGD
    return labels


def segment_subject(
    frames: Sequence[np.ndarray], *, seed_box: tuple[int, int, int, int] | None = None
) -> list[np.ndarray]:
    """Matte a pet, toy or character that stands out from its background.

    GrabCut runs at ≤320 px: the first frame is seeded by `seed_box`, every later frame by the
    previous frame's matte, so the subject is followed as the phone moves.

    Args:
        frames: RGB uint8 frames of one clip (all the same size).
        seed_box: (x, y, width, height) in frame pixels that contains the whole subject;
            everything outside it is background. Default: the central 70 % of the frame.

    Returns:
        One HxW uint8 alpha matte per frame.

    Raises:
        ValueError: `frames` is empty or `seed_box` lies outside the frame.
        NoSubjectFoundError: The subject covers < 2 % of the frame or (almost) all of the box.
    """
    if not frames:
        raise ValueError("segment_subject() needs at least one frame.")
    height, width = frames[0].shape[:2]
    box = seed_box if seed_box is not None else _default_seed_box(width, height)
    x, y, box_width, box_height = box
    if box_width < 8 or box_height < 8 or x < 0 or y < 0:
        raise ValueError(f"seed_box {box} is too small or outside the {width}×{height} frame.")
    scale = min(1.0, GRABCUT_MAX_SIDE / max(width, height))
    small_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    small_box = tuple(round(v * scale) for v in box)
    small_box = (
        small_box[0],
        small_box[1],
        min(small_box[2], small_size[0] - small_box[0]),
        min(small_box[3], small_size[1] - small_box[1]),
    )
    motion_radius = max(2, round(0.02 * max(small_size)))
    probabilities: list[np.ndarray] = []
    previous: np.ndarray | None = None
    for frame in frames:
        small = cv2.resize(frame, small_size, interpolation=cv2.INTER_AREA)
        bgr = cv2.cvtColor(small, cv2.COLOR_RGB2BGR)
        if previous is None or not previous.any():
            foreground = _grabcut(bgr, small_box)
        else:
            foreground = _grabcut(bgr, _labels_from_previous(previous, small_box, motion_radius))
        previous = foreground
        full = cv2.resize(
            foreground.astype(np.float32), (width, height), interpolation=cv2.INTER_LINEAR
        )
        probabilities.append(full)
    mattes = [_feather(p) for p in _smooth_over_time(probabilities)]
    box_share = (small_box[2] * small_box[3]) / (small_size[0] * small_size[1])
    _check_coverage(mattes, box_share)
    return mattes


def matte_from_alpha(rgba: np.ndarray) -> np.ndarray:
    """Use a transparent image's own alpha channel as its matte.

    Args:
        rgba: HxWx4 uint8 (e.g. from `core.reference.photo.load_photo_rgba`).

    Returns:
        HxW uint8 alpha matte.

    Raises:
        NoSubjectFoundError: The image is (almost) fully transparent or fully opaque.
    """
    alpha = np.ascontiguousarray(rgba[..., 3])
    _check_coverage([alpha], 1.0)
    return alpha


def _checkerboard(height: int, width: int, cell: int) -> np.ndarray:
    rows = (np.arange(height) // cell)[:, None]
    columns = (np.arange(width) // cell)[None, :]
    light = ((rows + columns) % 2 == 0)[..., None]
    return np.where(light, np.uint8(225), np.uint8(170)).astype(np.uint8).repeat(3, axis=2)


def draw_matte_preview(rgb: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Show what the matte keeps: the subject over a checkerboard, outlined in the app accent.

    Args:
        rgb: HxWx3 uint8 frame.
        mask: HxW uint8 alpha matte of that frame.

    Returns:
        HxWx3 uint8 preview image for the quality report.
    """
    height, width = mask.shape
    board = _checkerboard(height, width, max(6, max(height, width) // 32))
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    preview = rgb.astype(np.float32) * alpha + board.astype(np.float32) * (1.0 - alpha)
    preview = np.clip(preview + 0.5, 0, 255).astype(np.uint8)
    contours, _ = cv2.findContours(
        (mask >= 128).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    thickness = max(1, max(height, width) // 240)
    cv2.drawContours(preview, contours, -1, (255, 64, 160), thickness, lineType=cv2.LINE_AA)
    return preview
