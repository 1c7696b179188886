"""Body pose landmarks from mediapipe's ``pose_landmark_full.tflite`` (run with ai-edge-litert).

The model (Apache-2.0) ships inside the ``mediapipe==0.10.21`` wheel and is extracted at install
time by :mod:`core.model_files`, like the selfie-segmentation model. It expects a person roughly
centred in a square 256x256 crop; a living sprite frame (already cropped to the person) padded to
a square is exactly that. Output: 39 points of (x, y, z, visibility, presence) in input pixels;
the first 33 are the body landmarks (0 nose, 2/5 eyes, 7/8 ears, 9/10 mouth, 11/12 shoulders…).
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import cv2
import numpy as np

INPUT_SIZE = 256
BODY_POINTS = 33
MIN_POSE_SCORE = 0.5
# How much larger than the image the model's square input is (tried in turn, best score kept).
PADDINGS = (2.5, 2.0)
CONFIDENT_SCORE = 0.8


class PoseLandmarker:
    """Finds a person's body landmarks in one image (loaded once; calls are serialised).

    Args:
        model_path: Path of ``pose_landmark_full.tflite`` (see ``core.model_files``).
        num_threads: CPU threads for the interpreter.
    """

    def __init__(self, model_path: Path, *, num_threads: int = 1) -> None:
        from ai_edge_litert.interpreter import Interpreter  # heavy; imported when first used

        self._interpreter = Interpreter(model_path=str(model_path), num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        outputs = self._interpreter.get_output_details()
        self._landmarks = next(o["index"] for o in outputs if tuple(o["shape"]) == (1, 195))
        self._score = next(o["index"] for o in outputs if tuple(o["shape"]) == (1, 1))
        self._lock = threading.Lock()

    def landmarks(self, rgba_or_rgb: np.ndarray) -> np.ndarray | None:
        """Body landmarks of the person in an image.

        Args:
            rgba_or_rgb: HxWx3 RGB or HxWx4 RGBA (transparent parts are shown as mid grey).

        Returns:
            (33, 3) float32 array of x, y in the image's pixels and visibility in [0, 1], or
            None when the model finds no person.
        """
        image = _on_grey(rgba_or_rgb)
        best: tuple[float, np.ndarray] | None = None
        for room in PADDINGS:
            score, points = self._run(image, room)
            if best is None or score > best[0]:
                best = (score, points)
            if score >= CONFIDENT_SCORE:
                break  # one pass is enough (~55 ms); registration has a time budget
        assert best is not None
        return best[1] if best[0] >= MIN_POSE_SCORE else None

    def _run(self, image: np.ndarray, room: float) -> tuple[float, np.ndarray]:
        height, width = image.shape[:2]
        side = round(max(height, width) * room)
        square = np.full((side, side, 3), 128, np.uint8)
        # The model was trained on whole-body crops: a head-and-shoulders sprite goes near the
        # top of a larger square, where a head and shoulders would be.
        top, left = round((side - height) * 0.25), (side - width) // 2
        square[top : top + height, left : left + width] = image
        tensor = cv2.resize(square, (INPUT_SIZE, INPUT_SIZE), interpolation=cv2.INTER_AREA)
        tensor = (tensor.astype(np.float32) / 255.0)[None]
        with self._lock:
            self._interpreter.set_tensor(self._input, tensor)
            self._interpreter.invoke()
            raw = self._interpreter.get_tensor(self._landmarks).reshape(39, 5)[:BODY_POINTS].copy()
            score = float(self._interpreter.get_tensor(self._score).reshape(-1)[0])
        scale = side / INPUT_SIZE
        points = np.empty((BODY_POINTS, 3), np.float32)
        points[:, 0] = raw[:, 0] * scale - left
        points[:, 1] = raw[:, 1] * scale - top
        points[:, 2] = 1.0 / (1.0 + np.exp(-raw[:, 3]))  # visibility logit -> probability
        return score, points


def _on_grey(image: np.ndarray) -> np.ndarray:
    if image.shape[-1] == 3:
        return image
    alpha = image[..., 3:4].astype(np.float32) / 255.0
    return (image[..., :3] * alpha + 128 * (1 - alpha)).astype(np.uint8)


@functools.cache
def load_pose_landmarker(model_path: Path) -> PoseLandmarker:
    """Return the process-wide landmarker for ``model_path``, loading it on first use."""
    return PoseLandmarker(Path(model_path))
