"""`explainer init [DIR]`: start a new explainer project that validates and builds straight away.

Why: a newsroom should not have to clone the flagship story and delete its
content to begin its own. The starter files live in `starter/` as package
data: content records whose texts carry every starter language (English and
Spanish), kept here only in the project's languages (a language the starter
has no text for gets the English one); `*.tmpl` files filled with the
project's settings; `dot-` names written with a leading dot (package data
skips hidden files). Every file is computed and every check made before the
first byte is written, so a refusal leaves the disk untouched.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import shutil
import string
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from ..content.model import Site
from ..problems import UsageError
from ..render.i18n import SUPPORTED, language_name
from .schema import SCHEMA_DIR, schema_texts

DEFAULT_LANGUAGES = ("en", "es")
DEFAULT_SITE_URL = "https://example.github.io/my-explainer/"
STARTER_LANGUAGES = ("en", "es")
"""Languages the starter's texts are written in; English is the fallback for any other."""
KEPT_ENTRIES = {".git"}
"""What may already be in a folder counted as empty: `git init` or cloning an empty repository."""


YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}
"""Words YAML reads as booleans or null: always quoted."""


class InitUsageError(UsageError):
    """A bad argument (unknown language, bad URL, non-empty folder): exit status 2, nothing written."""


@dataclass(frozen=True)
class InitResult:
    """What `init` did: files written and, with `force`, files that existed and were kept."""

    root: Path
    written: list[str]
    kept: list[str]


def _starter() -> Traversable:
    return resources.files("generator.editing") / "starter"


def _walk(node: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every starter file with its path under `starter/`, sorted so output order never varies."""
    found: list[tuple[str, Traversable]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        path = f"{prefix}{child.name}"
        if child.is_dir():
            found += _walk(child, path + "/")
        elif child.name != "__init__.py" and not child.name.endswith(".pyc"):
            found.append((path, child))
    return found


def check_languages(languages: Sequence[str]) -> list[str]:
    """The languages, if each has interface strings and none repeats; else a usage error."""
    langs = [lang.strip() for lang in languages if lang.strip()]
    if not langs:
        raise InitUsageError("give at least one language")
    for lang in langs:
        if lang not in SUPPORTED:
            raise InitUsageError(f"unknown language '{lang}': supported are {', '.join(sorted(SUPPORTED))}")
    if len(set(langs)) != len(langs):
        raise InitUsageError(f"a language is listed twice: {', '.join(langs)}")
    return langs


def normalise_url(site_url: str) -> str:
    """An absolute http(s) address ending in `/` (added when missing), without query or fragment."""
    url = site_url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc or re.search(r"[\s<>\"']", url):
        raise InitUsageError(f"site URL {site_url!r} is not an absolute http:// or https:// address")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise InitUsageError(f"site URL {site_url!r} has a query or fragment; give the address of the site's root")
    return url if url.endswith("/") else url + "/"


def _scalar(value: Any) -> str:
    """A YAML scalar; JSON strings are valid double-quoted YAML. Plain ids stay unquoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", text) and text not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _dump(data: dict[str, Any], indent: int = 0) -> list[str]:
    """Block-style YAML in the starter's field order; short mappings and lists of ids on one line."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        flat = isinstance(value, dict | list) and not any(isinstance(v, dict | list) for v in _values(value))
        if flat and isinstance(value, list):
            lines.append(f"{pad}{key}: [{', '.join(_scalar(v) for v in value)}]")
        elif flat and isinstance(value, dict) and len(line := _flow(pad, key, value)) <= 100:
            lines.append(line)
        elif isinstance(value, dict):
            lines += [f"{pad}{key}:", *_dump(value, indent + 2)]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                sub = _dump(item, indent + 4) if isinstance(item, dict) else [f"{pad}    {_scalar(item)}"]
                lines += [f"{pad}  - {sub[0].lstrip()}", *sub[1:]]
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def _flow(pad: str, key: str, value: dict[str, Any]) -> str:
    return f"{pad}{key}: {{{', '.join(f'{k}: {_scalar(v)}' for k, v in value.items())}}}"


def _values(value: dict[str, Any] | list[Any]) -> list[Any]:
    return list(value.values()) if isinstance(value, dict) else value


class _Localizer:
    """Keeps the project's languages in every text, and in quote translations all but the source's."""

    def __init__(self, langs: list[str], source_langs: dict[str, str]) -> None:
        self.langs = langs
        self.source_langs = source_langs

    def text(self, value: dict[str, str], skip: str = "", fallback: str = "") -> dict[str, str]:
        fallback = value.get("en", fallback)
        return {lang: value.get(lang, fallback) for lang in self.langs if lang != skip}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self(v) for v in value]
        if not isinstance(value, dict):
            return value
        if value and set(value) <= set(STARTER_LANGUAGES):
            return self.text(value)
        out = {key: self(v) for key, v in value.items() if key != "translation"}
        if "translation" not in value:
            return out
        skip = self.source_langs[value["source"]]
        translation = self.text(value["translation"], skip=skip, fallback=value["quote"])
        # In the starter's order (translation before locator), and left out when nothing is left.
        return {key: translation if key == "translation" else out[key] for key in value if key in out or translation}


def _record(text: str, localize: _Localizer, **fields: Any) -> str:
    """A starter YAML file in the project's languages: its leading comments, then its fields."""
    header = list(itertools.takewhile(lambda line: line.startswith("#"), text.splitlines()))
    data = localize(yaml.safe_load(text))
    data.update((key, value) for key, value in fields.items() if value is not None)
    return "\n".join(header + _dump(data)) + "\n"


def starter_files(title: str | None, langs: list[str], site_url: str) -> dict[str, bytes]:
    """Every file of the new project, by path relative to it (the schemas included)."""
    files = dict(_walk(_starter()))
    sources = {p: yaml.safe_load(f.read_text("utf-8")) for p, f in files.items() if p.startswith("content/sources/")}
    localize = _Localizer(langs, {Path(p).stem: d["language"] for p, d in sources.items()})
    site_text = files["content/site.yml"].read_text("utf-8")
    titles = {lang: title for lang in langs} if title else None
    site = _record(site_text, localize, title=titles, languages=langs, site_url=site_url)
    site_data = yaml.safe_load(site)
    _check_site(site_data)
    name = site_data["title"][langs[0]]
    out: dict[str, str] = {"content/site.yml": site}
    for path, node in files.items():
        text = node.read_text("utf-8")
        if path.startswith("content/pages/"):
            page, lang, _ = Path(path).name.split(".")
            if lang == "en":
                for target in langs:
                    source = files.get(f"content/pages/{page}.{target}.md", node)
                    suffix = "" if target == langs[0] else f".{target}"
                    out[f"content/pages/{page}{suffix}.md"] = source.read_text("utf-8")
        elif path.startswith("content/") and path != "content/site.yml":
            out[path] = _record(text, localize)
        elif path.endswith(".tmpl"):
            values = _template_values(name, langs, site_url)
            out[path.removesuffix(".tmpl")] = string.Template(text).substitute(values)
        elif not path.startswith("content/"):
            out[re.sub(r"(^|/)dot-", r"\1.", path)] = text
    out.update({f"{SCHEMA_DIR}/{schema}": text for schema, text in schema_texts().items()})
    return {path: text.encode("utf-8") for path, text in sorted(out.items())}


def _check_site(data: dict[str, Any]) -> None:
    """The site settings checked by the real model, so a bad title or address never reaches the disk."""
    try:
        Site.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in err["loc"])
        raise InitUsageError(f"{where}: {err['msg'].removeprefix('Value error, ')}") from None


def _template_values(name: str, langs: list[str], site_url: str) -> dict[str, str]:
    alternate = [
        {"name": language_name(lang), "link": "./" if i == 0 else f"{lang}/", "lang": lang}
        | {"base": site_url if i == 0 else f"{site_url}{lang}/"}
        for i, lang in enumerate(langs)
    ]
    try:
        # `~=X.Y.0`: bug-fix releases of this version, never a release whose content model may change.
        version = metadata.version("explainer")
        requirement = f"explainer~={'.'.join(version.split('.')[:2])}.0"
    except metadata.PackageNotFoundError:
        requirement = "explainer"
    return {
        "title": name,
        # Escaped as in the generated configs: Material prints the site name into HTML unescaped.
        "site_name": json.dumps(html.escape(name, quote=True), ensure_ascii=False),
        "site_url": json.dumps(site_url),
        "lang": langs[0],
        "languages": ", ".join(language_name(lang) for lang in langs),
        "alternate": "\n".join(f"    - {json.dumps(alt, ensure_ascii=False)}" for alt in alternate),
        "requirement": requirement,
    }


def _plan(root: Path, files: dict[str, bytes], force: bool) -> tuple[list[str], list[str]]:
    """(files to write, existing files kept); refuses a non-empty folder without `force`."""
    if root.exists() and not root.is_dir():
        raise InitUsageError(f"{root} exists and is not a folder")
    entries = sorted(p.name for p in root.iterdir()) if root.is_dir() else []
    present = [name for name in entries if name not in KEPT_ENTRIES]
    if present and not force:
        raise InitUsageError(f"{root} is not empty (it holds {present[0]}); use --force to add only the missing files")
    write: list[str] = []
    kept: list[str] = []
    for rel in files:
        path = root / rel
        for parent in reversed(path.relative_to(root).parents[:-1]):
            if (root / parent).exists() and not (root / parent).is_dir():
                raise InitUsageError(f"{root / parent} is a file where init needs a folder")
        if path.is_dir():
            raise InitUsageError(f"{path} is a folder where init needs a file")
        (kept if path.exists() else write).append(rel)
    return write, kept


def _write(folder: Path, files: dict[str, bytes], names: list[str]) -> None:
    for rel in names:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as handle:
            handle.write(files[rel])


def init(
    target: Path,
    title: str | None = None,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    site_url: str = DEFAULT_SITE_URL,
    force: bool = False,
) -> InitResult:
    """Create a new project in `target`; same arguments, byte-identical files.

    A new or empty folder is filled in a temporary sibling that is renamed into
    place, so it is never left half-made. With `force`, the files missing from
    a non-empty folder are added and existing ones are never touched.
    """
    if title is not None and (not title.strip() or "\n" in title.strip()):
        raise InitUsageError("the title must be one line of text")
    files = starter_files(title.strip() if title else None, check_languages(languages), normalise_url(site_url))
    root = target.absolute()
    write, kept = _plan(root, files, force)
    if root.exists() and any(root.iterdir()):
        _write(root, files, write)
    else:
        root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}-init-", dir=root.parent))
        try:
            _write(staging, files, write)
            if root.exists():
                root.rmdir()
            os.replace(staging, root)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return InitResult(root, write, kept)


__all__ = [
    "DEFAULT_LANGUAGES",
    "DEFAULT_SITE_URL",
    "InitResult",
    "InitUsageError",
    "check_languages",
    "init",
    "normalise_url",
    "starter_files",
]
