"""The layers import one way: core knows no gradio or SQL, db knows no gradio or torch."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

_CORE_FORBIDDEN = {"gradio", "sqlalchemy", "alembic", "db", "webapp", "app"}
CORE_PACKAGES = (
    "acting", "consent_wording", "generation", "identity", "media", "provenance", "reference",
    "scenes", "scripts", "soundtrack", "voice",
)  # fmt: skip
FORBIDDEN = {
    "core": _CORE_FORBIDDEN,
    **{f"core/{package}": _CORE_FORBIDDEN for package in CORE_PACKAGES},
    "db": {"gradio", "torch", "diffusers", "webapp", "core", "app"},
    "webapp": {"app"},
}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_one_way(layer):
    offenders = {}
    for path in sorted((REPO_ROOT / layer).rglob("*.py")):
        bad = imported_top_level_modules(path) & FORBIDDEN[layer]
        if bad:
            offenders[str(path.relative_to(REPO_ROOT))] = sorted(bad)
    assert offenders == {}, f"{layer}/ imports what it must not: {offenders}"


def test_only_the_settings_module_reads_the_environment():
    readers = []
    for layer in ("core", "db", "webapp"):
        for path in (REPO_ROOT / layer).rglob("*.py"):
            text = path.read_text()
            if ("os.environ" in text or "os.getenv" in text) and path.name != "settings.py":
                readers.append(str(path.relative_to(REPO_ROOT)))
    assert readers == []


def test_core_is_domain_packages_with_a_stated_purpose():
    """``ls core/`` shows the architecture: the packages above plus a few shared modules, and
    each package says in its ``__init__`` docstring what it owns."""
    packages = sorted(
        p.name for p in (REPO_ROOT / "core").iterdir() if (p / "__init__.py").exists()
    )
    assert packages == sorted(CORE_PACKAGES)
    modules = sorted(p.name for p in (REPO_ROOT / "core").glob("*.py"))
    assert modules == [
        "__init__.py",
        "accounts.py",
        "consent.py",
        "model_files.py",
        "sentences.py",
        "types.py",
    ]
    for package in CORE_PACKAGES:
        tree = ast.parse((REPO_ROOT / "core" / package / "__init__.py").read_text())
        assert ast.get_docstring(tree), f"core/{package}/__init__.py says nothing about its purpose"
