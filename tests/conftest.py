"""Shared fixtures. Layer-specific fixtures live in the sub-folders' conftest files."""
