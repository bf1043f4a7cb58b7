"""The theme folder MkDocs builds with: the tool's Material overrides, then the project's laid over them.

Why a generated folder: Material takes one `custom_dir`. The tool owns its theme files (link-preview meta,
JSON-LD, the language switch, the sitemap), a project may add or replace some in `overrides/`; merging both into
`generated/theme/` keeps the generated folder a plain MkDocs input and lets an installed tool ship its theme.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

THEME = "theme"
"""Folder under generated/ that the per-language configs name as `custom_dir`."""

SKIPPED = {"generator", "README.md"}
"""Entries of a project's overrides/ that are not theme files (page templates, the folder's own README)."""


def _walk(folder: Traversable, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith((".", "__")):
            continue
        rel = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.update(_walk(entry, rel + "/"))
        else:
            found[rel] = entry.read_text(encoding="utf-8")
    return found


def theme_files(project: Path | None) -> dict[str, str]:
    """Every theme file keyed by path under generated/: the package's, replaced or added to by the project's."""
    files = _walk(resources.files("generator.render") / "theme")
    overrides = project / "overrides" if project is not None else None
    if overrides is not None and overrides.is_dir():
        project_files = {k: v for k, v in _walk(overrides).items() if k.split("/", 1)[0] not in SKIPPED}
        files.update(project_files)
    return {f"{THEME}/{rel}": text for rel, text in sorted(files.items())}
