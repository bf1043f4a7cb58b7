"""Translation coverage: how much of each kind and file exists in every site language.

Why: translation is data, so it can be counted; `explainer i18n --strict`
fails CI when any text of the project's own content lacks a language.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..content.records import Content
from ..content.walk import iter_quotes, iter_texts
from ..pipeline import check
from ..problems import ContentError


def _count(content: Content) -> dict[str, dict[str, tuple[int, int]]]:
    """kind → file → (texts translated into every language, texts)."""
    langs = content.languages
    sources = content.records.get("sources", {})
    table: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    items = [("site", content.site_raw.path, content.site)]
    items += [(kind, rec.raw.path, rec.model) for kind, recs in content.records.items() for rec in recs.values()]
    for kind, path, model in items:
        done = total = 0
        for _, value in iter_texts(model):
            total += 1
            done += isinstance(value, dict) and all(lang in value for lang in langs)
        for cite in iter_quotes(model):
            source = sources.get(cite.source)
            if source is None:
                continue
            needed = [lang for lang in langs if lang != source.model.language]
            total += 1
            done += all(lang in (cite.translation or {}) for lang in needed)
        table[kind][path] = (done, total)
    for page in content.pages.values():
        path = next(iter(page.raw.values())).path
        table["pages"][path] = (int(all(lang in page.meta for lang in langs)), 1)
    return table


def coverage_report(project: Path) -> tuple[str, int]:
    """A text table of coverage per kind and per incomplete file; returns (text, texts missing)."""
    content, problems = check(project)
    if content is None:
        raise ContentError(problems)
    table = _count(content)
    lines = [
        f"Languages: {', '.join(content.languages)} (default {content.languages[0]})",
        "",
        f"{'kind':<12} {'files':>6} {'texts':>7} {'complete':>9} {'coverage':>9}",
    ]
    missing = 0
    incomplete: list[str] = []
    for kind in sorted(table):
        files = table[kind]
        done = sum(d for d, _ in files.values())
        total = sum(t for _, t in files.values())
        missing += total - done
        share = 100.0 * done / total if total else 100.0
        lines.append(f"{kind:<12} {len(files):>6} {total:>7} {done:>9} {share:>8.1f}%")
        incomplete += [
            f"  {path}: {t - d} of {t} texts missing a language" for path, (d, t) in sorted(files.items()) if d < t
        ]
    if incomplete:
        lines += ["", "Incomplete files:", *incomplete]
    lines += ["", f"{missing} text(s) missing a translation."]
    return "\n".join(lines) + "\n", missing
