"""Gradio UI and the use-case services that join core and db."""
