"""Run the real `mkdocs build --strict` for every language edition and assemble one site beside `site/`.

Why a separate step: MkDocs is the only builder we run, and it runs as a child
process on the generated folder alone (builder independence), so building is
writing a folder from a folder: it belongs with staging, not with rendering.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..content.model import PartialDate
from ..problems import BuildError
from .staging import new_sibling


def _epoch(date: str) -> str:
    """SOURCE_DATE_EPOCH for the content's review date, unless the caller set one."""
    parsed = PartialDate.parse(date)
    moment = dt.datetime(parsed.year, parsed.month or 1, parsed.day or 1, tzinfo=dt.UTC)
    return os.environ.get("SOURCE_DATE_EPOCH") or str(int(moment.timestamp()))


def _mkdocs(config: Path, site_dir: Path, reviewed: str) -> None:
    """Run `mkdocs build --strict` for one language edition; its last lines of output become a `BuildError`.

    Why SOURCE_DATE_EPOCH: MkDocs stamps build dates into output; pinning them to the
    content's review date makes two builds of the same content byte-identical.
    Why EXPLAINER_SKIP_HOOK: the pages were generated already, by the caller.
    """
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)]
    env = {**os.environ, "EXPLAINER_SKIP_HOOK": "1", "SOURCE_DATE_EPOCH": _epoch(reviewed)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise BuildError(f"mkdocs build failed for {config.name}:\n" + "\n".join(detail[-20:]))


def build_editions(configs: list[tuple[str, Path]], staging: Path, reviewed: str, jobs: int) -> Path:
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


@contextlib.contextmanager
def built_site(configs: list[tuple[str, Path]], final: Path, reviewed: str, jobs: int) -> Iterator[Path]:
    """Build every edition into a new sibling of `final` and yield the assembled site, for `commit_tree`.

    Whatever the caller does not move away (a failed build, a failure after it) is removed on exit,
    so `final` changes only by the caller's swap.
    """
    staging = new_sibling(final)
    try:
        yield build_editions(configs, staging, reviewed, jobs)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
