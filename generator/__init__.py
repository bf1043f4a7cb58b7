"""Explainer: curated, sourced YAML in; a bilingual, searchable MkDocs site out.

The pipeline reads like the folder listing: content (load, validate, checks) →
structure (relations, history, redirects) → render (editions, templates,
markup, svg) → output (staging, MkDocs builds), driven by pipeline.py.
"""

from .pipeline import build, check, generate
from .problems import BuildError, ContentError, Problem, Severity

__all__ = ["BuildError", "ContentError", "Problem", "Severity", "build", "check", "generate"]
