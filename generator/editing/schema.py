"""JSON Schema export: one file per content kind, generated from `model.py`.

Why: editors get autocomplete, hover help and red squiggles in VS Code from the
`# yaml-language-server: $schema=...` line at the top of every content file.
The models stay the single source of truth; `explainer schema --check` (and a
test) fail when the committed copies in `schemas/` drift from them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..content.model import KINDS, REF_KINDS, Site

SCHEMA_DIR = "schemas"
"""Folder, at the project root, holding the committed schemas."""
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_models() -> dict[str, type[BaseModel]]:
    """Schema name → model: `event`, `actor`, ... from `model.KINDS`, plus `site`."""
    models: dict[str, type[BaseModel]] = {kind: KINDS[folder] for kind, folder in REF_KINDS.items()}
    models["site"] = Site
    return dict(sorted(models.items()))


class _StrictMaps(GenerateJsonSchema):
    """Pydantic's generator, but a mapping by language code accepts no other keys.

    Why: pydantic checks the keys of `dict[LangCode, str]` against the pattern,
    while its schema only lists `patternProperties`; without this an editor's
    `EN:` or `english:` would pass the schema and fail validation.
    """

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        result = super().dict_schema(schema)
        patterns = result.get("patternProperties")
        if patterns and len(patterns) == 1:
            result["propertyNames"] = {"pattern": next(iter(patterns))}
            result["additionalProperties"] = False
        return result


def _add_titles(node: Any) -> None:
    """Give every property a title; pydantic leaves it out of fields that are a `$ref` to a model."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict):
                prop.setdefault("title", name.replace("_", " ").title())
        for value in node.values():
            _add_titles(value)
    elif isinstance(node, list):
        for value in node:
            _add_titles(value)


def schema_for(name: str, model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one model, with aliases (`from`, `to`) and every description."""
    schema = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_StrictMaps)
    _add_titles(schema)
    folder = "content/site.yml" if name == "site" else f"content/{REF_KINDS[name]}/<id>.yml"
    schema["$schema"] = DIALECT
    schema["$comment"] = (
        f"Generated from generator/content/model.py by `explainer schema --write`; do not edit. Describes {folder}."
    )
    return schema


def dumps(schema: dict[str, Any]) -> str:
    """Deterministic text: sorted keys, 2-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """File name (`event.schema.json`) → file text, for every kind."""
    return {f"{name}.schema.json": dumps(schema_for(name, model)) for name, model in kind_models().items()}


def write_schemas(project: Path) -> list[Path]:
    """Write every schema into `schemas/`; returns the files whose bytes changed."""
    folder = project / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    for name, text in schema_texts().items():
        path = folder / name
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.write_bytes(data)
        changed.append(path)
    return changed


def stale_schemas(project: Path) -> list[str]:
    """Names of committed schema files that are missing or differ from the models."""
    folder = project / SCHEMA_DIR
    stale: list[str] = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.exists() or path.read_bytes() != text.encode("utf-8"):
            stale.append(f"{SCHEMA_DIR}/{name}")
    return stale


def all_schemas_json() -> str:
    """Every schema in one JSON document keyed by kind (what `explainer schema` prints)."""
    return dumps({name: schema_for(name, model) for name, model in kind_models().items()})


__all__ = [
    "SCHEMA_DIR",
    "all_schemas_json",
    "kind_models",
    "schema_for",
    "schema_texts",
    "stale_schemas",
    "write_schemas",
]
