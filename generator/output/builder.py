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
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

from ..content.model import PartialDate
from .failure import builder_failure
from .staging import new_sibling


def _epoch(date: str) -> str:
    """SOURCE_DATE_EPOCH for the content's review date, unless the caller set one."""
    parsed = PartialDate.parse(date)
    moment = dt.datetime(parsed.year, parsed.month or 1, parsed.day or 1, tzinfo=dt.UTC)
    return os.environ.get("SOURCE_DATE_EPOCH") or str(int(moment.timestamp()))


class _Runs:
    """The MkDocs processes of one build, so that a failed or interrupted build stops the others.

    Why: a SIGTERM to the build (a cancelled CI job) reaches only our process; its MkDocs
    children went on writing into staging folders that the build was removing.
    """

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []
        self.stopping = False
        self.lock = threading.Lock()

    def run(self, cmd: list[str], log: IO[str], env: dict[str, str]) -> int:
        with self.lock:
            if self.stopping:
                return -signal.SIGTERM
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
            self.procs.append(proc)
        return proc.wait()

    def stop(self) -> None:
        with self.lock:
            self.stopping = True
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            proc.wait()


def _mkdocs(runs: _Runs, lang: str, config: Path, site_dir: Path, reviewed: str, logs: Path) -> None:
    """Run `mkdocs build --strict` for one language edition, its whole output in `logs/mkdocs.<lang>.log`.

    Why SOURCE_DATE_EPOCH: MkDocs stamps build dates into output; pinning them to the
    content's review date makes two builds of the same content byte-identical.
    Why EXPLAINER_SKIP_HOOK: the pages were generated already, by the caller.
    Why a log file: a failure is shown as one line (the edition, the cause, the log's path), and
    the log keeps everything MkDocs said, warnings included, for the user to read.
    """
    logs.mkdir(parents=True, exist_ok=True)
    log_file = logs / f"mkdocs.{lang}.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    env = {**os.environ, "EXPLAINER_SKIP_HOOK": "1", "SOURCE_DATE_EPOCH": _epoch(reviewed)}
    with log_file.open("w", encoding="utf-8") as log:
        code = runs.run(cmd, log, env)
    if code != 0:
        raise builder_failure(lang, config, log_file, _shown(log_file))


def _shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it (shorter in a message)."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def build_editions(configs: list[tuple[str, Path]], staging: Path, reviewed: str, jobs: int, logs: Path) -> Path:
    """Build each language edition into its own folder of `staging`; returns the assembled site.

    Why separate folders, joined afterwards: MkDocs empties its `site_dir` before
    building, so the default edition cannot be built around the other editions'
    folders while they are being written. Threads only wait for the MkDocs processes.
    The first failing edition, in language order, is the error; the others are stopped.
    """
    folders = [staging / f"edition-{lang}" for lang, _ in configs]
    runs = _Runs()
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        futures = [
            pool.submit(_mkdocs, runs, lang, config, folder, reviewed, logs)
            for (lang, config), folder in zip(configs, folders, strict=True)
        ]
        for future in futures:
            future.result()
    except BaseException:
        runs.stop()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    root = folders[0]
    for (lang, _), folder in zip(configs[1:], folders[1:], strict=True):
        os.replace(folder, root / lang)
    return root


@contextlib.contextmanager
def built_site(configs: list[tuple[str, Path]], final: Path, reviewed: str, jobs: int, logs: Path) -> Iterator[Path]:
    """Build every edition into a new sibling of `final` and yield the assembled site, for `commit_tree`.

    Whatever the caller does not move away (a failed build, a failure after it) is removed on exit,
    so `final` changes only by the caller's swap.
    """
    staging = new_sibling(final)
    try:
        yield build_editions(configs, staging, reviewed, jobs, logs)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
