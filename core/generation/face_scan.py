"""Face checks on a clip's sampled frames, run beside the encode instead of after it.

The likeness metric needs every face in a few sampled frames found and embedded (~1 s with
dlib for a 15 s clip). Those frames are ready long before the encode ends, so they are scanned
while it runs. dlib holds Python's GIL for the whole ~75 ms of a face descriptor, so a thread
alone would stall the renderer and the finishing threads: the frames go to a helper process
(one per face model, started on first use and kept, so its model loads once; it runs at a lower
priority, on the CPU the render leaves idle). A backend that cannot be pickled into a helper
(InsightFace holds ONNX sessions; its inference releases the GIL anyway) is scanned on the
thread itself. When the helper fails, the thread scans the rest.

Run as ``python -m core.generation.face_scan``, this module is the helper.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, ClassVar

import numpy as np

from core.identity.faces import FaceBackend, FaceEmbedding

logger = logging.getLogger(__name__)

_PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the `core` package
_HELPER_NICENESS = 10  # lower scheduling priority than the render it runs beside


def faces_in_frame(backend: FaceBackend, frame: np.ndarray) -> list[FaceEmbedding]:
    """Every face the backend finds in an RGB frame, embedded.

    Args:
        backend: The face model.
        frame: RGB uint8 frame.

    Returns:
        One embedding per detected face, largest face first.
    """
    return [backend.embed(frame, box) for box in backend.detect(frame)]


class FaceScan:
    """Scans the frames handed to it on a background thread, in the order they come.

    Hand it frames with :meth:`add`, collect the result with :meth:`faces`, and always
    :meth:`close` it (or use it as a context manager), also when the render fails.

    Args:
        backend: The face model.
    """

    def __init__(self, backend: FaceBackend) -> None:
        self._backend = backend
        self._frames: queue.Queue[np.ndarray | None] = queue.Queue()
        self._found: list[FaceEmbedding] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._scan_all, name="face-scan", daemon=True)
        self._thread.start()

    def __enter__(self) -> FaceScan:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the thread once the queued frames are scanned (it then releases the helper)."""
        self._frames.put(None)

    def add(self, frame: np.ndarray) -> None:
        """Queue a frame (returns at once)."""
        self._frames.put(frame)

    def faces(self) -> list[FaceEmbedding]:
        """Wait for every queued frame and return the faces found in all of them.

        Raises:
            Whatever the face backend raised (e.g. its model files are missing).
        """
        self._frames.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return list(self._found)

    def _scan_all(self) -> None:
        helper = _Helper.borrow(self._backend)
        try:
            while (frame := self._frames.get()) is not None:
                if self._error is not None:
                    continue  # drain the queue; the error is reported by faces()
                try:
                    self._found.extend(self._scan(helper, frame))
                except Exception as error:  # handed to the caller by faces()
                    self._error = error
        finally:
            if helper is not None:
                helper.give_back()

    def _scan(self, helper: _Helper | None, frame: np.ndarray) -> list[FaceEmbedding]:
        if helper is not None and helper.usable:
            found = helper.scan(frame)
            if found is not None:
                return found
        # No helper, or it failed: scanning here gives the same faces, only with the GIL held.
        return faces_in_frame(self._backend, frame)


class _Helper:
    """A child process that embeds faces for one face model; one scan uses it at a time.

    Frames go to it and embeddings come back as ``.npy`` arrays (no pickle on the way back);
    only the face model itself is pickled, once, when the helper starts.
    """

    _started: ClassVar[dict[bytes, _Helper]] = {}
    _registry_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, backend: FaceBackend, backend_bytes: bytes) -> None:
        # Started in the project root, where ``python -m`` finds this module.
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=_PROJECT_ROOT,
        )
        self._model = backend.name
        self._busy = threading.Lock()
        self.usable = True
        self._write(backend_bytes)

    @classmethod
    def borrow(cls, backend: FaceBackend) -> _Helper | None:
        """The model's helper, started if needed; None if it cannot be pickled or is in use."""
        try:
            backend_bytes = pickle.dumps(backend)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        with cls._registry_lock:
            helper = cls._started.get(backend_bytes)
            if helper is None or not helper.usable:
                try:
                    helper = cls(backend, backend_bytes)
                except OSError as error:
                    logger.warning("Could not start the face helper process: %s", error)
                    return None
                cls._started[backend_bytes] = helper
        return helper if helper._busy.acquire(blocking=False) else None

    def give_back(self) -> None:
        self._busy.release()

    def scan(self, frame: np.ndarray) -> list[FaceEmbedding] | None:
        """The faces in ``frame``, or None when the helper failed (it is then retired)."""
        assert self._process.stdin is not None and self._process.stdout is not None
        try:
            _send_array(self._process.stdin, frame)
            reply = _receive_array(self._process.stdout)
        except (OSError, ValueError) as error:  # a dead helper gives a short or empty reply
            self._retire(f"it stopped answering: {error}")
            return None
        if reply.dtype.kind == "U":
            self._retire(str(reply))
            return None
        return [FaceEmbedding(model=self._model, vector=row) for row in reply]

    def _write(self, data: bytes) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(data)
        self._process.stdin.flush()

    def _retire(self, reason: str) -> None:
        logger.warning("The face helper process failed (%s); scanning in this process.", reason)
        self.usable = False
        self.close()

    def close(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            with contextlib.suppress(OSError):
                self._process.stdin.close()  # the helper exits when its input ends
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    @classmethod
    def close_all(cls) -> None:
        with cls._registry_lock:
            helpers = list(cls._started.values())
            cls._started.clear()
        for helper in helpers:
            helper.close()


atexit.register(_Helper.close_all)


def _send_array(stream: IO[bytes], array: np.ndarray) -> None:
    # The .npy header, then the raw bytes (numpy's own readers need seekable files, not pipes).
    array = np.ascontiguousarray(array)
    np.lib.format.write_array_header_1_0(stream, np.lib.format.header_data_from_array_1_0(array))
    stream.write(array.tobytes())
    stream.flush()


def _receive_array(stream: IO[bytes]) -> np.ndarray:
    """One array written by :func:`_send_array`; ValueError when the stream ends first."""
    np.lib.format.read_magic(stream)
    shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(stream)
    if dtype.hasobject or fortran_order:
        raise ValueError("only plain C-ordered arrays are exchanged")
    size = dtype.itemsize * int(np.prod(shape))
    data = stream.read(size)
    if len(data) != size:
        raise ValueError(f"the stream ended after {len(data)} of {size} bytes")
    return np.frombuffer(data, dtype=dtype).reshape(shape)


def _serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    # The parent's own face model object, over a pipe only the two processes hold.
    backend: FaceBackend = pickle.load(requests)  # noqa: S301
    while True:
        try:
            frame = _receive_array(requests)
        except ValueError:
            return  # the parent closed our input: it is done with us
        try:
            found = faces_in_frame(backend, frame)
            vectors = [face.vector for face in found]
            reply = np.stack(vectors) if vectors else np.zeros((0, 0), np.float32)
        except Exception as error:
            reply = np.array(f"{type(error).__name__}: {error}")
        _send_array(replies, reply)


if __name__ == "__main__":
    # The render and the encoder are the critical path; the helper takes the CPU they leave
    # idle (whatever is left is done while the clip is being signed and measured).
    os.nice(_HELPER_NICENESS)
    # Replies go to a private copy of stdout; anything a library prints goes to stderr.
    reply_stream = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _serve(sys.stdin.buffer, reply_stream)
