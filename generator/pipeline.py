"""The pipeline, end to end: load → validate → render → write → mkdocs build, one function per command.

Why this shape: like `Pelican.run` and mkdocs' `build()`, everything is read
and checked before anything is written, and the site is built into a sibling
folder that replaces `site/` only when the whole build succeeded. The stages
do the work (`content/`, `structure/`, `render/`, `output/`); this module
only says in which order.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from .content.load import load_tree
from .content.records import Content
from .content.validate import validate
from .output.builder import built_site
from .output.commit import recover, swap_in
from .output.lock import STATE, hold_for_life, project_lock
from .output.staging import FileData, Staging, commit_tree, write_tree
from .problems import BuildError, ContentError, Problem, UsageError, has_errors
from .render.i18n import SUPPORTED
from .structure.redirects import check_redirects
from .structure.routes import config_paths

GENERATED = "generated"
"""Git-ignored folder holding one docs folder per language and the per-language MkDocs configs."""

PREVIEW_URL = "EXPLAINER_SITE_URL"
"""Set by `serve` for the MkDocs process, whose hook regenerates the pages for the preview's address."""


@dataclass
class Result:
    """What a command did, for its closing line."""

    out: Path
    pages: int = 0
    changed: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)


@contextlib.contextmanager
def writing(project: Path, command: str, wait: bool = True) -> Iterator[None]:
    """Hold the project's writer lock, after finishing what a killed command left half-swapped.

    Why recover first: the staged trees a killed build journaled are staging folders of a dead
    process, which the next `new_sibling` would sweep away.
    """
    with project_lock(project, command, wait):
        recover(project / STATE)
        yield


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for one pipeline run.

    Why: loading and rendering build millions of long-lived objects that hold
    no cycles; the collector kept re-scanning them (a second of a ten-second
    run at 10,000 events, bench/RESULTS.md). The few cycles a run leaves are
    collected when it ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check(project: Path, parallel: bool = False) -> tuple[Content | None, list[Problem]]:
    """Load and validate `content/`; never raises for content problems.

    `parallel` lets large content be parsed by forked workers (not beside other threads).
    """
    tree, problems = load_tree(project / "content", parallel)
    content, found = validate(tree, SUPPORTED)
    return content, problems + found + check_redirects(project)


def _checked(project: Path, strict: bool, parallel: bool, site_url: str | None) -> tuple[Content, list[Problem]]:
    """`check`, raising `ContentError` on errors (and on warnings if `strict`); `site_url` replaces site.yml's.

    Why the address here: it is the one place the publish address is overridden, for
    `--site-url` (a staging host, or 127.0.0.1 for browser tests) and the live preview alike.
    """
    content, problems = check(project, parallel)
    if content is None or has_errors(problems) or (strict and problems):
        raise ContentError(problems)
    if site_url:
        content.site = content.site.model_copy(update={"site_url": site_url.rstrip("/") + "/"})
    return content, problems


def _root(project: Path, dest: Path) -> str:
    """The project folder as the generated configs in `dest` reach it (`..` from generated/)."""
    return os.path.relpath(project, dest).replace(os.sep, "/")


def render_all(
    project: Path, content: Content, incremental: bool = False, dest: Path | None = None
) -> dict[str, FileData]:
    """Every generated file (Markdown pages, data files, per-language configs) for `dest`, by relative path."""
    # Imported here, as in the other runs below: Jinja and the templates add about 80 ms (a third) to the
    # start-up of every command, and `validate`, `i18n` and the editor commands never render.
    from .render.site import render_site

    return render_site(content, project, incremental=incremental, root=_root(project, dest or project / GENERATED))


def stage_all(project: Path, content: Content, dest: Path) -> tuple[Path, int, int, int]:
    """Render every generated file into a new sibling of `dest`; returns (folder, files, written, dropped).

    Why not `render_all` then write: on large content the editions' worker processes
    write their own pages, side by side, instead of sending them back to be written here.
    """
    from .render.site import render_site

    with Staging(dest) as staging:
        staging.put(render_site(content, project, staging=staging, root=_root(project, dest)))
        folder, changed, removed = staging.finish()
    return folder, len(staging.paths), changed, removed


def generate(
    project: Path,
    strict: bool = False,
    out: Path | None = None,
    site_url: str | None = None,
    atomic: bool = True,
    wait: bool = True,
) -> Result:
    """Validate, render everything, then write only what changed into `generated/`.

    `site_url` overrides site.yml's; without it, the live preview's address when `serve` set one.
    Atomic runs build a sibling folder and swap it in; in-place runs (the live
    preview) may reuse unaffected pages from their previous run in this process.
    Writing `generated/` holds the project lock (`wait=False`: fail at once if another command holds it);
    a preview's own folder is guarded by the lock its `serve` holds.
    """
    dest = out or project / GENERATED
    guard = writing(project, "generate", wait) if dest == project / GENERATED else contextlib.nullcontext()
    with guard, collector_paused():
        # In-place runs are the live preview, inside `mkdocs serve` and its threads: nothing may fork there.
        content, problems = _checked(project, strict, parallel=atomic, site_url=site_url or os.environ.get(PREVIEW_URL))
        if atomic:
            folder, count, changed, removed = stage_all(project, content, dest)
            swap_in([(folder, dest)], project / STATE)
        else:
            files = render_all(project, content, incremental=True, dest=dest)
            count = len(files)
            changed, removed = write_tree(files, dest)
    return Result(dest, count, changed, removed, problems)


def build(
    project: Path,
    strict: bool = False,
    site_dir: Path | None = None,
    site_url: str | None = None,
    jobs: int = 1,
    wait: bool = True,
) -> Result:
    """Validate, generate and build every language into staging folders; swap both in only on success.

    Why two staging folders: if MkDocs fails (or the process is killed) after
    the pages were generated, neither `generated/` nor `site/` may change.
    `jobs` MkDocs processes build the language editions side by side. The whole
    run holds the project lock: a second build waits (or, `wait=False`, fails at once).
    """

    pages_dest = project / GENERATED
    state = project / STATE
    with writing(project, "build", wait):
        with collector_paused():
            content, problems = _checked(project, strict, parallel=True, site_url=site_url)
            pages, count, changed, removed = stage_all(project, content, pages_dest)
        final = (site_dir or project / "site").resolve()
        try:
            with built_site(config_paths(pages, content), final, content.site.reviewed, jobs, state / "logs") as site:
                swap_in([(pages, pages_dest), (site, final)], state)
        except BaseException:
            shutil.rmtree(pages, ignore_errors=True)
            raise
    return Result(final, count, changed, removed, problems)


def preview_folder(project: Path, dev_addr: str) -> Path:
    """The live preview's own generated folder: `.explainer/preview-127.0.0.1-8000`.

    Why not `generated/`: a build swaps `generated/` for its own tree (with the publish address);
    the preview, in a folder no build touches, keeps serving and updating beside any number of builds.
    """
    return project / STATE / ("preview-" + "".join(c if c.isalnum() or c in ".-" else "-" for c in dev_addr))


def serve(project: Path, dev_addr: str, lang: str | None = None) -> NoReturn:
    """Generate once, then become `mkdocs serve` for one edition; the hook regenerates when content/ changes."""

    address = f"http://{dev_addr}/"
    preview = preview_folder(project, dev_addr)
    with collector_paused():
        content, _ = _checked(project, strict=False, parallel=True, site_url=address)
        configs = dict(config_paths(preview, content))
        config = configs.get(lang or content.languages[0])
        if config is None:
            msg = f"--lang {lang!r} is not a language of the site; expected one of: {', '.join(configs)}"
            raise UsageError(msg)
        # Held until the preview stops (the descriptor survives the exec below).
        hold_for_life(preview.with_name(preview.name + ".lock"), f"preview at {address}")
        folder, _, _, _ = stage_all(project, content, preview)
        commit_tree(folder, preview)
    # --dirty: MkDocs rebuilds only the pages whose files changed, and the generator rewrites only those.
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", dev_addr, "--livereload", "--dirty"]
    env = {**os.environ, PREVIEW_URL: address}
    # Become MkDocs (no child process left behind when the preview is stopped).
    os.chdir(project)
    os.execve(sys.executable, cmd, env)


__all__ = [
    "GENERATED",
    "PREVIEW_URL",
    "BuildError",
    "Result",
    "build",
    "check",
    "collector_paused",
    "generate",
    "preview_folder",
    "render_all",
    "serve",
    "stage_all",
    "writing",
]
