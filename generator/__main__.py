"""`python -m generator` runs the `explainer` command."""

from .cli import run

run()
