"""`explainer rename KIND OLD NEW`: change a record's id everywhere, keeping its old address alive.

Why: an id is a file name, a page address and the word every other record
uses to point at it. Renaming by hand misses references and breaks links
that readers saved. This moves the file, rewrites each reference in place
(the YAML text is edited at the positions the loader reports, so comments,
quoting and layout survive, and a tag that happens to equal the id is left
alone), and records a redirect from the old page to the new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.model import ID_PATTERN, REF_KINDS
from ..content.yaml_reader import Key, parse_text
from ..problems import RefusedError, UsageError
from ..structure.redirects import REDIRECTS, load_redirects
from ..structure.routes import record_page

REF_FIELDS: dict[str, frozenset[str]] = {
    "actor": frozenset({"actors", "organization", "actor", "state"}),
    "event": frozenset({"events"}),
    "legal": frozenset({"legal"}),
    "source": frozenset({"sources", "source"}),
    "question": frozenset(),
}
"""Per kind, the YAML keys whose value (or list items) name a record of that kind."""


class RenameUsageError(UsageError):
    """The new id is malformed: exit status 2."""


class RenameError(RefusedError):
    """The rename cannot be done (unknown id, new id taken, unreadable file): exit status 1."""


@dataclass
class RenameResult:
    """What a rename changed, for the closing message and for tests."""

    moved_from: Path
    moved_to: Path
    references: int = 0
    files: list[Path] = field(default_factory=list)
    redirect: tuple[str, str] | None = None


def ref_paths(data: Any, keys: frozenset[str], old: str, path: Key = ()) -> Iterator[Key]:
    """Key paths of every value equal to `old` under one of `keys` (directly or as a list item)."""
    if isinstance(data, dict):
        for key, value in data.items():
            here = (*path, key)
            if key in keys:
                if value == old:
                    yield here
                elif isinstance(value, list):
                    yield from ((*here, i) for i, item in enumerate(value) if item == old)
            yield from ref_paths(value, keys, old, here)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from ref_paths(item, keys, old, (*path, i))


def _offsets(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", text)]
    return starts


def rewrite_yaml(text: str, shown: str, kind: str, old: str, new: str) -> tuple[str, int]:
    """Rewrite the references to `old` in one YAML text; returns the text and how many were changed."""
    doc, problems = parse_text(text, shown)
    if doc is None:
        raise RenameError(f"{problems[0].text()} (fix it before renaming)")
    starts = _offsets(text)
    spots: list[int] = []
    for path in ref_paths(doc.data, REF_FIELDS[kind], old):
        line, col = doc.positions[path]
        at = starts[line - 1] + col - 1
        match = re.compile(r"([\"']?)" + re.escape(old) + r"\1").match(text, at)
        if not match:
            raise RenameError(f"{shown}:{line}:{col}: cannot find '{old}' where the loader put it")
        spots.append(at + len(match.group(1)))
    for at in sorted(spots, reverse=True):
        text = text[:at] + new + text[at + len(old) :]
    text, inline = rewrite_inline(text, kind, old, new)
    return text, len(spots) + inline


def rewrite_inline(text: str, kind: str, old: str, new: str) -> tuple[str, int]:
    """Rewrite `[[kind:old]]` and `[[kind:old|label]]` links; a longer id sharing the prefix is untouched."""
    pattern = re.compile(r"(\[\[\s*" + re.escape(kind) + ":)" + re.escape(old) + r"(?=\s*(?:\|[^\[\]]*)?\]\])")
    return pattern.subn(lambda m: m.group(1) + new, text)


def page_of(kind: str, rid: str) -> str | None:
    """Docs-relative page path of a record, or None for records without a page (questions)."""
    return record_page(REF_KINDS[kind], rid)


def _redirects_text(redirects: dict[str, str]) -> str:
    lines = [
        "# Old page address: new page address. Kept so that links to renamed records keep working.",
        "# Written by `explainer rename`; remove an entry only if nobody can have linked to the old address.",
    ]
    lines += [f"{old}: {new}" for old, new in sorted(redirects.items())]
    return "\n".join(lines) + "\n"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def rename(project: Path, kind: str, old: str, new: str) -> RenameResult:
    """Rename record `old` of `kind` to `new` in `project/content`, all or nothing."""
    if kind not in REF_KINDS:
        raise RenameUsageError(f"unknown kind '{kind}'; expected one of {', '.join(REF_KINDS)}")
    if not re.match(ID_PATTERN, new) or len(new) > 120:
        raise RenameUsageError(
            f"'{new}' is not a valid id: use lowercase letters, digits and hyphens (like 'jane-doe')"
        )
    content = project / "content"
    folder = REF_KINDS[kind]
    source, target = content / folder / f"{old}.yml", content / folder / f"{new}.yml"
    if not source.is_file():
        raise RenameError(f"content/{folder}/{old}.yml does not exist")
    if target.exists():
        raise RenameError(f"content/{folder}/{new}.yml already exists")
    result = RenameResult(source, target)
    writes: dict[Path, str] = {}
    files = [content / "site.yml", *sorted(content.glob("*/*.yml"))]
    for path in files:
        if not path.is_file() or path.parent.name not in (*REF_KINDS.values(), content.name):
            continue
        text = _read(path)
        rewritten, count = rewrite_yaml(text, path.relative_to(project).as_posix(), kind, old, new)
        if count or path == source:
            writes[target if path == source else path] = rewritten
            result.references += count
    for path in sorted((content / "pages").glob("*.md")):
        rewritten, count = rewrite_inline(_read(path), kind, old, new)
        if count:
            writes[path] = rewritten
            result.references += count
    old_page, new_page = page_of(kind, old), page_of(kind, new)
    if old_page and new_page:
        redirects, problems = load_redirects(content)
        if problems:
            raise RenameError(f"{problems[0].text()} (fix it before renaming)")
        redirects = {k: (new_page if v == old_page else v) for k, v in redirects.items() if k != new_page}
        redirects[old_page] = new_page
        writes[content / REDIRECTS] = _redirects_text(redirects)
        result.redirect = (old_page, new_page)
    with target.open("x", encoding="utf-8", newline="") as handle:
        handle.write(writes.pop(target))
    for path, text in writes.items():
        path.write_text(text, encoding="utf-8", newline="")
    source.unlink()
    result.files = sorted({target, *writes})
    return result


__all__ = [
    "REF_FIELDS",
    "RenameError",
    "RenameResult",
    "RenameUsageError",
    "page_of",
    "ref_paths",
    "rename",
    "rewrite_inline",
    "rewrite_yaml",
]
