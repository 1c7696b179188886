"""Calibrate and time the dlib face backend on public-domain photos that ship in packages.

Identities: Eileen Collins (``skimage.data.astronaut()``, NASA) and Grace Hopper (matplotlib's
``sample_data/grace_hopper.jpg``, US Navy). ``skimage.data.camera()`` (CC0) shows a man in
profile behind a camera; the HOG frontal detector does not find him, so he cannot be a third
identity. Every other image in the installed packages is not a human face or not public domain.

Run from the repository root:

    python benchmarks/calibrate_faces.py

Prints the same-person / different-person distance distributions, the chosen threshold, the
sharpness of blurred faces, the detection limits for small faces and timings.
"""

from __future__ import annotations

import io
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import skimage.data
from matplotlib import cbook
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.identity.analysis import analyze_person  # the path insert above makes `core` importable
from core.identity.dlib_backend import DlibFaceBackend, _load_dlib_models
from core.identity.faces import FaceEmbedding
from core.identity.quality import AnalysisThresholds, face_quality

Transform = Callable[[np.ndarray], np.ndarray]


def load_people() -> dict[str, np.ndarray]:
    with cbook.get_sample_data("grace_hopper.jpg") as handle:
        hopper = np.asarray(Image.open(handle).convert("RGB"))
    return {"collins": skimage.data.astronaut(), "hopper": hopper}


def jpeg(quality: int) -> Transform:
    def apply(rgb: np.ndarray) -> np.ndarray:
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
        return np.asarray(Image.open(buffer).convert("RGB"))

    return apply


def rescale(factor: float) -> Transform:
    return lambda rgb: cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def rotate(degrees: float) -> Transform:
    def apply(rgb: np.ndarray) -> np.ndarray:
        height, width = rgb.shape[:2]
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
        return cv2.warpAffine(rgb, matrix, (width, height), borderMode=cv2.BORDER_REFLECT)

    return apply


def brightness(gain: float) -> Transform:
    return lambda rgb: np.clip(rgb.astype(np.float32) * gain, 0, 255).astype(np.uint8)


def crop(dx: float, dy: float) -> Transform:
    def apply(rgb: np.ndarray) -> np.ndarray:
        height, width = rgb.shape[:2]
        left, top = int(dx * width), int(dy * height)
        return np.ascontiguousarray(
            rgb[top : top + int(0.8 * height), left : left + int(0.8 * width)]
        )

    return apply


def blur(sigma: float) -> Transform:
    return lambda rgb: cv2.GaussianBlur(rgb, (0, 0), sigma)


TRANSFORMS: dict[str, Transform] = {
    "original": lambda rgb: rgb,
    "flip": lambda rgb: np.ascontiguousarray(rgb[:, ::-1]),
    "scale0.6": rescale(0.6),
    "scale0.8": rescale(0.8),
    "scale1.5": rescale(1.5),
    "jpeg30": jpeg(30),
    "jpeg60": jpeg(60),
    "crop_tl": crop(0.0, 0.0),
    "crop_br": crop(0.2, 0.1),
    "crop_mid": crop(0.1, 0.05),
    "dark0.6": brightness(0.6),
    "bright1.3": brightness(1.3),
    "rot-8": rotate(-8),
    "rot+5": rotate(5),
    "rot+12": rotate(12),
    "blur1": blur(1.0),
}


def embed_variants(backend: DlibFaceBackend, people: dict[str, np.ndarray]) -> dict:
    embeddings: dict[tuple[str, str], FaceEmbedding] = {}
    for person, image in people.items():
        for name, transform in TRANSFORMS.items():
            variant = transform(image)
            faces = backend.detect(variant)
            if len(faces) != 1:
                print(f"  skipped {person}/{name}: {len(faces)} faces")
                continue
            embeddings[(person, name)] = backend.embed(variant, faces[0])
    return embeddings


def describe(values: list[float]) -> str:
    ordered = sorted(values)
    p5 = ordered[int(0.05 * (len(ordered) - 1))]
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"n={len(ordered):3d} min={ordered[0]:.3f} p5={p5:.3f} "
        f"median={statistics.median(ordered):.3f} p95={p95:.3f} max={ordered[-1]:.3f}"
    )


def cosine(a: FaceEmbedding, b: FaceEmbedding) -> float:
    return float(np.dot(a.vector, b.vector) / np.linalg.norm(a.vector) / np.linalg.norm(b.vector))


def calibrate_distances(backend: DlibFaceBackend, people: dict[str, np.ndarray]) -> None:
    print("== identity distances (L2, dlib-resnet-v1-128) ==")
    embeddings = embed_variants(backend, people)
    same, different, same_cos, different_cos = [], [], [], []
    for (key_a, emb_a), (key_b, emb_b) in itertools.combinations(embeddings.items(), 2):
        distance = backend.distance(emb_a, emb_b)
        if key_a[0] == key_b[0]:
            same.append(distance)
            same_cos.append(cosine(emb_a, emb_b))
        else:
            different.append(distance)
            different_cos.append(cosine(emb_a, emb_b))
    print(f"same person      {describe(same)}")
    print(f"different people {describe(different)}")
    print(f"cosine same      {describe(same_cos)}")
    print(f"cosine different {describe(different_cos)}")
    gap_low, gap_high = max(same), min(different)
    threshold = backend.match_threshold
    false_rejects = sum(d > threshold for d in same)
    false_accepts = sum(d <= threshold for d in different)
    midpoint = (gap_low + gap_high) / 2
    print(f"gap between classes: {gap_low:.3f} .. {gap_high:.3f} (midpoint {midpoint:.3f})")
    print(
        f"threshold {threshold}: {false_rejects}/{len(same)} same-person pairs rejected, "
        f"{false_accepts}/{len(different)} different-person pairs accepted"
    )


def detector_scores(people: dict[str, np.ndarray]) -> None:
    """HOG scores of real faces and of false positives, to place DLIB_MIN_DETECTION_SCORE.

    Only transforms that keep the face near its place are used, so a detection is "real" when
    its centre lies within one face width of the face found in the untouched photo.
    """
    print("== HOG detector scores at upsample 0 (all detections above -0.5) ==")
    detector = _load_dlib_models().detector
    same_place = {
        **{f"rot{deg:+d}": rotate(deg) for deg in (-15, -10, -5, 5, 10, 12, 15)},
        **{f"blur{sigma}": blur(sigma) for sigma in (1, 2, 3)},
        "jpeg30": jpeg(30),
        "jpeg60": jpeg(60),
        "dark0.6": brightness(0.6),
        "bright1.3": brightness(1.3),
    }
    real, false = [], []
    for image in people.values():
        face = detector(image, 0)[0]
        centre = np.array([face.center().x, face.center().y])
        for transform in same_place.values():
            rects, scores, _ = detector.run(transform(image), 0, -0.5)
            for rect, score in zip(rects, scores, strict=True):
                offset = np.linalg.norm(np.array([rect.center().x, rect.center().y]) - centre)
                (real if offset < face.width() else false).append(score)
    print(f"real faces:      {describe(real)}")
    print(f"false positives: {describe(false)}")
    print(f"min real score {min(real):.2f}, max false score {max(false):.2f}")


def sharpness_table(backend: DlibFaceBackend, people: dict[str, np.ndarray]) -> None:
    print("== sharpness (Laplacian variance of the face at 64x64) under Gaussian blur ==")
    for person, image in people.items():
        cells = []
        for sigma in (0, 1, 1.5, 2, 3, 4, 6):
            variant = blur(sigma)(image) if sigma else image
            faces = backend.detect(variant)
            value = f"{face_quality(variant, faces[0]).sharpness:.0f}" if faces else "no face"
            cells.append(f"s={sigma}: {value}")
        width = backend.detect(image)[0].width
        print(f"{person} (face {width} px): " + ", ".join(cells))


def small_face_table(backend: DlibFaceBackend, people: dict[str, np.ndarray]) -> None:
    print("== smallest detectable faces (photo pasted on a 1280x720 grey canvas) ==")
    for person, image in people.items():
        cells = []
        for factor in (1.0, 0.7, 0.5, 0.4, 0.35, 0.3):
            canvas = np.full((720, 1280, 3), 128, np.uint8)
            small = rescale(factor)(image)[:700]
            canvas[10 : 10 + small.shape[0], 300 : 300 + small.shape[1]] = small
            faces = backend.detect(canvas)
            cells.append(f"x{factor}: {faces[0].width if faces else '-'}")
        print(f"{person}: face width found per scale: " + ", ".join(cells))


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def moving_video_frames(image: np.ndarray, count: int) -> list[np.ndarray]:
    """``count`` 1280x720 frames of the photo drifting sideways, like a sampled 5 s clip."""
    height = 720
    scaled = cv2.resize(image, (round(image.shape[1] * height / image.shape[0]), height))
    frames = []
    for index in range(count):
        canvas = np.full((720, 1280, 3), 90, np.uint8)
        left = 300 + index * 12
        canvas[:, left : left + scaled.shape[1]] = scaled[:, : 1280 - left]
        frames.append(canvas)
    return frames


def timings(backend: DlibFaceBackend, people: dict[str, np.ndarray]) -> None:
    print("== timings (median, 2-core shared machine) ==")
    hopper = cv2.resize(people["hopper"], (512, 600))
    collins = people["collins"]  # 512x512
    face = backend.detect(collins)[0]
    empty = np.full((512, 512, 3), 128, np.uint8)
    frame = moving_video_frames(people["hopper"], 1)[0]
    cases: dict[str, Callable[[], object]] = {
        "detect, 512x512 photo, one face": lambda: backend.detect(collins),
        "detect, 512x600 photo, one face": lambda: backend.detect(hopper),
        "detect, 512x512 no face (2 passes)": lambda: backend.detect(empty),
        "detect, 1280x720 frame, one face": lambda: backend.detect(frame),
        "embed one face": lambda: backend.embed(collins, face),
        "face_quality": lambda: face_quality(collins, face),
    }
    for label, action in cases.items():
        print(f"{label + ':':38s} {median_seconds(action, 7) * 1e3:6.1f} ms")
    for count in (10, 15):
        frames = moving_video_frames(people["hopper"], count)
        seconds = median_seconds(lambda frames=frames: analyze_person(frames, backend), 3)
        print(f"analyze_person, {count} frames of 1280x720: {seconds:6.2f} s")


def main() -> None:
    backend = DlibFaceBackend()
    people = load_people()
    start = time.perf_counter()
    backend.detect(people["collins"])
    print(f"model load + first detection: {time.perf_counter() - start:.2f} s")
    print(f"defaults: {AnalysisThresholds()}")
    detector_scores(people)
    calibrate_distances(backend, people)
    sharpness_table(backend, people)
    small_face_table(backend, people)
    timings(backend, people)


if __name__ == "__main__":
    main()
