"""Explainer: curated, sourced YAML in; a bilingual, searchable MkDocs site out.

The pipeline reads like the folder listing: load → validate (+ checks) →
relations → render (templates, markup, svg) → write → build.
"""

from .pipeline import BuildError, build, check, generate
from .problems import ContentError, Problem, Severity

__all__ = ["BuildError", "ContentError", "Problem", "Severity", "build", "check", "generate"]
