"""Turn the raw tree into validated content, and report every problem with the place it was written.

Why: "validate passes" must mean "the site builds". Every check runs on every
record (problems are collected, never raised at the first one), and each
message says what was expected, what was found, and where.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Problem, error, has_errors
from .checks import check_content
from .load import RawTree
from .messages import describe, model_problems
from .model import ID_RE, KINDS, PageMeta, Site, fold
from .records import Content, ProsePage, Record
from .yaml_reader import RawDoc

__all__ = ["MAX_RECORDS", "Content", "validate"]
"""`Content` is also named here until every stage imports it from `records`."""

MAX_RECORDS = 100_000
"""Most records of one kind accepted (see README, Security and limits)."""


_MODELS: dict[int, tuple[RawDoc, type[BaseModel], tuple[Any, list[Problem]]]] = {}
"""Validated models by parsed document: the loader hands back the same document while a file is unchanged."""


def _validate_doc(doc: RawDoc, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    cached = _MODELS.get(id(doc))
    if cached is not None and cached[0] is doc and cached[1] is model:
        return cached[2]
    result = _validate_uncached(doc, model)
    _MODELS[id(doc)] = (doc, model, result)
    return result


def _validate_uncached(doc: RawDoc, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    if not isinstance(doc.data, dict):
        found = "an empty file" if doc.data is None else describe(doc.data)
        return None, [error(doc.path, 1, 1, "not-a-mapping", f"expected a mapping of fields, found {found}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, model_problems(exc, doc, model)


def _record_id(doc: RawDoc) -> str:
    name = doc.path.rsplit("/", 1)[-1]
    return name.removesuffix(".yml")


def validate(tree: RawTree, interface_languages: frozenset[str]) -> tuple[Content | None, list[Problem]]:
    """Check every raw document against its model, then every cross-record rule.

    Returns the content when there is no error (warnings allowed) and all
    problems found, so one run names every mistake. `interface_languages` are
    the languages the renderer has interface strings for (the site may use no other).
    """
    problems: list[Problem] = []
    site: Site | None = None
    if tree.site is not None:
        site, found = _validate_doc(tree.site, Site)
        problems += found
    records: dict[str, dict[str, Record]] = {}
    failed: list[RawDoc] = []
    known: dict[str, set[str]] = {}
    folded: dict[str, str] = {}
    for kind, docs in tree.docs.items():
        records[kind] = {}
        if len(docs) > MAX_RECORDS:
            problems.append(error(f"content/{kind}", 1, 1, "too-many-records", f"more than {MAX_RECORDS} records"))
            continue
        for doc in docs:
            rid = _record_id(doc)
            if not ID_RE.match(rid):
                problems.append(
                    error(
                        doc.path,
                        1,
                        1,
                        "bad-id",
                        f"file name '{rid}' is not a valid id: use lowercase letters, digits and hyphens (like 'jane-doe.yml')",
                    )
                )
                continue
            key = f"{kind}/{fold(rid)}"
            if key in folded:
                problems.append(
                    error(
                        doc.path,
                        1,
                        1,
                        "id-collision",
                        f"id '{rid}' collides with '{folded[key]}' (ids must differ by more than case or accents)",
                    )
                )
                continue
            folded[key] = rid
            known.setdefault(kind, set()).add(rid)
            model, found = _validate_doc(doc, KINDS[kind])
            problems += found
            if model is not None:
                records[kind][rid] = Record(kind, rid, model, doc)
            elif isinstance(doc.data, dict):
                failed.append(doc)
    pages: dict[str, ProsePage] = {}
    for raw in tree.pages:
        if not ID_RE.match(raw.id):
            problems.append(error(raw.meta.path, 1, 1, "bad-id", f"page name '{raw.id}' is not a valid id"))
            continue
        meta, found = _validate_doc(raw.meta, PageMeta)
        problems += found
        if meta is None:
            continue
        page = pages.setdefault(raw.id, ProsePage(raw.id, {}, {}, {}))
        lang = raw.lang or ""
        page.meta[lang] = meta
        page.body[lang] = raw.body
        page.raw[lang] = raw.meta
    if site is None or tree.site is None:
        return None, problems
    for kind, names in tree.names.items():
        known.setdefault(kind, set()).update(n for n in names if ID_RE.match(n))
    content = Content(site, tree.site, records, pages, known)
    # Default-language pages are stored under "" until the site's languages are known.
    default = content.languages[0]
    for page in pages.values():
        if "" in page.meta:
            page.meta[default] = page.meta.pop("")
            page.body[default] = page.body.pop("")
            page.raw[default] = page.raw.pop("")
    problems += check_content(content, interface_languages, failed, frozenset(tree.unread))
    if has_errors(problems):
        return None, problems
    return content, problems
