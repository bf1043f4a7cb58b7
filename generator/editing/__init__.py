"""Editor commands: `new`, `rename`, `diff`, `i18n` coverage and `schema`.

They call the pipeline; the pipeline never calls them (a test enforces it).
"""
