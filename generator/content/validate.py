"""Turn raw trees into models, and report every problem with the place it was written.

Why: "validate passes" must mean "the site builds". Every check runs on every
record (problems are collected, never raised at the first one), and each
message says what was expected, what was found, and where.
"""

from __future__ import annotations

import difflib
import functools
import re
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..problems import Problem, error
from .load import Key, RawDoc
from .model import KINDS, LOCALIZED, PageMeta, PartialDate, Site

CROSS_REF = re.compile(r"\[\[([^\[\]]*)\]\]")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
MAX_RECORDS = 100_000
"""Most records of one kind accepted (see README, Security and limits)."""


@dataclass
class Record:
    """A validated content record and the raw document it came from."""

    kind: str
    id: str
    model: Any
    raw: RawDoc


@dataclass
class Page:
    """A prose page: front matter plus Markdown body per language."""

    id: str
    meta: dict[str, PageMeta]
    body: dict[str, str]
    raw: dict[str, RawDoc]


@dataclass
class Content:
    """Everything the explainer says, validated and indexed by id (ids sorted)."""

    site: Site
    site_raw: RawDoc
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    """Ids of every file with a valid name, including records that failed validation:
    a reference to a broken record is not also reported as a reference to a missing one."""

    @property
    def languages(self) -> list[str]:
        """Site languages, default first."""
        return list(self.site.languages)

    def get(self, kind: str, rid: str) -> Any:
        """The model of record `rid` in folder `kind`."""
        return self.records[kind][rid].model


# ---- pydantic errors → problems -------------------------------------------------


def _clean_loc(data: Any, loc: tuple[Any, ...]) -> tuple[Key, str | None]:
    """Keep the parts of a pydantic location that exist in the data; drop union-branch names.

    Returns the path into the data and the last name that was not found (a
    missing or unknown field's name).
    """
    path: list[str | int] = []
    current = data
    leftover: str | None = None
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        else:
            leftover = str(part)
    return tuple(path), leftover


def _value_at(data: Any, path: Key) -> Any:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def _unwrap_models(annotation: Any) -> list[type[BaseModel]]:
    """Model classes reachable through Optional/Union/list/Annotated."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            found.append(ann)
            continue
        stack.extend(get_args(ann))
    return found


def _model_at(root: type[BaseModel], path: Key) -> type[BaseModel] | None:
    """The model class that describes the mapping at `path`."""
    model: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field_info = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if field_info is None:
            return None
        candidates = _unwrap_models(field_info.annotation)
        model = candidates[0] if candidates else None
    return model


def field_names(model: type[BaseModel]) -> list[str]:
    """Names as written in YAML (aliases such as `from`/`to`)."""
    return [f.alias or n for n, f in model.model_fields.items()]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _pattern_message(pattern: str, value: Any) -> str:
    if "\\d{4}" in pattern:
        return f"{_describe(value)} is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY"
    if "a-z0-9" in pattern:
        return f"{_describe(value)} is not a valid id: use lowercase letters, digits and hyphens (like 'jose-jeri')"
    if "A-Z" in pattern:
        return f"{_describe(value)} is not an ISO 3166 two-letter country code such as 'PE'"
    if "^Q" in pattern:
        return f"{_describe(value)} is not a Wikidata id such as 'Q123'"
    return f"{_describe(value)} is not a language code such as 'en' or 'es'"


def _message(err: dict[str, Any], value: Any, root: type[BaseModel], path: Key, name: str | None) -> tuple[str, str]:
    """An editor-facing message and code for one pydantic error."""
    kind = err["type"]
    ctx = err.get("ctx", {})
    if kind == "missing":
        return f"missing required field '{name}'", "missing-field"
    if kind == "extra_forbidden":
        model = _model_at(root, path[:-1])
        allowed = field_names(model) if model else []
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(allowed)}"
        return f"unknown field '{path[-1]}'{hint}", "unknown-field"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"expected one of {', '.join(options)} but found {_describe(value)}{hint}", "bad-choice"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern", "")), value), "bad-format"
    if kind == "value_error":
        return f"{_describe(value)}: {err['msg'].removeprefix('Value error, ')}", "bad-value"
    if kind in {"too_short", "string_too_short"}:
        if path and path[-1] == "sources":
            return "cite at least one source", "no-source"
        return "must not be empty", "empty"
    if kind == "string_too_long":
        return f"text is longer than {ctx.get('max_length')} characters", "too-long"
    expected = {
        "string_type": "text",
        "dict_type": "a mapping by language code ({en: ..., es: ...}) or text",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "list_type": "a list",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
    }.get(kind)
    if expected:
        return f"expected {expected}, found {_describe(value)}", "wrong-type"
    return f"{err['msg']} (found {_describe(value)})", "invalid"


_MAPPING_ERRORS = {"missing", "extra_forbidden", "model_type", "model_attributes_type"}


def model_problems(exc: ValidationError, doc: RawDoc, root: type[BaseModel]) -> list[Problem]:
    """Map pydantic errors to problems at the YAML positions, collapsing union branches."""
    located: dict[Key, list[tuple[dict[str, Any], str | None]]] = {}
    for details in exc.errors(include_url=False):
        err: dict[str, Any] = dict(details)
        path, name = _clean_loc(doc.data, tuple(err["loc"]))
        if err["type"] == "missing" and name is None and err["loc"]:
            name = str(err["loc"][-1])
        located.setdefault(path, []).append((err, name))
    problems: list[Problem] = []
    for path, errs in located.items():
        value = _value_at(doc.data, path)
        # A union (text or mapping; id or citation) reports one error per branch:
        # keep the branch that matches the shape the editor wrote.
        if len(errs) > 1:
            if isinstance(value, dict):
                kept = [e for e in errs if e[0]["type"] not in {"string_type"}]
            else:
                kept = [e for e in errs if e[0]["type"] not in _MAPPING_ERRORS | {"dict_type"}]
            errs = kept or errs[:1]
            if not isinstance(value, dict) and len({e[0]["type"] for e in errs}) > 1:
                errs = errs[:1]
        for found, name in errs:
            message, code = _message(found, value, root, path, name)
            if found["type"] == "extra_forbidden":
                line, col = doc.key_pos(path)
            else:
                line, col = doc.pos(path)
            problems.append(error(doc.path, line, col, code, message))
    return problems


# ---- texts ----------------------------------------------------------------------


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
        if get_origin(ann) is typing.Annotated and LOCALIZED in ann.__metadata__:
            return True
        if get_origin(ann) is list:
            continue
        stack.extend(get_args(ann))
    return False


def _is_text_list(annotation: Any) -> bool:
    return get_origin(annotation) is list and _is_text(get_args(annotation)[0])


DATE_FIELDS = ("date", "from", "to")


def iter_texts(model: BaseModel, path: Key = ()) -> typing.Iterator[tuple[Key, Any]]:
    """Every translatable value in a model tree, with its path as written in YAML."""
    date_dispute = getattr(model, "field", None) in DATE_FIELDS and hasattr(model, "value")
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = (*path, info.alias or name)
        if value is None or (date_dispute and name == "value"):
            # A disputed date is a date, not a text to translate.
            continue
        kind = _field_kind(type(model), name)
        if kind == "text":
            yield key, value
        elif kind == "texts":
            for i, item in enumerate(value):
                yield (*key, i), item
        elif isinstance(value, BaseModel):
            yield from iter_texts(value, key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_texts(item, (*key, i))


def fold(rid: str) -> str:
    """An id with accents and case removed: ids equal after folding collide on disk or in URLs."""
    decomposed = unicodedata.normalize("NFKD", rid)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def partial(text: str | None) -> PartialDate | None:
    """Parse a date string the model already checked."""
    return PartialDate.parse(text) if text else None


# ---- records --------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
        found = "an empty file" if doc.data is None else _describe(doc.data)
        return None, [error(doc.path, 1, 1, "not-a-mapping", f"expected a mapping of fields, found {found}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, model_problems(exc, doc, model)


def _record_id(doc: RawDoc) -> str:
    name = doc.path.rsplit("/", 1)[-1]
    return name.removesuffix(".yml")


def validate(tree: Any) -> tuple[Content | None, list[Problem]]:
    """Check every raw document against its model, then every cross-record rule.

    Returns the content when there is no error (warnings allowed) and all
    problems found, so one run names every mistake.
    """
    from .checks import check_content

    problems: list[Problem] = []
    site: Site | None = None
    if tree.site is not None:
        site, found = _validate_doc(tree.site, Site)
        problems += found
    records: dict[str, dict[str, Record]] = {}
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
                        f"file name '{rid}' is not a valid id: use lowercase letters, digits and hyphens (like 'jose-jeri.yml')",
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
    pages: dict[str, Page] = {}
    for raw in tree.pages:
        if not ID_RE.match(raw.id):
            problems.append(error(raw.meta.path, 1, 1, "bad-id", f"page name '{raw.id}' is not a valid id"))
            continue
        meta, found = _validate_doc(raw.meta, PageMeta)
        problems += found
        if meta is None:
            continue
        page = pages.setdefault(raw.id, Page(raw.id, {}, {}, {}))
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
    problems += check_content(content)
    if any(p.severity.value == "error" for p in problems):
        return None, problems
    return content, problems
