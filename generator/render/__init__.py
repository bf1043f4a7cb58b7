"""Stage 3, render: `Content` → {path under generated/: text}, one edition per language.

Nothing here touches the disk except through `output.staging`, which forked edition workers
write into. Interface strings live in `locales/`, page templates in `templates/`.
"""
