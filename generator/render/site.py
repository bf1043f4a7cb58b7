"""The whole site: every edition, the dataset, the MkDocs configs and the redirect pages; editions over workers.

Why its own module: this is the second half of the pipeline (plan what the
live preview may reuse, render each language, add what is not a page),
and the one place that decides whether editions render in parallel.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .. import workers
from ..content.validate import Content
from ..output.staging import FileData, Staging
from ..structure.relations import Index, build_index
from ..structure.routes import DATASET
from .cards import cards
from .downloads import dataset_json
from .edition import Edition
from .environment import environment
from .incremental import Reuse, plan, remember
from .labels import Labels
from .mkdocs_config import edition_files
from .redirect_pages import redirect_pages
from .theme import theme_files

_SHARED: tuple[Content, Index, jinja2.Environment, Staging | None] | None = None
"""What forked workers inherit (fork shares it without pickling the models)."""


def _part(name: str) -> dict[str, str] | tuple[list[str], int]:
    """One language edition's pages, or the dataset download, keyed by path under generated/ (a worker's task).

    With a staging folder the worker writes its files there and returns only (paths, files changed).
    """
    assert _SHARED is not None
    content, index, env, staging = _SHARED
    if name == DATASET:
        files = {f"{content.languages[0]}/{DATASET}": dataset_json(content)}
    else:
        files = {f"{name}/{path}": text for path, text in Edition(content, index, name, env).render().items()}
    if staging is None:
        return files
    return sorted(files), staging.put(files)


def jobs_for(content: Content) -> int:
    """How many processes render the editions: one per language and CPU on large content, else one."""
    return workers.jobs(sum(len(records) for records in content.records.values()), len(content.languages))


def _in_workers(
    content: Content, index: Index, env: jinja2.Environment, staging: Staging | None, jobs: int
) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Editions and the dataset rendered by forked workers: (returned files by part, parts staged by workers)."""
    global _SHARED
    rendered: dict[str, dict[str, str]] = {}
    staged: set[str] = set()
    _SHARED = (content, index, env, staging)
    try:
        with workers.pool(jobs) as pool:
            # The dataset goes last: whichever worker finishes its edition first builds it.
            names = [*content.languages, DATASET]
            for name, part in zip(names, pool.map(_part, names, chunksize=1), strict=True):
                if isinstance(part, dict):
                    rendered[name] = part
                else:
                    assert staging is not None
                    staging.adopt(*part)
                    staged.add(name)
    finally:
        _SHARED = None
    return rendered, staged


def _edition(edition: Edition, reuse: Reuse | None) -> dict[str, str]:
    """One edition rendered here, keyed by path under generated/; with `reuse`, unaffected pages kept."""
    lang = edition.lang
    if reuse is None:
        pages = edition.render()
    else:
        pages = edition.render(reuse.keep, reuse.years, reuse.pages)
        # Only the pages this render skipped: anything else in the previous run (a deleted record's
        # page, a redirect page) must not come back.
        for path in reuse.skipped():
            previous = reuse.files.get(f"{lang}/{path}")
            if previous is not None:
                pages.setdefault(path, previous)
    return {f"{lang}/{path}": text for path, text in pages.items()}


def render_site(
    content: Content,
    project: Path | None,
    incremental: bool = False,
    staging: Staging | None = None,
    root: str = "..",
) -> dict[str, FileData]:
    """Every generated file of every language, keyed by path under generated/.

    With `incremental` (the live preview), record pages that no changed record
    can affect are reused from the previous run in this process. Large content
    renders its editions in parallel; the output is the same either way. With
    `staging`, those parallel workers write their editions into it themselves and
    the returned mapping holds only the rest (`staging.paths` lists everything).
    `root` is the project relative to the generated folder, for the configs' paths.
    """
    index = build_index(content)
    env = environment(project)
    files: dict[str, FileData] = {}
    reuse = plan(content, index, project) if incremental else None
    # The live preview runs inside `mkdocs serve`, whose threads make forking unsafe: it stays in one process.
    jobs = 1 if incremental else jobs_for(content)
    rendered, staged = _in_workers(content, index, env, staging, jobs) if jobs > 1 else ({}, set())
    for lang in content.languages:
        if lang in rendered:
            files.update(rendered[lang])
        elif lang not in staged:
            files.update(_edition(Edition(content, index, lang, env), reuse))
        files.update(edition_files(content, lang, root))
        files.update({f"{lang}/{path}": png for path, png in cards(Labels(content, lang)).items()})
    if DATASET in rendered:
        files.update(rendered[DATASET])
    elif DATASET not in staged:
        files[f"{content.languages[0]}/{DATASET}"] = dataset_json(content)
    files.update(theme_files(project))
    if project is not None:
        for path, text in redirect_pages(project, content.languages, content.site.site_url).items():
            if path in files or (staging is not None and path in staging.paths):
                msg = f"redirect {path} would overwrite a generated page"
                raise ValueError(msg)
            files[path] = text
    # The preview's memory needs every file's text; a staged parallel run does not have it here.
    texts = {path: data for path, data in files.items() if isinstance(data, str)}
    remember(content, index, project, None if staged else texts)
    return files


__all__ = ["jobs_for", "render_site"]
