"""The pipeline, end to end: load → validate → render → write → mkdocs build.

Why this shape: like `Pelican.run` and mkdocs' `build()`, everything is read
and checked before anything is written, and the site is built into a sibling
folder that replaces `site/` only when the whole build succeeded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .content.load import load_tree
from .content.model import PartialDate
from .content.validate import Content, validate
from .problems import ContentError, Problem, has_errors

GENERATED = "generated"
"""Git-ignored folder holding one docs folder per language and the per-language MkDocs configs."""


class BuildError(Exception):
    """The builder (MkDocs) failed on generated pages: shown without traceback, exit 1."""


@dataclass
class Result:
    """What a command did, for its closing line."""

    out: Path
    pages: int = 0
    changed: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)


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
    from .structure.redirects import check_redirects

    tree, problems = load_tree(project / "content", parallel)
    content, found = validate(tree)
    return content, problems + found + check_redirects(project)


def _checked(project: Path, strict: bool, parallel: bool) -> tuple[Content, list[Problem]]:
    content, problems = check(project, parallel)
    if content is None or has_errors(problems) or (strict and problems):
        raise ContentError(problems)
    return content, problems


def render_all(project: Path, content: Content, incremental: bool = False) -> dict[str, str]:
    """Every generated file (Markdown pages, data files, per-language configs), by relative path."""
    from .render.site import render_site

    return render_site(content, project, incremental=incremental)


def stage_all(project: Path, content: Content, dest: Path) -> tuple[Path, int, int, int]:
    """Render every generated file into a new sibling of `dest`; returns (folder, files, written, dropped).

    Why not `render_all` then write: on large content the editions' worker processes
    write their own pages, side by side, instead of sending them back to be written here.
    """
    from .output.staging import Staging
    from .render.site import render_site

    with Staging(dest) as staging:
        staging.put(render_site(content, project, staging=staging))
        folder, changed, removed = staging.finish()
    return folder, len(staging.paths), changed, removed


def generate(
    project: Path, strict: bool = False, out: Path | None = None, site_url: str | None = None, atomic: bool = True
) -> Result:
    """Validate, render everything, then write only what changed into `generated/`.

    `site_url` overrides site.yml's (a staging host, or 127.0.0.1 for browser tests).
    Atomic runs build a sibling folder and swap it in; in-place runs (the live
    preview) may reuse unaffected pages from their previous run in this process.
    """
    from .output.staging import commit_tree, write_tree

    dest = out or project / GENERATED
    with collector_paused():
        # In-place runs are the live preview, inside `mkdocs serve` and its threads: nothing may fork there.
        content, problems = _checked(project, strict, parallel=atomic)
        site_url = site_url or os.environ.get("EXPLAINER_SITE_URL")
        if site_url:
            content.site = content.site.model_copy(update={"site_url": site_url.rstrip("/") + "/"})
        if atomic:
            folder, count, changed, removed = stage_all(project, content, dest)
            commit_tree(folder, dest)
        else:
            files = render_all(project, content, incremental=True)
            count = len(files)
            changed, removed = write_tree(files, dest)
    return Result(dest, count, changed, removed, problems)


def _epoch(date: str) -> str:
    """SOURCE_DATE_EPOCH for the content's review date, unless the caller set one."""
    parsed = PartialDate.parse(date)
    moment = dt.datetime(parsed.year, parsed.month or 1, parsed.day or 1, tzinfo=dt.UTC)
    return os.environ.get("SOURCE_DATE_EPOCH") or str(int(moment.timestamp()))


def _mkdocs(config: Path, site_dir: Path, reviewed: str) -> None:
    """Run the real `mkdocs build --strict` for one language edition.

    Why SOURCE_DATE_EPOCH: MkDocs stamps build dates into output; pinning them to the
    content's review date makes two builds of the same content byte-identical.
    """
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)]
    env = {**os.environ, "EXPLAINER_SKIP_HOOK": "1", "SOURCE_DATE_EPOCH": _epoch(reviewed)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise BuildError(f"mkdocs build failed for {config.name}:\n" + "\n".join(detail[-20:]))


def build(
    project: Path,
    strict: bool = False,
    site_dir: Path | None = None,
    site_url: str | None = None,
    jobs: int = 1,
) -> Result:
    """Validate, generate and build every language into staging folders; swap both in only on success.

    Why two staging folders: if MkDocs fails (or the process is killed) after
    the pages were generated, neither `generated/` nor `site/` may change.
    `jobs` MkDocs processes build the language editions side by side.
    """
    from .output.staging import commit_tree
    from .structure.routes import config_paths

    pages_dest = project / GENERATED
    with collector_paused():
        content, problems = _checked(project, strict, parallel=True)
        if site_url:
            content.site = content.site.model_copy(update={"site_url": site_url.rstrip("/") + "/"})
        pages, count, changed, removed = stage_all(project, content, pages_dest)
    final = (site_dir or project / "site").resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    for stale in final.parent.glob(f".{final.name}-new-*"):
        # Left by a build that was killed: never part of the published site.
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-new-", dir=final.parent))
    try:
        root = _editions(config_paths(pages, content), staging, content.site.reviewed, jobs)
        commit_tree(pages, pages_dest)
        _swap(root, final)
    except BaseException:
        shutil.rmtree(pages, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Result(final, count, changed, removed, problems)


def _editions(configs: list[tuple[str, Path]], staging: Path, reviewed: str, jobs: int) -> Path:
    """Build each language edition into its own folder of `staging`; returns the assembled site.

    Why separate folders, joined afterwards: MkDocs empties its `site_dir` before
    building, so the default edition cannot be built around the other editions'
    folders while they are being written. Threads only wait for the MkDocs processes.
    """
    folders = [staging / f"edition-{lang}" for lang, _ in configs]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        runs = [
            pool.submit(_mkdocs, config, folder, reviewed) for (_, config), folder in zip(configs, folders, strict=True)
        ]
    for run in runs:
        run.result()  # the first failing edition, in language order
    root = folders[0]
    for (lang, _), folder in zip(configs[1:], folders[1:], strict=True):
        os.replace(folder, root / lang)
    return root


def _swap(new: Path, final: Path) -> None:
    """Replace `final` by `new` with renames (os.replace cannot overwrite a non-empty folder)."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        os.replace(final, old)
    os.replace(new, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve(project: Path, dev_addr: str, lang: str | None = None) -> int:
    """Live preview with `mkdocs serve`; the hook regenerates pages when content/ changes."""
    from .structure.routes import config_paths

    result = generate(project, site_url=f"http://{dev_addr}/")
    content, _ = check(project)
    assert content is not None
    configs = dict(config_paths(project / GENERATED, content))
    config = configs.get(lang or content.languages[0])
    if config is None:
        raise ContentError([])
    del result
    # --dirty: MkDocs rebuilds only the pages whose files changed, and the generator rewrites only those.
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", dev_addr, "--livereload", "--dirty"]
    env = {**os.environ, "EXPLAINER_SITE_URL": f"http://{dev_addr}/"}
    # Become MkDocs (no child process left behind when the preview is stopped).
    os.chdir(project)
    os.execve(sys.executable, cmd, env)
