"""Face identity: who is in a picture and whether it is the same person.

Owns the face vocabulary (boxes, embeddings tagged with the model that made them, errors), the
two backends (dlib, embedded; InsightFace ``buffalo_l``, optional when its model pack is
present), the quality rules a reference frame must pass, and the analysis of a person's
reference frames (best portrait, mean embedding, preview).
"""

from core.identity.backends import load_face_backend
from core.identity.faces import FaceBackend, FaceBox, FaceEmbedding, FaceError

__all__ = ["FaceBackend", "FaceBox", "FaceEmbedding", "FaceError", "load_face_backend"]
