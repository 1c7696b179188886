"""Catalogues by topic, for the texts the server writes (and a few labels beside them).

Each module holds ``CATALOGUES``: the same keys in English, 简体中文, Bahasa Indonesia and
Català. ``webapp.i18n`` merges them with the per-language catalogues of the page's labels.
"""
