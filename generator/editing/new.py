"""`explainer new KIND`: write a new content file with the required fields filled in.

Why: editors should not have to remember file names, id rules or which fields
a record needs. The file written passes `explainer validate` straight away
(missing translations are warnings that tell the editor what to add next),
and every optional field is listed as a comment carrying its description.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias, get_args, get_origin

from pydantic import ValidationError

from ..content.load import load_file
from ..content.messages import model_problems
from ..content.model import ID_PATTERN, KINDS, REF_KINDS
from ..content.yaml_reader import RawDoc
from ..problems import RefusedError, UsageError

Asker: TypeAlias = Callable[[str], str] | None


class ScaffoldUsageError(UsageError):
    """A missing or malformed option: exit status 2, like argparse."""


class ScaffoldError(RefusedError):
    """The file cannot be written (it exists, a cited source is unknown): exit status 1."""


@dataclass(frozen=True)
class Ask:
    """One value `explainer new` needs: the YAML field, its option and how to ask for it."""

    field: str
    option: str
    prompt: str
    text: bool = False
    required: bool = True


ASKS: dict[str, tuple[Ask, ...]] = {
    "event": (
        Ask("date", "date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        Ask("title", "title", "Short headline", text=True),
        Ask("summary", "summary", "What happened, in a few sentences", text=True),
    ),
    "actor": (
        Ask("name", "name", "Full name", text=True),
        Ask("kind", "kind", "Kind of actor"),
        Ask("summary", "summary", "Who this is, in two or three sentences", text=True),
    ),
    "source": (
        Ask("url", "url", "Address (https://...)"),
        Ask("title", "title", "Title as published"),
        Ask("publisher", "publisher", "Outlet or institution"),
        Ask("published", "published", "Publication date (YYYY-MM-DD)", required=False),
        Ask("language", "language", "Language of the source (es, en, ...)"),
        Ask("kind", "kind", "Kind of document"),
        Ask("accessed", "accessed", "Date you read it (YYYY-MM-DD)", required=False),
    ),
    "legal": (
        Ask("title", "title", "Full title", text=True),
        Ask("kind", "kind", "Kind of legal record"),
        Ask("summary", "summary", "What it is and says, in plain language", text=True),
    ),
    "question": (
        Ask("question", "question", "The question as a reader would ask it", text=True),
        Ask("answer", "answer", "A brief answer", text=True),
    ),
}
"""Per kind, the values asked for, in the order they are asked."""


def choices(kind: str, field: str) -> list[str]:
    """The allowed values of a `Literal` field (`kind:` of actors, sources, legal records)."""
    annotation = KINDS[REF_KINDS[kind]].model_fields[field].annotation
    return list(get_args(annotation)) if get_origin(annotation) is Literal else []


def slugify(text: str, limit: int = 60) -> str:
    """ASCII, lowercase-hyphen id from any text: `Zoë Muñoz-Pérez` → `zoe-munoz-perez`."""
    text = re.sub(r"['\u2019]", "", text)  # "Ann's" → "anns", not "ann-s"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug


def make_id(kind: str, values: dict[str, str]) -> str:
    """Events: `<date>-<slug of title>`; sources: `<publisher>-<published>` (the content's convention); others: slug."""
    if kind == "event":
        return f"{values['date']}-{slugify(values['title'], 50)}"
    if kind == "source":
        if values.get("published"):
            return f"{slugify(values['publisher'], 30)}-{values['published']}"
        return slugify(values["title"])
    return slugify(values["name" if kind == "actor" else "title" if kind == "legal" else "question"])


def _scalar(value: Any) -> str:
    """A YAML scalar: JSON strings are valid double-quoted YAML and escape everything."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _placeholder(info: Any) -> str:
    if get_origin(info.annotation) is list:
        return " []"
    if isinstance(info.default, bool | int) and not info.is_required():
        return " " + _scalar(info.default)
    return ""


def render_record(kind: str, data: dict[str, Any], lang: str) -> str:
    """The file text: schema line, fields in model order, unfilled optional fields as comments."""
    model = KINDS[REF_KINDS[kind]]
    texts = {a.field for a in ASKS[kind] if a.text}
    lines = [
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        "# Lines like '# field: ...' are optional fields: delete the '# ' and fill in the value to use one.",
    ]
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data and key == "sources":
            lines += [f"{key}:", *(f"  - {sid}" for sid in data[key])]
        elif key in data and key in texts:
            lines += [f"{key}:", f"  {lang}: {_scalar(data[key])}"]
        elif key in data:
            lines.append(f"{key}: {_scalar(data[key])}")
        else:
            lines.append(f"# {key}:{_placeholder(info)}  # {info.description}")
    return "\n".join(lines) + "\n"


def _default_language(content: Path) -> str:
    doc, _ = load_file(content / "site.yml", "content/site.yml") if (content / "site.yml").exists() else (None, [])
    langs = doc.data.get("languages") if doc is not None and isinstance(doc.data, dict) else None
    return str(langs[0]) if isinstance(langs, list) and langs else "en"


def _source_problem(content: Path, sid: str) -> str | None:
    """Why `sid` cannot be cited, or None."""
    known = sorted(p.stem for p in (content / "sources").glob("*.yml"))
    if sid in known:
        return None
    close = difflib.get_close_matches(sid, known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else "; add it first with `explainer new source`"
    return f"source '{sid}' does not exist in content/sources/{hint}"


def _same_url(content: Path, url: str) -> str | None:
    """The id of an existing source with this address (ignoring a trailing slash and http/https), or None."""

    def norm(value: str) -> str:
        return re.sub(r"^https?://", "", value.strip()).rstrip("/")

    for path in sorted((content / "sources").glob("*.yml")):
        doc, _ = load_file(path, path.name)
        if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("url"), str):
            if norm(doc.data["url"]) == norm(url):
                return path.stem
    return None


def field_problem(kind: str, field: str, value: str) -> str | None:
    """What is wrong with one answer, in the validator's words (with the expected form), or None.

    Why one field at a time: an answer is checked when it is given, so an editor
    never types every other answer before learning that the first was wrong.
    """
    model = KINDS[REF_KINDS[kind]]
    try:
        model.model_validate({field: value})
    except ValidationError as exc:
        doc = RawDoc("", {field: value})
        found = [p.message for p in model_problems(exc, doc, model) if p.code != "missing-field"]
        return found[0] if found else None
    return None


def _answer(item: Ask, kind: str, given: str, ask: Asker) -> str:
    """A valid value for `item`: the option given, else asked (again, with the reason, until it is valid)."""
    allowed = choices(kind, item.field) if item.field == "kind" else []
    prompt = item.prompt + (f" [{', '.join(allowed)}]" if allowed else "") + ": "
    value, problem = given, None
    while True:
        if value:
            problem = field_problem(kind, item.field, value)
            if problem is None:
                return value
            if ask is None:
                raise ScaffoldUsageError(f"--{item.option}: {problem}")
        elif not item.required:
            return ""
        elif ask is None:
            raise ScaffoldUsageError(f"--{item.option} is required (or run in a terminal to be asked)")
        value = ask((f"{problem}; try again.\n" if problem else "") + prompt).strip()


def _answered(kind: str, values: dict[str, str], sources: list[str]) -> str:
    """The command that gives the same answers again (so none is lost when writing fails)."""
    options = [
        f"--{item.option} {json.dumps(values[item.field], ensure_ascii=False)}"
        for item in ASKS[kind]
        if item.field in values
    ]
    options += [f"--source {sid}" for sid in sources]
    return f"explainer new {kind} " + " ".join(options)


def _validate(kind: str, data: dict[str, Any]) -> None:
    """Check option values with the real model, so the file written is valid."""
    try:
        KINDS[REF_KINDS[kind]].model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = str(err["loc"][0]) if err["loc"] else kind
        raise ScaffoldUsageError(
            f"--{where}: {err['msg'].removeprefix('Value error, ')} (got {data.get(where)!r})"
        ) from None


def _sources(content: Path, sources: list[str], ask: Asker) -> list[str]:
    """The cited source ids, each existing: asked (again) in a terminal, else a refusal."""
    prompt = "Id of a source in content/sources/ (several: separate with spaces): "
    while True:
        if not sources and ask is not None:
            sources = ask(prompt).split()
        if not sources:
            raise ScaffoldUsageError("--source is required: cite at least one existing source id")
        problems = [found for sid in sources if (found := _source_problem(content, sid)) is not None]
        if not problems:
            return sources
        if ask is None:
            raise ScaffoldError(problems[0])
        sources = ask(f"{'; '.join(problems)}; try again.\n{prompt}").split()


def scaffold(
    project: Path,
    kind: str,
    options: dict[str, str | None],
    sources: list[str],
    rid: str | None = None,
    ask: Asker = None,
    today: str | None = None,
) -> Path:
    """Write `content/<folder>/<id>.yml` for a new record and return its path.

    `ask` prompts for a missing value (only when stdin is a terminal); without
    it a missing required option is a usage error.
    """
    content = project / "content"
    values: dict[str, str] = {}
    for item in ASKS[kind]:
        value = _answer(item, kind, (options.get(item.option) or "").strip(), ask)
        if value:
            values[item.field] = value
        if item.field == "url" and kind == "source":
            existing = _same_url(content, value)
            if existing is not None:
                raise ScaffoldError(
                    f"content/sources/{existing}.yml already has this address: cite it as '{existing}'"
                    " instead of adding the source again"
                )
    if kind != "source":
        sources = _sources(content, sources, ask)
    # `added` is the day the record enters the explainer: the editor's clock, once, at writing time.
    added = today or dt.date.today().isoformat()
    data: dict[str, Any] = {"added": added, **values, **({"sources": sources} if kind != "source" else {})}
    _validate(kind, data)
    rid = rid or make_id(kind, values)
    if not re.match(ID_PATTERN, rid):
        raise ScaffoldUsageError(
            f"cannot make an id from {rid!r}: give one with --id (lowercase letters, digits, hyphens)"
        )
    path = content / REF_KINDS[kind] / f"{rid}.yml"
    if path.exists():
        again = f"\nyour answers, to run again with --id: {_answered(kind, values, sources)}" if ask else ""
        raise ScaffoldError(
            f"content/{REF_KINDS[kind]}/{rid}.yml already exists; edit it, or choose another id with --id{again}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(render_record(kind, data, _default_language(content)))
    return path


__all__ = ["ASKS", "ScaffoldError", "ScaffoldUsageError", "choices", "make_id", "render_record", "scaffold", "slugify"]
