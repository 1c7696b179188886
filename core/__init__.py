"""Pure work: media, identity, voice, scripts, generation, provenance.

Imports neither gradio nor sqlalchemy; progress is reported through callbacks.
"""
