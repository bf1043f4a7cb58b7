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
_RENDER_ALL = False
"""Set when generating changed the edition's config: the next build renders every page again."""


def _project(config: Any) -> Path:
    """The folder holding content/: the config's folder or one of its parents."""
    here = Path(config.config_file_path).resolve().parent
    for folder in (here, *here.parents):
        if (folder / "content").is_dir():
            return folder
    return here


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate (only changed files are rewritten, so `serve` settles after one rebuild).

    When the edition's config changed (a new prose page in the nav, a new site
    title), every page shows it: in the next build, which MkDocs starts with
    the new config, their dates are renewed so that `--dirty` renders them all
    again, as a full build would.
    """
    if os.environ.get("EXPLAINER_SKIP_HOOK"):
        return
    from generator.pipeline import generate
    from generator.problems import ContentError, render

    config_file = Path(config.config_file_path)
    before = _read(config_file)
    try:
        # In place: the live-reload watcher follows the folder, and only changed files are rewritten.
        # Into the folder this config's pages live in: generated/, or `explainer serve`'s own preview folder.
        result = generate(_project(config), atomic=False, out=Path(config.docs_dir).parent)
    except ContentError as exc:
        msg = "content problems (the preview keeps the last good pages; fix these and save):\n"
        raise PluginError(msg + render(exc.problems, "text")) from None
    if result.changed or result.removed:
        log.info("explainer: %d page(s) changed, %d removed", result.changed, result.removed)
    global _RENDER_ALL  # noqa: PLW0603 - one preview process; MkDocs makes new plugin objects per build
    if before is not None and _read(config_file) != before:
        # This build read the old config before we rewrote it; the watcher starts another, with the new one.
        _RENDER_ALL = True
    elif _RENDER_ALL:
        _RENDER_ALL = False
        for page in Path(config.docs_dir).rglob("*.md"):
            os.utime(page)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def remove_stale_pages(site_dir: Path, pages: set[str], keep: set[str]) -> list[str]:
    """Delete the HTML pages of `site_dir` that no docs file makes any more (a deleted or renamed record).

    Why: a `--dirty` build never empties its site folder, so the preview kept
    serving a deleted record's page; a full build has none. `pages` are the
    site-relative paths this build writes, `keep` what the theme adds (404.html).
    """
    removed = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel not in pages and rel not in keep:
            path.unlink()
            removed.append(rel)
    return removed


def on_serve(server: Any, config: Any, **_: Any) -> Any:
    """Rebuild when an editor saves a content file."""
    server.watch(str(_project(config) / "content"))
    return server


class Options(Config):  # type: ignore[no-untyped-call]  # MkDocs declares Config.__init_subclass__ untyped
    """The plugin takes no options: everything it needs is in content/."""


class ExplainerPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # as above, for BasePlugin
    """The `explainer` MkDocs plugin (entry point in pyproject.toml): the events above."""

    dirty = False
    pages: set[str] = set()  # noqa: RUF012 - replaced per build, never mutated

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether builds are `--dirty` (the live preview)."""
        self.dirty = dirty

    def on_files(self, files: Any, /, *, config: Any) -> Any:
        """Remember which pages this build writes."""
        self.pages = {file.dest_uri for file in files}
        return files

    def on_post_build(self, *, config: Any) -> None:
        """In a dirty build, remove pages whose docs file is gone."""
        if self.dirty:
            remove_stale_pages(Path(config.site_dir), self.pages, set(config.theme.static_templates))

    def on_pre_build(self, *, config: Any) -> None:
        """Regenerate the pages before MkDocs reads them."""
        on_pre_build(config)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        """Watch content/ as well as the docs folder."""
        return on_serve(server, config)
