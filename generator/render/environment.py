"""The Jinja environment: project overrides first, autoescape, StrictUndefined, a fast context for our helpers.

Why Jinja with autoescape on: every value a template prints is HTML-escaped
unless it went through `markup.inline` (content) or is one of our own
Markup fragments, so a forgotten filter fails safe. Why StrictUndefined: a
misspelt name in a template is an error, never an empty string.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from types import BuiltinMethodType, MethodType
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from . import markup
from .page import Page

OVERRIDES = Path("overrides") / "generator"
"""A project's own templates, relative to the project folder: they win over the package's."""

_ENVIRONMENTS: dict[tuple[str, tuple[tuple[str, int], ...]], jinja2.Environment] = {}


def template_folders(project: Path | None) -> list[Path]:
    """Where templates are looked up, in order: the project's overrides, then the package's templates."""
    folders = [project / OVERRIDES] if project is not None else []
    folders.append(Path(str(resources.files("generator.render") / "templates")))
    return folders


def environment(project: Path | None) -> jinja2.Environment:
    """The Jinja environment, compiled once per process and set of template files.

    Why cached: compiling the templates costs more than rendering a small
    site; the live preview regenerates in the same process, so it reuses them
    until a template file changes.
    """
    folders = template_folders(project)
    stamp = tuple(
        (str(f), f.stat().st_mtime_ns) for folder in folders if folder.is_dir() for f in sorted(folder.rglob("*.j2"))
    )
    key = (str(project), stamp)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS.clear()
        _ENVIRONMENTS[key] = _make_environment(folders)
    return _ENVIRONMENTS[key]


class _HelperContext(jinja2.runtime.Context):
    """A template context that calls our own page helpers directly.

    Why: every `{{ p.something(...) }}` goes through `Context.call`, which
    looks for `pass_context`-style markers on each call; our helpers have
    none, and at 10,000 events skipping the lookups saved about 5% of rendering.
    Anything else (a project's own globals, filters) takes Jinja's path.
    """

    def call(self, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if (type(obj) is MethodType and isinstance(obj.__self__, Page)) or type(obj) is BuiltinMethodType:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return obj(*args, **kwargs)
        return super().call(obj, *args, **kwargs)


def _make_environment(folders: list[Path]) -> jinja2.Environment:
    """Templates from the first folder that has them (the project's overrides/generator/, then the package's)."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(folder) for folder in folders if folder.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.context_class = _HelperContext
    env.filters["esc"] = lambda s: Markup(markup.escape(str(s)))
    env.filters["attr"] = lambda s: Markup(markup.attr(str(s)))
    return env
