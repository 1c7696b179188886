"""Test media built from public-domain photos that ship inside installed packages."""

import functools

import cv2
import numpy as np
import skimage.data
from matplotlib import cbook
from PIL import Image

WIDTH, HEIGHT, FPS = 832, 480, 24


@functools.cache
def astronaut_canvas() -> np.ndarray:
    """Eileen Collins (NASA, public domain), enlarged so an 832x480 window can pan over it."""
    return cv2.resize(skimage.data.astronaut(), (1024, 1024), interpolation=cv2.INTER_CUBIC)


@functools.cache
def grace_hopper_frame() -> np.ndarray:
    """Grace Hopper (US Navy, public domain) at the clip size."""
    with Image.open(cbook.get_sample_data("grace_hopper.jpg")) as photo:
        rgb = np.asarray(photo.convert("RGB"))
    return cv2.resize(rgb, (WIDTH, HEIGHT), interpolation=cv2.INTER_AREA)


def astronaut_pan(frame_count: int) -> list[np.ndarray]:
    """A slow camera pan across the astronaut photo, 4 px per frame, back and forth."""
    canvas = astronaut_canvas()
    steps = (canvas.shape[1] - WIDTH) // 4  # 48 frames from one edge to the other
    frames = []
    for index in range(frame_count):
        phase = index % (2 * steps)
        left = 4 * (phase if phase <= steps else 2 * steps - phase)
        frames.append(np.ascontiguousarray(canvas[200 : 200 + HEIGHT, left : left + WIDTH]))
    return frames


def speech_like_tone(seconds: float, sample_rate: int = 16_000) -> tuple[np.ndarray, int]:
    """A 220 Hz tone with a 3 Hz loudness wobble, standing in for dialogue."""
    times = np.arange(int(seconds * sample_rate)) / sample_rate
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 3 * times)
    return (0.3 * envelope * np.sin(2 * np.pi * 220 * times)).astype(np.float32), sample_rate
