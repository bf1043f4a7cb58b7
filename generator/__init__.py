"""Explainer: curated, sourced YAML in; a bilingual, searchable MkDocs site out.

The folder listing is the pipeline, in the order data flows:

- `content/`    read and check: content/*.yml → validated `Content`, or problems
- `structure/`  addresses and links: routes, back-links, history, redirects
- `render/`     `Content` → {path under generated/: Markdown, data, configs}
- `output/`     the only code that writes generated/ and site/: staging, MkDocs builds, the swap
- `pipeline.py` drives them (check → generate → build → serve); `cli.py` and `mkdocs_hook.py` are the doors
- `editing/`    editor commands (new, rename, diff, i18n coverage, schema), called by the command line only
"""

from .pipeline import build, check, generate
from .problems import BuildError, ContentError, Problem, Severity

__all__ = ["BuildError", "ContentError", "Problem", "Severity", "build", "check", "generate"]
