"""The committed JSON Schemas match the models, and accept and reject what the validator does."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from generator.cli import main
from generator.content.load import load_file
from generator.content.model import KINDS, REF_KINDS
from generator.editing.schema import SCHEMA_DIR, kind_models, schema_texts, stale_schemas

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
FOLDER_KIND = {folder: kind for kind, folder in REF_KINDS.items()}


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((ROOT / SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _content_files() -> list[tuple[str, Path]]:
    files = [("site", CONTENT / "site.yml")]
    for folder in sorted(KINDS):
        files += [(FOLDER_KIND[folder], path) for path in sorted((CONTENT / folder).glob("*.yml"))]
    return files


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas(ROOT) == [], "run `explainer schema --write` and commit schemas/"


def test_one_schema_per_kind_and_output_is_deterministic() -> None:
    assert sorted(kind_models()) == ["actor", "event", "legal", "question", "site", "source"]
    first, second = schema_texts(), schema_texts()
    assert first == second
    for text in first.values():
        assert text.endswith("}\n")
        assert json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            found.append((name, prop))
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


@pytest.mark.parametrize("kind", sorted(kind_models()))
def test_every_field_has_a_title_and_description(kind: str) -> None:
    schema = json.loads(schema_texts()[f"{kind}.schema.json"])
    assert schema["title"] and schema["description"]
    for name, prop in _properties(schema):
        assert prop.get("description"), f"{kind}: field '{name}' has no description"
        assert prop.get("title"), f"{kind}: field '{name}' has no title"


def test_aliases_are_used() -> None:
    role = json.loads(schema_texts()["actor.schema.json"])["$defs"]["Role"]["properties"]
    assert {"from", "to"} <= set(role)
    assert "start" not in role


def test_every_content_file_names_its_schema_and_matches_it() -> None:
    failures: list[str] = []
    validators = {kind: _validator(kind) for kind in kind_models()}
    for kind, path in _content_files():
        prefix = "../schemas" if kind == "site" else "../../schemas"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first != f"# yaml-language-server: $schema={prefix}/{kind}.schema.json":
            failures.append(f"{path.name}: first line is {first!r}")
        doc, problems = load_file(path, path.name)
        assert doc is not None, problems
        failures += [f"{path.name}: {e.json_path}: {e.message}" for e in validators[kind].iter_errors(doc.data)]
    assert failures == []


def _event() -> dict[str, Any]:
    path = max((CONTENT / "events").glob("*.yml"))
    doc, _ = load_file(path, path.name)
    assert doc is not None
    return copy.deepcopy(doc.data)


def _bad_unknown_top(data: dict[str, Any]) -> None:
    data["dat"] = data["date"]


def _bad_unknown_nested(data: dict[str, Any]) -> None:
    data["sources"][0] = {"source": "x", "qoute": "misspelt"}


def _bad_type_bool(data: dict[str, Any]) -> None:
    data["key"] = ["true"]


def _bad_type_list(data: dict[str, Any]) -> None:
    data["actors"] = "peru"


def _bad_language_key(data: dict[str, Any]) -> None:
    data["title"] = {"EN": "Shouting"}


def _bad_date(data: dict[str, Any]) -> None:
    data["date"] = "6 November 2025"


def _bad_empty_sources(data: dict[str, Any]) -> None:
    data["sources"] = []


def _bad_missing(data: dict[str, Any]) -> None:
    del data["summary"]


@pytest.mark.parametrize(
    "spoil",
    [
        _bad_unknown_top,
        _bad_unknown_nested,
        _bad_type_bool,
        _bad_type_list,
        _bad_language_key,
        _bad_date,
        _bad_empty_sources,
        _bad_missing,
    ],
)
def test_schema_rejects_what_the_validator_rejects(spoil: Any) -> None:
    data = _event()
    KINDS["events"].model_validate(data)
    assert _validator("event").is_valid(data)
    spoil(data)
    with pytest.raises(ValidationError):
        KINDS["events"].model_validate(data)
    assert not _validator("event").is_valid(data)


def test_cli_check_write_and_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content").mkdir()
    assert main(["--project", str(tmp_path), "schema", "--check"]) == 1
    assert main(["--project", str(tmp_path), "schema", "--write"]) == 0
    assert main(["--project", str(tmp_path), "schema", "--check"]) == 0
    target = tmp_path / SCHEMA_DIR / "event.schema.json"
    target.write_text(target.read_text(encoding="utf-8").replace("Short headline.", "Headline."), encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(tmp_path), "schema", "--check"]) == 1
    assert "schemas/event.schema.json" in capsys.readouterr().err
    assert main(["--project", str(tmp_path), "schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert sorted(printed) == sorted(kind_models())
    shutil.rmtree(tmp_path / SCHEMA_DIR)
