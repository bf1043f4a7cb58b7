"""Read content files into plain Python trees plus a map of where each value was written.

Why: editors need `path:line:column` for every problem, and content is
untrusted. We therefore build values ourselves from PyYAML's event stream
(C parser where available) instead of calling `yaml.load`: that one pass
keeps positions, keeps dates as strings (`2025-11` keeps its precision),
rejects duplicate keys, tags, anchors and merge keys, and bounds nesting
without recursion, so no input can hang, explode or crash the loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from .. import workers
from ..problems import Problem, error

Key: TypeAlias = tuple[str | int, ...]
Pos: TypeAlias = tuple[int, int]

MAX_FILE_BYTES = 512 * 1024
"""Largest content file accepted; a record is a few kilobytes."""
MAX_DEPTH = 24
"""Deepest nesting accepted; the deepest model needs about eight levels."""
MAX_FILES = 100_000
"""Most content files accepted in one tree."""

try:
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass
class RawDoc:
    """One parsed file: its data and where each value and key was written (1-based)."""

    path: str
    data: Any
    positions: dict[Key, Pos] = field(default_factory=dict)
    key_positions: dict[Key, Pos] = field(default_factory=dict)

    marked: list[tuple[Key, str]] | None = None
    """Strings that may hold a cross-reference, a link or HTML, in document order (noted while parsing)."""

    def marked_strings(self) -> list[tuple[Key, str]]:
        """The strings the link and HTML checks and the back-links must read; the rest cannot match.

        Why noted while parsing: walking every string of every record again took half a second
        at 10,000 events, and the parser already holds each string once (in a worker, for big trees).
        """
        if self.marked is None:
            self.marked = [(key, text) for key, text in iter_strings(self.data) if has_markup(text)]
        return self.marked

    def pos(self, key: Key) -> Pos:
        """Position of the value at `key`, or of its nearest parent that has one."""
        while key not in self.positions and key:
            key = key[:-1]
        return self.positions.get(key, (1, 1))

    def key_pos(self, key: Key) -> Pos:
        """Position of the mapping key naming `key` (falls back to the value)."""
        return self.key_positions.get(key) or self.pos(key)


def has_markup(text: str) -> bool:
    """Whether a string could hold a cross-reference (`[[`), a link (`](`) or HTML (`<`)."""
    return "[" in text or "]" in text or "<" in text


def iter_strings(data: Any, path: Key = ()) -> Iterator[tuple[Key, str]]:
    """Every string in a raw tree (for link and HTML checks, whatever the field)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from iter_strings(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from iter_strings(v, (*path, i))


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Resolve a scalar the YAML 1.2 core way, but leave dates as strings.

    Why: YAML 1.1 turns `no` into False and `2025-11-06` into a date object;
    content means the words and the written precision.
    """
    value: str = event.value
    if event.tag not in _PLAIN_TAGS:
        return value
    # implicit[0] is True only for plain (unquoted) scalars, in both the C and Python parsers.
    if event.tag == "tag:yaml.org,2002:str" or not event.implicit[0]:
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a leading byte-order mark is dropped); point at the first bad byte otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        msg = f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        return None, [error(path, line, column, "encoding", msg)]


def _mark(event: yaml.Event) -> Pos:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Refused(Exception):
    """Stops reading a file at the first construct content may not use (one clear problem, no cascade)."""

    def __init__(self, code: str, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.col = code, message, line, col


def parse_text(text: str, path: str) -> tuple[RawDoc | None, list[Problem]]:
    """Build one document's tree from the YAML event stream, with positions."""
    if "\x00" in text:
        return None, [error(path, 1, 1, "encoding", "file contains a NUL byte; it is not a text file")]
    marked: list[tuple[Key, str]] = []
    doc = RawDoc(path, None, marked=marked)
    problems: list[Problem] = []
    # Each stack frame: [container, key path, pending mapping key or None, key position]
    stack: list[list[Any]] = []
    documents = 0
    loader = _Parser(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    line, col = _mark(event)
                    raise _Refused(
                        "multiple-documents", "a content file holds one document; remove the extra '---'", line, col
                    )
                continue
            if isinstance(event, yaml.AliasEvent):
                line, col = _mark(event)
                raise _Refused(
                    "yaml-alias",
                    f"aliases (*{event.anchor}) are not allowed in content; write the value out",
                    line,
                    col,
                )
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                line, col = _mark(event)
                if event.anchor is not None:
                    raise _Refused(
                        "yaml-anchor",
                        f"anchors (&{event.anchor}) are not allowed in content; write the value out",
                        line,
                        col,
                    )
                if event.tag not in _PLAIN_TAGS:
                    raise _Refused("yaml-tag", f"YAML tag '{event.tag}' is not allowed in content", line, col)
                # Is this event a mapping key?
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                    frame = stack[-1]
                    if not isinstance(event, yaml.ScalarEvent):
                        raise _Refused("yaml-key", "mapping keys must be plain words", line, col)
                    key = _scalar(event)
                    if key == "<<" and event.implicit[0]:
                        raise _Refused(
                            "yaml-merge",
                            "merge keys ('<<') are not allowed in content; write the fields out",
                            line,
                            col,
                        )
                    if not isinstance(key, str):
                        key = str(event.value)
                    if key in frame[0]:
                        first = doc.key_positions.get((*frame[1], key), (0, 0))
                        raise _Refused(
                            "duplicate-key", f"duplicate key '{key}' (first written at line {first[0]})", line, col
                        )
                    frame[2] = key
                    doc.key_positions[(*frame[1], key)] = (line, col)
                    continue
                keypath: Key = ()
                if stack:
                    frame = stack[-1]
                    keypath = (*frame[1], frame[2]) if isinstance(frame[0], dict) else (*frame[1], len(frame[0]))
                doc.positions[keypath] = (line, col)
                if isinstance(event, yaml.ScalarEvent):
                    value: Any = _scalar(event)
                    if isinstance(value, str) and has_markup(value):
                        marked.append((keypath, value))
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise _Refused("too-deep", f"nesting deeper than {MAX_DEPTH} levels", line, col)
                    value = {} if isinstance(event, yaml.MappingStartEvent) else []
                _attach(stack, doc, value)
                if not isinstance(event, yaml.ScalarEvent):
                    stack.append([value, keypath, None])
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except _Refused as refused:
        problems.append(error(path, refused.line, refused.col, refused.code, refused.message))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        lines = text.split("\n")
        if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            what += " (a tab: indent with spaces)"
        problems.append(error(path, line, col, "yaml-syntax", f"YAML syntax error: {what}"))
    except yaml.YAMLError as exc:
        problems.append(error(path, 1, 1, "yaml-syntax", f"YAML error: {exc}"))
    finally:
        loader.dispose()
    if problems:
        return None, problems
    return doc, []


def _attach(stack: list[list[Any]], doc: RawDoc, value: Any) -> None:
    """Put a finished value into its parent container (or make it the document)."""
    if not stack:
        doc.data = value
        return
    frame = stack[-1]
    if isinstance(frame[0], dict):
        frame[0][frame[2]] = value
        frame[2] = None
    else:
        frame[0].append(value)


_CACHE: dict[str, tuple[tuple[int, int, int], tuple[RawDoc | None, list[Problem]]]] = {}
"""Parsed files by path and (inode, size, mtime): the live preview re-reads only what was saved."""


def load_file(path: Path, display: str) -> tuple[RawDoc | None, list[Problem]]:
    """Read one content file safely: size limit, encoding, then YAML (cached while the file is unchanged)."""
    try:
        stat = path.lstat()
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = (0, 0, 0)
    key = f"{path}|{display}"
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp and stamp != (0, 0, 0):
        return cached[1]
    result = _load_file(path, display)
    _CACHE[key] = (stamp, result)
    return result


def _load_file(path: Path, display: str) -> tuple[RawDoc | None, list[Problem]]:
    try:
        if path.is_symlink():
            return None, [
                error(display, 1, 1, "symlink", "symbolic links are not allowed in content/; copy the file instead")
            ]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                error(display, 1, 1, "file-too-large", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(display, 1, 1, "unreadable", f"cannot read file: {exc.strerror}")]
    text, problems = _decode(raw, display)
    if text is None:
        return None, problems
    return parse_text(text, display)


def split_front_matter(text: str, path: str) -> tuple[RawDoc | None, str, list[Problem]]:
    """Split a prose page into its YAML front matter and Markdown body."""
    match = re.match(r"^---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.DOTALL)
    if not match:
        return None, text, [error(path, 1, 1, "front-matter", "a page starts with '---', a 'title:' line and '---'")]
    doc, problems = parse_text(match.group(1), path)
    if doc is not None:
        # Front matter starts on line 2 of the file.
        doc.positions = {k: (line + 1, col) for k, (line, col) in doc.positions.items()}
        doc.key_positions = {k: (line + 1, col) for k, (line, col) in doc.key_positions.items()}
    else:
        problems = [error(p.path, p.line + 1, p.column, p.code, p.message) for p in problems]
    body_line = match.group(0).count("\n")
    return doc, "\n" * body_line + text[match.end() :], problems


@dataclass
class RawPage:
    """A prose page file: `pages/<id>.md` (default language) or `pages/<id>.<lang>.md`."""

    id: str
    lang: str | None
    meta: RawDoc
    body: str


@dataclass
class RawTree:
    """Every content file read, before validation."""

    root: Path
    site: RawDoc | None = None
    docs: dict[str, list[RawDoc]] = field(default_factory=dict)
    pages: list[RawPage] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)
    """Ids of every .yml file found per folder, even those that failed to parse (for reference checks)."""


FOLDERS = ("sources", "actors", "events", "legal", "questions")


def rel(path: Path, root: Path) -> str:
    """Display path: relative to the project when possible (what editors see in their tree)."""
    base = root.parent
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_tree(root: Path, parallel: bool = False) -> tuple[RawTree, list[Problem]]:
    """Read `content/`: site.yml, one folder per kind, prose pages. Files are read in sorted order.

    With `parallel`, many files are parsed by forked workers: only for callers that run no other
    threads (the command line, not the live preview inside `mkdocs serve`).
    """
    tree = RawTree(root)
    problems: list[Problem] = []
    if not root.is_dir():
        return tree, [error(root.as_posix(), 1, 1, "no-content", "content folder not found")]
    site = root / "site.yml"
    if site.exists():
        tree.site, found = load_file(site, rel(site, root))
        problems += found
    else:
        problems.append(error(rel(site, root), 1, 1, "missing-file", "content/site.yml is required"))
    count = 0
    wanted: list[tuple[str, Path, str]] = []
    for entry in sorted(root.iterdir()):
        name = entry.name
        shown = rel(entry, root)
        if name.startswith(".") or name in ("site.yml", "redirects.yml"):
            continue
        if entry.is_symlink():
            problems.append(error(shown, 1, 1, "symlink", "symbolic links are not allowed in content/"))
        elif entry.is_dir() and name in FOLDERS:
            for path in sorted(entry.iterdir()):
                count += 1
                if count > MAX_FILES:
                    problems.append(
                        error(rel(path, root), 1, 1, "too-many-files", f"more than {MAX_FILES} content files")
                    )
                    return tree, problems
                shown_file = rel(path, root)
                if path.name.startswith("."):
                    continue
                if path.suffix != ".yml" or path.is_dir():
                    hint = " (rename it to .yml)" if path.suffix == ".yaml" else ""
                    problems.append(
                        error(shown_file, 1, 1, "unexpected-file", f"only .yml files belong in content/{name}/{hint}")
                    )
                    continue
                tree.names.setdefault(name, set()).add(path.stem)
                wanted.append((name, path, shown_file))
            tree.docs[name] = []
        elif entry.is_dir() and name == "pages":
            for path in sorted(entry.iterdir()):
                shown_file = rel(path, root)
                if path.name.startswith("."):
                    continue
                if path.suffix != ".md" or path.is_symlink() or path.is_dir():
                    problems.append(
                        error(shown_file, 1, 1, "unexpected-file", "only .md files belong in content/pages/ (no links)")
                    )
                    continue
                stem = path.stem
                pid, _, lang = stem.partition(".")
                raw = path.read_bytes()
                if len(raw) > MAX_FILE_BYTES:
                    problems.append(
                        error(
                            shown_file,
                            1,
                            1,
                            "file-too-large",
                            f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}",
                        )
                    )
                    continue
                text, found = _decode(raw, shown_file)
                problems += found
                if text is None:
                    continue
                meta, body, found = split_front_matter(text, shown_file)
                problems += found
                if meta is not None:
                    tree.pages.append(RawPage(pid, lang or None, meta, body))
        else:
            problems.append(
                error(
                    shown,
                    1,
                    1,
                    "unexpected-file",
                    f"content/ holds site.yml and the folders {', '.join(FOLDERS)}, pages",
                )
            )
    loaded = load_files([(path, shown) for _, path, shown in wanted], parallel)
    for (name, _, _), (doc, found) in zip(wanted, loaded, strict=True):
        problems += found
        if doc is not None:
            tree.docs[name].append(doc)
    for name in FOLDERS:
        tree.docs.setdefault(name, [])
    return tree, problems


def load_files(files: list[tuple[Path, str]], parallel: bool = False) -> list[tuple[RawDoc | None, list[Problem]]]:
    """`load_file` for each (path, display path), in order; with `parallel`, many are shared with forked workers.

    Why: parsing is most of loading (2 s for the 14,000 files of 10,000 events) and
    each file stands alone. This process parses the first share while the workers
    parse the others and send them back pickled.
    """
    count = min(workers.jobs(len(files), workers.cpus()), len(files)) if parallel else 1
    if count <= 1:
        return _load_share(files)
    size = -(-len(files) // count)
    shares = [files[start : start + size] for start in range(0, len(files), size)]
    with workers.pool(len(shares) - 1) as pool:
        others = pool.map_async(_load_share, shares[1:], chunksize=1)
        results = _load_share(shares[0])
        for share in others.get():
            results += share
    return results


def _load_share(files: list[tuple[Path, str]]) -> list[tuple[RawDoc | None, list[Problem]]]:
    return [load_file(path, shown) for path, shown in files]
