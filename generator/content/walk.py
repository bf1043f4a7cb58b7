"""Walks over validated model trees: translatable texts, citations, disputed fields.

Why one module: the checks, the back-links, the live preview's dependency map and
the translation-coverage report all need "for each field, recurse into models and
lists of models"; written once here, they cannot disagree on what a text or a
citation is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from .model import LOCALIZED, CitationDetail
from .yaml_reader import Key


@functools.cache
def _field_kind(model: type, name: str) -> str:
    """'text', 'texts' (a list of texts) or 'other' for a model field; computed once per field."""
    info = model.model_fields[name]  # type: ignore[attr-defined]
    if LOCALIZED in info.metadata or _is_text(info.annotation):
        return "text"
    return "texts" if _is_text_list(info.annotation) else "other"


def _is_text(annotation: Any) -> bool:
    stack = [annotation]
    while stack:
        ann = stack.pop()
        if get_origin(ann) is Annotated and LOCALIZED in ann.__metadata__:
            return True
        if get_origin(ann) is list:
            continue
        stack.extend(get_args(ann))
    return False


def _is_text_list(annotation: Any) -> bool:
    return get_origin(annotation) is list and _is_text(get_args(annotation)[0])


DATE_FIELDS = ("date", "from", "to")
"""Fields whose disputed values are dates."""


def iter_texts(model: BaseModel) -> Iterator[tuple[Key, Any]]:
    """Every translatable value in a model tree, with its path as written in YAML."""
    for owner, name, key, value in iter_fields(model):
        if value is None or (name == "value" and _is_date_dispute(owner)):
            # A disputed date is a date, not a text to translate.
            continue
        kind = _field_kind(type(owner), name)
        if kind == "text":
            yield key, value
        elif kind == "texts":
            for i, item in enumerate(value):
                yield (*key, i), item


def _is_date_dispute(model: BaseModel) -> bool:
    return getattr(model, "field", None) in DATE_FIELDS and hasattr(model, "value")


def iter_fields(model: BaseModel, path: Key = ()) -> Iterator[tuple[BaseModel, str, Key, Any]]:
    """Every field of every model in a tree, depth first in field order: (owner, name, YAML path, value).

    Why the owner: a rule often depends on the model a field belongs to (a disputed
    date is a date, not a text); the path is what `RawDoc.pos` needs to place a problem.
    """
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = (*path, info.alias or name)
        yield model, name, key, value
        if isinstance(value, BaseModel):
            yield from iter_fields(value, key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_fields(item, (*key, i))


def iter_citations_at(model: BaseModel) -> Iterator[tuple[Key, Any]]:
    """Every citation (a source id or a `CitationDetail`) in a model tree, with its YAML path."""
    for _, name, key, value in iter_fields(model):
        if name == "sources" and isinstance(value, list):
            for i, cite in enumerate(value):
                yield (*key, i), cite


def iter_citations(model: BaseModel) -> Iterator[Any]:
    """Every citation in a model tree, in the order it was written."""
    for _, cite in iter_citations_at(model):
        yield cite


def iter_quotes(model: BaseModel) -> Iterator[CitationDetail]:
    """Every citation that quotes its source."""
    for cite in iter_citations(model):
        if isinstance(cite, CitationDetail) and cite.quote:
            yield cite


def iter_disputes(model: BaseModel) -> Iterator[tuple[Key, Any]]:
    """Every disputed-fact entry (`disputed: [{field, value, sources}]`) in a model tree, with its YAML path."""
    for _, name, key, value in iter_fields(model):
        if name == "disputed" and isinstance(value, list):
            for i, dispute in enumerate(value):
                yield (*key, i), dispute


RAW_REFS: dict[str, tuple[str, str]] = {
    "actors": ("actors", "actor"),
    "organization": ("actors", "actor"),
    "actor": ("actors", "actor"),
    "state": ("actors", "state"),
    "events": ("events", "event"),
    "legal": ("legal", "legal record"),
    "sources": ("sources", "source"),
    "source": ("sources", "source"),
}
"""YAML keys whose value (an id, or a list of ids) names a record: (folder, what the message calls it)."""
_ONE_ID = frozenset({"organization", "actor", "state", "source"})


def iter_raw_refs(data: Any, path: Key = ()) -> Iterator[tuple[Key, str, str, str]]:
    """(path, folder, what, id) of every reference in a raw tree that failed its model.

    Why raw: a file with a bad date or a misspelt field has no model, yet its
    references parsed, and an editor should learn of a wrong id in the same run.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            here = (*path, key)
            ref = RAW_REFS.get(key) if isinstance(key, str) else None
            if ref is not None and key in _ONE_ID and isinstance(value, str):
                yield here, ref[0], ref[1], value
            elif ref is not None and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*here, i), ref[0], ref[1], item
            yield from iter_raw_refs(value, here)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_raw_refs(item, (*path, i))
