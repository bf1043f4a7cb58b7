"""Read one YAML text into a plain Python tree plus a map of where each value was written.

Why: editors need `path:line:column` for every problem, and content is
untrusted. We therefore build values ourselves from PyYAML's event stream
(C parser where available) instead of calling `yaml.load`: that one pass
keeps positions, keeps dates as strings (`2025-11` keeps its precision),
rejects duplicate keys, tags, anchors and merge keys, and bounds nesting
without recursion, so no input can hang, explode or crash the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import yaml

from ..problems import Problem, error
from .syntax import has_markup
from .yaml_errors import explain

Key: TypeAlias = tuple[str | int, ...]
Pos: TypeAlias = tuple[int, int]

MAX_DEPTH = 24
"""Deepest nesting accepted; the deepest model needs about eight levels."""

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
        explained = explain(exc, text)
        if explained is not None:
            problems.append(error(path, explained.line, explained.col, "yaml-syntax", explained.message))
            return None, problems
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
