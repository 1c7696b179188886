"""The 468-point face mesh (MediaPipe ``face_landmark.tflite``, run with ai-edge-litert).

Used to find the lips on a double's sprite (lip sync moves them) and to measure how far a mouth
is open on rendered frames (the lip-sync benchmark). The model wants a face-centred square crop;
callers give a rough face square (e.g. from the 5-point landmarks) and :meth:`FaceMesh.landmarks`
re-centres the crop on the first pass's points once, as MediaPipe's own tracker does.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import cv2
import numpy as np

from core.model_files import face_mesh_model_path

MESH_INPUT_SIZE = 192
CROP_MARGIN = 1.5  # MediaPipe crops the face box grown by half on each side
# Lip and face points of the 468-point topology.
MOUTH_LEFT, MOUTH_RIGHT = 61, 291
INNER_UPPER_LIP = (78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308)
INNER_LOWER_LIP = (78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308)
UPPER_LIP_CENTRE, LOWER_LIP_CENTRE = 13, 14
NOSE_BOTTOM, CHIN = 2, 152
FOREHEAD = 10


class FaceMesh:
    """Face landmarks in a picture (one interpreter, calls serialised; share one per process).

    Args:
        model_path: ``face_landmark.tflite`` (see :func:`core.model_files.face_mesh_model_path`).
    """

    def __init__(self, model_path: Path) -> None:
        from ai_edge_litert.interpreter import Interpreter

        self._interpreter = Interpreter(model_path=str(model_path), num_threads=1)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        outputs = self._interpreter.get_output_details()
        # The 1404 values are the points; the single value is the "a face is here" logit.
        self._points = next(o["index"] for o in outputs if int(np.prod(o["shape"])) == 1404)
        self._presence = next(o["index"] for o in outputs if int(np.prod(o["shape"])) == 1)
        self._lock = threading.Lock()

    def landmarks(
        self, rgb: np.ndarray, square: tuple[float, float, float], *, refine: bool = True
    ) -> tuple[np.ndarray, float]:
        """The 468 face points inside a rough face square.

        Args:
            rgb: HxWx3 (or HxWx4, alpha ignored) uint8 picture.
            square: (centre x, centre y, side) of a square around the face, in pixels.
            refine: Run again on a crop centred on the first pass's points (steadier).

        Returns:
            ((468, 2) float32 points in picture pixels, presence probability 0..1).
        """
        points, presence = self._run(rgb, square)
        if refine and presence > 0.5:
            low, high = points.min(axis=0), points.max(axis=0)
            centre = (low + high) / 2
            side = float(max(high - low)) * CROP_MARGIN
            points, presence = self._run(rgb, (float(centre[0]), float(centre[1]), side))
        return points, presence

    def _run(self, rgb: np.ndarray, square: tuple[float, float, float]) -> tuple[np.ndarray, float]:
        centre_x, centre_y, side = square
        side = max(side, 8.0)
        scale = MESH_INPUT_SIZE / side
        # One affine warp crops, scales and pads (with black) in a single pass.
        matrix = np.array(
            [[scale, 0.0, MESH_INPUT_SIZE / 2 - scale * centre_x],
             [0.0, scale, MESH_INPUT_SIZE / 2 - scale * centre_y]], dtype=np.float32
        )  # fmt: skip
        crop = cv2.warpAffine(
            np.ascontiguousarray(rgb[..., :3]), matrix, (MESH_INPUT_SIZE, MESH_INPUT_SIZE),
            flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
        )  # fmt: skip
        tensor = (crop.astype(np.float32) / 255.0)[np.newaxis]
        with self._lock:
            self._interpreter.set_tensor(self._input, tensor)
            self._interpreter.invoke()
            raw = self._interpreter.get_tensor(self._points).reshape(468, 3)[:, :2].copy()
            logit = float(self._interpreter.get_tensor(self._presence).reshape(-1)[0])
        points = (raw - MESH_INPUT_SIZE / 2) / scale + np.array([centre_x, centre_y])
        return points.astype(np.float32), float(1.0 / (1.0 + np.exp(-logit)))


@functools.cache
def load_face_mesh(model_path: Path | None = None) -> FaceMesh:
    """The process-wide face mesh (loaded on first use).

    Raises:
        ModelFileMissingError: The model is not installed.
    """
    return FaceMesh(model_path if model_path is not None else face_mesh_model_path())


def mouth_opening(points: np.ndarray) -> float:
    """How far the mouth is open: inner-lip gap over the mouth's width (0 closed, ~0.6 wide).

    The gap is averaged over the five middle pairs of inner-lip points, which steadies it
    against the mesh's frame-to-frame jitter on small faces.
    """
    upper = points[list(INNER_UPPER_LIP[3:8])]
    lower = points[list(INNER_LOWER_LIP[3:8])]
    gap = float(np.linalg.norm(lower - upper, axis=1).mean())
    width = float(np.linalg.norm(points[MOUTH_RIGHT] - points[MOUTH_LEFT]))
    return gap / width if width > 0 else 0.0


def face_square(points: np.ndarray) -> tuple[float, float, float]:
    """The crop square :meth:`FaceMesh.landmarks` wants, from a previous frame's points."""
    low, high = points.min(axis=0), points.max(axis=0)
    centre = (low + high) / 2
    return float(centre[0]), float(centre[1]), float(max(high - low)) * CROP_MARGIN


__all__ = ["FaceMesh", "face_square", "load_face_mesh", "mouth_opening"]
