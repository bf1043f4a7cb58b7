"""Thin MkDocs adapter: regenerate pages before each build and watch content/ under `mkdocs serve`.

Why thin: the generated folder is complete on its own (any builder reading the
configs can build it); this plugin only saves running `explainer generate` by
hand. `explainer build` sets EXPLAINER_SKIP_HOOK because it generated already.

Why a plugin registered by the package (`plugins: [explainer]`) rather than a
`hooks:` path: a path names a file inside one checkout, and an installed tool
used on another project has no such file. A builder that does not know the
plugin (Zensical) skips it and still builds the generated folder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.hooks.explainer")


def _project(config: Any) -> Path:
    """The folder holding content/: the config's folder or one of its parents."""
    here = Path(config.config_file_path).resolve().parent
    for folder in (here, *here.parents):
        if (folder / "content").is_dir():
            return folder
    return here


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate (only changed files are rewritten, so `serve` settles after one rebuild)."""
    if os.environ.get("EXPLAINER_SKIP_HOOK"):
        return
    from generator.pipeline import generate
    from generator.problems import ContentError, render

    try:
        # In place: the live-reload watcher follows the folder, and only changed files are rewritten.
        result = generate(_project(config), atomic=False)
    except ContentError as exc:
        raise PluginError("content problems:\n" + render(exc.problems, "text")) from None
    if result.changed or result.removed:
        log.info("explainer: %d page(s) changed, %d removed", result.changed, result.removed)


def on_serve(server: Any, config: Any, **_: Any) -> Any:
    """Rebuild when an editor saves a content file."""
    server.watch(str(_project(config) / "content"))
    return server


class Options(Config):  # type: ignore[no-untyped-call]  # MkDocs declares Config.__init_subclass__ untyped
    """The plugin takes no options: everything it needs is in content/."""


class ExplainerPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # as above, for BasePlugin
    """The `explainer` MkDocs plugin (entry point in pyproject.toml): the two events above."""

    def on_pre_build(self, *, config: Any) -> None:
        """Regenerate the pages before MkDocs reads them."""
        on_pre_build(config)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        """Watch content/ as well as the docs folder."""
        return on_serve(server, config)
