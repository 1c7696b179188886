"""Turning a script plus a cast of doubles into a finished, labelled, signed clip."""
