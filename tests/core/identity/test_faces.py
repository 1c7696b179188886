"""Face identity on real public-domain photos: Eileen Collins (NASA) and Grace Hopper (US Navy)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
import skimage.data
from matplotlib import cbook
from PIL import Image

from core.identity.analysis import analyze_person, draw_face_preview
from core.identity.backends import load_face_backend
from core.identity.dlib_backend import DlibFaceBackend
from core.identity.faces import (
    DLIB_MODEL_NAME,
    INSIGHTFACE_MODEL_NAME,
    EmbeddingFormatError,
    EmbeddingModelMismatchError,
    FaceBox,
    FaceEmbedding,
    FaceLandmarks,
    InvalidImageError,
    LandmarkLayoutError,
    mean_embedding,
)
from core.identity.insightface_backend import InsightFaceBackend
from core.identity.quality import (
    AnalysisThresholds,
    FaceNotFrontalError,
    FacePoorlyLitError,
    FaceTooBlurryError,
    FaceTooSmallError,
    InconsistentFaceError,
    MultipleFacesError,
    NoFaceFoundError,
    face_quality,
)

# ---------------------------------------------------------------------------------------------
# Media built from the photos
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def backend() -> DlibFaceBackend:
    return DlibFaceBackend()


@pytest.fixture(scope="module")
def collins() -> np.ndarray:
    return skimage.data.astronaut()


@pytest.fixture(scope="module")
def hopper() -> np.ndarray:
    with cbook.get_sample_data("grace_hopper.jpg") as handle:
        return np.asarray(Image.open(handle).convert("RGB"))


def blurred(rgb: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(rgb, (0, 0), sigma)


def rescaled(rgb: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def jpeg_recompressed(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def rotated(rgb: np.ndarray, degrees: float) -> np.ndarray:
    height, width = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(rgb, matrix, (width, height), borderMode=cv2.BORDER_REFLECT)


def pasted(canvas_shape: tuple[int, int], photo: np.ndarray, left: int, top: int) -> np.ndarray:
    canvas = np.full((*canvas_shape, 3), 128, np.uint8)
    canvas[top : top + photo.shape[0], left : left + photo.shape[1]] = photo
    return canvas


def drifting_frames(photo: np.ndarray, count: int) -> list[np.ndarray]:
    """A 1280x720 "video": the photo slides sideways a little every frame."""
    height = 720
    scaled = cv2.resize(photo, (round(photo.shape[1] * height / photo.shape[0]), height))
    return [
        pasted((720, 1280), scaled[:, : 1280 - (300 + 15 * i)], 300 + 15 * i, 0)
        for i in range(count)
    ]


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


def test_detects_exactly_one_face_on_each_photo(backend, collins, hopper):
    for photo, (min_width, max_width) in ((collins, (70, 130)), (hopper, (150, 300))):
        faces = backend.detect(photo)
        assert len(faces) == 1
        face = faces[0]
        assert min_width <= face.width <= max_width
        assert 0.8 < face.width / face.height < 1.25
        # The face sits in the upper half of both portraits.
        assert face.centre[1] < photo.shape[0] / 2
        left_eye, right_eye = face.landmarks.eyes
        assert face.left < left_eye[0] < right_eye[0] < face.right
        assert face.top < face.landmarks.nose[1] < face.bottom
        assert face.landmarks.nose[1] > max(left_eye[1], right_eye[1])


def test_detection_on_a_large_frame_maps_boxes_back_to_full_resolution(backend, hopper):
    small_face = backend.detect(hopper)[0]
    doubled = rescaled(hopper, 2.0)  # 1024x1200: detection runs on a 640 px copy
    big_face = backend.detect(doubled)[0]
    assert big_face.width == pytest.approx(2 * small_face.width, rel=0.25)
    assert big_face.centre[0] == pytest.approx(2 * small_face.centre[0], abs=0.1 * big_face.width)
    assert big_face.centre[1] == pytest.approx(2 * small_face.centre[1], abs=0.1 * big_face.width)


def test_no_face_in_a_coffee_cup_or_a_flat_image(backend):
    assert backend.detect(skimage.data.coffee()) == []
    assert backend.detect(np.full((300, 400, 3), 200, np.uint8)) == []


def test_non_images_are_rejected_with_a_clear_error(backend):
    with pytest.raises(InvalidImageError, match="8-bit"):
        backend.detect(np.zeros((64, 64, 3), np.float32))
    with pytest.raises(InvalidImageError, match="shape"):
        backend.detect(np.zeros((64, 64, 2), np.uint8))


# ---------------------------------------------------------------------------------------------
# Embeddings
# ---------------------------------------------------------------------------------------------


def embed_largest(backend: DlibFaceBackend, rgb: np.ndarray) -> FaceEmbedding:
    return backend.embed(rgb, backend.detect(rgb)[0])


def test_same_person_matches_across_edits_and_different_people_do_not(backend, collins, hopper):
    references = {
        "collins": embed_largest(backend, collins),
        "hopper": embed_largest(backend, hopper),
    }
    edits = {
        "collins": [collins[:, ::-1].copy(), jpeg_recompressed(collins, 40), rotated(collins, 8)],
        "hopper": [rescaled(hopper, 0.6), (hopper * 0.7).astype(np.uint8), hopper[40:, 30:].copy()],
    }
    for person, images in edits.items():
        other = "hopper" if person == "collins" else "collins"
        for image in images:
            embedding = embed_largest(backend, image)
            assert embedding.model == DLIB_MODEL_NAME
            assert embedding.vector.shape == (128,)
            assert backend.is_match(references[person], embedding)
            assert backend.distance(references[person], embedding) < 0.35
            assert not backend.is_match(references[other], embedding)
    assert backend.distance(references["collins"], references["hopper"]) > 0.6


def test_embedding_round_trips_through_bytes(backend, hopper):
    embedding = embed_largest(backend, hopper)
    data = embedding.to_bytes()
    assert len(data) == 128 * 4
    restored = FaceEmbedding.from_bytes(DLIB_MODEL_NAME, data)
    assert restored == embedding
    assert backend.distance(restored, embedding) == 0.0
    with pytest.raises(ValueError, match="read-only"):
        restored.vector[0] = 1.0


def test_malformed_embedding_bytes_are_refused():
    with pytest.raises(EmbeddingFormatError, match="not a float32"):
        FaceEmbedding.from_bytes(DLIB_MODEL_NAME, b"\x00" * 7)
    with pytest.raises(EmbeddingFormatError, match="should have 128"):
        FaceEmbedding.from_bytes(DLIB_MODEL_NAME, np.zeros(512, "<f4").tobytes())


def test_embeddings_of_different_models_are_never_compared(backend, collins):
    dlib_embedding = embed_largest(backend, collins)
    arcface_like = FaceEmbedding(INSIGHTFACE_MODEL_NAME, np.ones(512, np.float32))
    with pytest.raises(EmbeddingModelMismatchError, match="re-register"):
        backend.distance(dlib_embedding, arcface_like)
    with pytest.raises(EmbeddingModelMismatchError):
        backend.is_match(arcface_like, dlib_embedding)
    with pytest.raises(EmbeddingModelMismatchError):
        mean_embedding([dlib_embedding, arcface_like], "euclidean")


def test_cosine_mean_is_renormalised():
    vectors = [np.array([3.0, 0.0]), np.array([0.0, 0.5])]
    mean = mean_embedding([FaceEmbedding("m", v) for v in vectors], "cosine")
    np.testing.assert_allclose(mean.vector, [np.sqrt(0.5), np.sqrt(0.5)], rtol=1e-6)


# ---------------------------------------------------------------------------------------------
# Quality measurements
# ---------------------------------------------------------------------------------------------


def test_face_quality_measures_the_real_photo(backend, hopper):
    face = backend.detect(hopper)[0]
    quality = face_quality(hopper, face)
    assert quality.size_px == min(face.width, face.height)
    assert quality.frontal_score > 0.85  # Hopper looks straight at the camera
    assert abs(quality.roll_degrees) < 10
    assert 60 < quality.brightness < 200
    assert face_quality(blurred(hopper, 3), face).sharpness < quality.sharpness / 4
    assert face_quality((hopper * 0.3).astype(np.uint8), face).brightness < quality.brightness / 3


def test_frontal_score_drops_when_the_nose_moves_sideways():
    def box_with_nose(nose_x: float) -> FaceBox:
        points = ((70.0, 40.0), (60.0, 40.0), (30.0, 40.0), (40.0, 40.0), (nose_x, 60.0))
        return FaceBox(0, 0, 100, 100, 1.0, FaceLandmarks("dlib-5", points))

    image = np.full((100, 100, 3), 120, np.uint8)
    eye_distance = 65.0 - 35.0
    straight = face_quality(image, box_with_nose(50.0))
    turned = face_quality(image, box_with_nose(50.0 + 0.3 * eye_distance))
    assert straight.frontal_score == pytest.approx(1.0)
    assert turned.yaw_ratio == pytest.approx(0.3)
    assert turned.frontal_score == pytest.approx(0.4)


# ---------------------------------------------------------------------------------------------
# Analysis of reference frames
# ---------------------------------------------------------------------------------------------


def test_analysis_of_a_moving_video_gives_a_matching_reference(backend, hopper):
    frames = drifting_frames(hopper, 6)
    analysis = analyze_person(frames, backend)
    assert analysis.report.passed
    assert [check.name for check in analysis.report.checks] == [
        "one_face", "face_size", "sharpness", "frontal", "lighting", "same_person"
    ]  # fmt: skip
    assert all(face is not None for face in analysis.frame_faces)
    assert backend.is_match(analysis.embedding, embed_largest(backend, hopper))
    # The portrait is a square crop around the best face, inside the frame.
    left, top, right, bottom = analysis.portrait_box
    assert right - left == bottom - top == analysis.portrait.shape[0] == analysis.portrait.shape[1]
    box = analysis.best_box
    assert left <= box.left and box.right <= right and top <= box.top and box.bottom <= bottom
    assert backend.detect(analysis.portrait), "the portrait crop still shows the face"


def test_best_portrait_is_the_sharp_frame(backend, hopper):
    frames = [blurred(hopper, 2), hopper, blurred(hopper, 3)]
    analysis = analyze_person(frames, backend)
    assert analysis.best_frame_index == 1
    assert analysis.used_frame_indices == (0, 1, 2)  # mildly blurred frames still count
    capped = analyze_person(frames, backend, thresholds=AnalysisThresholds(max_embedded_frames=2))
    assert len(capped.used_frame_indices) == 2
    assert 1 in capped.used_frame_indices  # the best frame is always embedded


def test_photo_without_a_face_is_refused(backend):
    with pytest.raises(NoFaceFoundError, match="No face") as caught:
        analyze_person([skimage.data.coffee()], backend)
    assert not caught.value.report.passed
    with pytest.raises(NoFaceFoundError):
        analyze_person([np.full((480, 640, 3), 30, np.uint8)], backend)


def test_two_people_side_by_side_are_refused(backend, collins, hopper):
    hopper_small = rescaled(hopper, 0.45)  # about Collins' face size
    both = np.full((512, 512 + hopper_small.shape[1], 3), 128, np.uint8)
    both[:, :512] = collins
    both[100 : 100 + hopper_small.shape[0], 512:] = hopper_small
    assert len(backend.detect(both)) == 2
    with pytest.raises(MultipleFacesError, match="Only the person registering"):
        analyze_person([both], backend)


def test_tiny_face_is_refused_as_too_small(backend, hopper):
    tiny = pasted((480, 640), rescaled(hopper, 0.25), 100, 50)  # face about 50 px wide
    with pytest.raises(FaceTooSmallError, match="Move closer") as caught:
        analyze_person([tiny], backend)
    assert [check.name for check in caught.value.report.failed] == ["face_size"]


def test_heavily_blurred_face_is_refused(backend, hopper):
    with pytest.raises(FaceTooBlurryError, match="blurry"):
        analyze_person([blurred(hopper, 7)], backend)


def test_dark_face_is_refused(backend, hopper):
    with pytest.raises(FacePoorlyLitError, match="too dark"):
        analyze_person([(hopper * 0.2).astype(np.uint8)], backend)


class TurnedHeadBackend:
    """The real dlib backend, with the nose landmark moved sideways as a head turn would."""

    def __init__(self, inner: DlibFaceBackend, shift_in_eye_distances: float) -> None:
        self._inner = inner
        self._shift = shift_in_eye_distances
        self.name, self.metric = inner.name, inner.metric
        self.match_threshold = inner.match_threshold

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        turned = []
        for face in self._inner.detect(rgb):
            (left_eye, right_eye), points = face.landmarks.eyes, list(face.landmarks.points)
            nose_x, nose_y = points[4]
            points[4] = (nose_x + self._shift * (right_eye[0] - left_eye[0]), nose_y)
            turned.append(replace(face, landmarks=FaceLandmarks("dlib-5", tuple(points))))
        return turned

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


def test_face_turned_aside_is_refused(backend, hopper):
    with pytest.raises(FaceNotFrontalError, match="Look straight"):
        analyze_person([hopper], TurnedHeadBackend(backend, 0.35))


def test_frames_of_two_different_people_are_refused(backend, collins, hopper):
    with pytest.raises(InconsistentFaceError, match="different people") as caught:
        analyze_person([hopper, collins, hopper, collins], backend)
    assert caught.value.report.failed[-1].name == "same_person"


def test_analysis_needs_frames(backend):
    with pytest.raises(ValueError, match="at least one frame"):
        analyze_person([], backend)


def test_preview_draws_the_box_and_leaves_the_input_alone(backend, collins):
    original = collins.copy()
    face = backend.detect(collins)[0]
    preview = draw_face_preview(collins, face)
    assert preview.shape == collins.shape
    np.testing.assert_array_equal(collins, original)
    assert np.array_equal(preview[face.top, face.left + 10], (40, 200, 90))  # top edge of the box
    nose_x, nose_y = (round(v) for v in face.landmarks.nose)
    assert np.array_equal(preview[nose_y, nose_x], (255, 190, 40))
    assert np.array_equal(preview[5, 5], collins[5, 5])  # far from the face: untouched


# ---------------------------------------------------------------------------------------------
# Backend selection and the InsightFace adapter
# ---------------------------------------------------------------------------------------------


def test_without_an_insightface_pack_the_backend_is_dlib(tmp_path: Path):
    assert isinstance(load_face_backend(None), DlibFaceBackend)
    assert load_face_backend(None) is load_face_backend(None)  # cached per root
    assert isinstance(load_face_backend(tmp_path / "missing"), DlibFaceBackend)
    pack = tmp_path / "models" / "buffalo_l"
    pack.mkdir(parents=True)
    assert isinstance(load_face_backend(tmp_path), DlibFaceBackend)  # empty folder


def test_partial_pack_is_not_used(tmp_path: Path):
    pack = tmp_path / "models" / "buffalo_l"
    pack.mkdir(parents=True)
    (pack / "det_10g.onnx").write_bytes(b"not a real model")
    assert isinstance(load_face_backend(tmp_path), DlibFaceBackend)


def test_complete_pack_selects_insightface_without_loading_it(tmp_path: Path):
    pack = tmp_path / "models" / "buffalo_l"
    pack.mkdir(parents=True)
    for name in ("det_10g.onnx", "w600k_r50.onnx"):
        (pack / name).write_bytes(b"placeholder")  # never opened: loading is lazy
    selected = load_face_backend(tmp_path)
    assert isinstance(selected, InsightFaceBackend)
    assert selected.name == INSIGHTFACE_MODEL_NAME


class FakeFaceAnalysis:
    """Stands in for insightface's FaceAnalysis: SCRFD boxes + keypoints, ArcFace vectors."""

    def __init__(self, boxes: np.ndarray, keypoints: np.ndarray, vector: np.ndarray) -> None:
        self.seen_bgr: list[np.ndarray] = []
        outer = self

        class Detector:
            def detect(self, bgr, max_num, metric):
                outer.seen_bgr.append(bgr)
                return boxes, keypoints

        class Recogniser:
            def get(self, bgr, face):
                outer.seen_kps = face.kps
                return vector

        self.det_model = Detector()
        self.models = {"recognition": Recogniser()}


def test_insightface_adapter_maps_boxes_and_uses_cosine(tmp_path: Path, hopper):
    boxes = np.array([[10, 10, 40, 40, 0.6], [100, 120, 300, 330, 0.9]], np.float32)
    keypoints = np.array(
        [
            [[15, 20], [30, 20], [22, 28], [17, 34], [29, 34]],
            [[150, 200], [250, 200], [200, 250], [160, 290], [240, 290]],
        ],
        np.float32,
    )
    rng = np.random.default_rng(0)
    fake = FakeFaceAnalysis(boxes, keypoints, rng.normal(size=512).astype(np.float32))
    built: list[Path] = []
    backend = InsightFaceBackend(tmp_path, app_factory=lambda root: built.append(root) or fake)
    assert built == []  # nothing loads at construction

    faces = backend.detect(hopper)
    assert built == [tmp_path]
    np.testing.assert_array_equal(fake.seen_bgr[0], hopper[:, :, ::-1])  # handed over as BGR
    assert [(f.left, f.top, f.right, f.bottom) for f in faces] == [
        (100, 120, 300, 330),
        (10, 10, 40, 40),
    ]
    assert faces[0].landmarks.layout == "insightface-5"
    assert faces[0].landmarks.eyes == ((150.0, 200.0), (250.0, 200.0))

    embedding = backend.embed(hopper, faces[0])
    np.testing.assert_array_equal(fake.seen_kps, keypoints[1])
    assert embedding.model == INSIGHTFACE_MODEL_NAME
    assert backend.distance(embedding, embedding) == pytest.approx(0.0, abs=1e-6)
    opposite = FaceEmbedding(INSIGHTFACE_MODEL_NAME, -embedding.vector)
    assert backend.distance(embedding, opposite) == pytest.approx(2.0)
    assert not backend.is_match(embedding, opposite)
    assert backend.is_match(embedding, FaceEmbedding(INSIGHTFACE_MODEL_NAME, 3 * embedding.vector))

    dlib_box = replace(faces[0], landmarks=FaceLandmarks("dlib-5", faces[0].landmarks.points))
    with pytest.raises(LandmarkLayoutError):
        backend.embed(hopper, dlib_box)
