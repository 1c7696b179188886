"""Gradio Blocks UI. Each component module has ``render()`` (widgets) and ``listen()`` (events)."""
