"""Pydantic's validation errors, rewritten for editors and placed where the YAML says it.

Why: pydantic reports `loc` paths through union branches and in its own words
("Input should be a valid string"); editors need "expected text, found a list"
at the line they wrote, with a did-you-mean for names and choices (rendercv's
`pydantic_error_handling.py` does the same job).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..problems import Problem, error
from .yaml_reader import Key, RawDoc


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
        data = data[part]
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


def describe(value: Any) -> str:
    """A value as an editor would name it: 'yes' (true/false), the number 3, a mapping."""
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
        return f"{describe(value)} is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY"
    if "a-z0-9" in pattern:
        return f"{describe(value)} is not a valid id: use lowercase letters, digits and hyphens (like 'jane-doe')"
    if "A-Z" in pattern:
        return f"{describe(value)} is not an ISO 3166 two-letter country code such as 'PE'"
    if "^Q" in pattern:
        return f"{describe(value)} is not a Wikidata id such as 'Q123'"
    return f"{describe(value)} is not a language code such as 'en' or 'es'"


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
        return f"expected one of {', '.join(options)} but found {describe(value)}{hint}", "bad-choice"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern", "")), value), "bad-format"
    if kind == "value_error":
        return f"{describe(value)}: {err['msg'].removeprefix('Value error, ')}", "bad-value"
    if kind in {"too_short", "string_too_short"}:
        if path and path[-1] == "sources":
            return "cite at least one source", "no-source"
        if path and any(str(part).startswith("dict[") for part in err["loc"]):
            lang = path[-1]
            return f"the '{lang}' text is empty: write it, or leave '{lang}:' out until it is translated", "empty"
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
        return f"expected {expected}, found {describe(value)}", "wrong-type"
    return f"{err['msg']} (found {describe(value)})", "invalid"


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
        if isinstance(value, dict) and any(len(other) > len(path) and other[: len(path)] == path for other in located):
            # The mapping branch of the union reported what is wrong inside (a misspelt key, an empty
            # translation): "expected text" from the text branch would be a false alarm beside it.
            errs = [e for e in errs if e[0]["type"] != "string_type"]
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
