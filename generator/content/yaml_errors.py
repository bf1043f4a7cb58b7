"""YAML syntax errors in an editor's words: what went wrong, where it started, and how to fix it.

Why: PyYAML reports where its parser gave up, in its own terms ("mapping
values are not allowed in this context", "did not find expected key"),
often a line after the mistake. The usual mistakes in content are few: a
colon in unquoted text (common in Spanish copy: `El Senado afirmó: …`),
quotes inside quotes, a bracket or quote left open, and indentation that
does not line up. Each is recognised from the parser's marks and the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^(\s*(?:-\s+)?)([\w-]+):(?:\s|$)")
_OPENERS = {"flow sequence": ("[", "]", "list"), "flow mapping": ("{", "}", "mapping")}


@dataclass(frozen=True)
class Explained:
    """Where to point the editor (1-based) and what to tell them."""

    line: int
    col: int
    message: str


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _spaces(n: int) -> str:
    return f"{n} space" + ("" if n == 1 else "s")


def _value_start(text: str) -> int:
    """0-based column where a line's value starts (after `key: ` or `- `), else its first character."""
    match = _KEY.match(text)
    if match:
        rest = text[match.end() :]
        return match.end() + len(rest) - len(rest.lstrip(" "))
    return _indent(text)


def _above(lines: list[str], row: int) -> int | None:
    """0-based row of the nearest line above `row` that holds content (not blank, not a comment)."""
    for above in range(row - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _opened_above(lines: list[str], row: int, quote: str) -> Explained | None:
    """The quote closing at the start of line `row` was opened on a line above and never closed there."""
    for above in range(row - 1, -1, -1):
        if lines[above].count(quote) % 2:
            col = lines[above].find(quote)
            return Explained(
                above + 1,
                col + 1,
                f"this {quote} opens a text that is not closed on its line, so YAML read on to line {row + 1}:"
                f" end the text with {quote}",
            )
    return None


def _quote_inside(lines: list[str], row: int, col: int) -> Explained | None:
    """Text goes on after a closing quote: a quote or apostrophe inside a quoted text ended it early."""
    text = lines[row]
    if col < 1 or col > len(text) or text[col - 1] not in "\"'":
        return None
    if text.find(text[col - 1]) == col - 1:
        return _opened_above(lines, row, text[col - 1])
    start = _value_start(text)
    for brace in ("{", "["):
        if text[start:].startswith(brace):
            start = text.rfind(" ", 0, col - 1) + 1
    quote = text[start] if start < len(text) and text[start] in "\"'" else text[col - 1]
    if quote == "'":
        fix = 'an apostrophe inside a text in single quotes ends it: put the text in double quotes (for example "the council\'s decision")'
        fix += ", or write the apostrophe twice ('the council''s decision')"
    else:
        fix = "a double quote inside a text in double quotes ends it: quote inside with «…» or single quotes"
        fix += ' (for example "He said «no»"), or put the whole text in single quotes'
    return Explained(row + 1, start + 1, fix)


def _colon(text: str, row: int, col: int) -> Explained:
    """A plain (unquoted) text holding ': ', which YAML reads as a new key."""
    start = _value_start(text)
    value = text[start:].rstrip()
    key = _KEY.match(text)
    example = ""
    if key and '"' not in value and not value.startswith(("{", "[")):
        example = f' ({key.group(2)}: "{value}")'
    message = f"the text holds ': ' (column {col + 1}), which YAML reads as a new field: put the text in double quotes"
    return Explained(row + 1, start + 1, message + example)


def _continued(lines: list[str], row: int, col: int) -> Explained | None:
    """`key:` indented deeper than the line above reads as more of that line's text."""
    text = lines[row]
    above = _above(lines, row)
    match = _KEY.match(text)
    if above is None or match is None or match.end(2) != col:
        return None
    want = _field_column(lines[above])
    if len(match.group(1)) <= want:
        return None
    message = (
        f"line {row + 1} is indented {_spaces(_indent(text))}, more than the field on line {above + 1}"
        f" ({_spaces(want)}), so YAML reads '{match.group(2)}:' as more of that line's text:"
        f" indent it with {_spaces(want)} like its neighbour, or quote the text if the colon belongs to it"
    )
    return Explained(row + 1, _indent(text) + 1, message)


def _field_column(text: str) -> int:
    """0-based column where a line's field name starts (after the `- ` of a list item)."""
    match = _KEY.match(text)
    return len(match.group(1)) if match else _indent(text)


def _misaligned(lines: list[str], row: int) -> Explained:
    text = lines[row]
    above = _above(lines, row)
    shown = (
        "" if above is None else f" (the field on line {above + 1} is indented {_spaces(_field_column(lines[above]))})"
    )
    message = (
        f"line {row + 1} is indented {_spaces(_indent(text))}, which lines up with no field above it{shown}:"
        " indent fields of the same record or list item alike, with spaces"
    )
    return Explained(row + 1, _indent(text) + 1, message)


def _unclosed(text: str, end: int) -> tuple[int, int, str] | None:
    """(row, column, bracket) of the last `[` or `{` still open at offset `end` (quotes and comments skipped)."""
    stack: list[tuple[int, str]] = []
    quote = ""
    i = 0
    while i < end:
        char = text[i]
        if quote:
            if char == quote and not (quote == '"' and text[i - 1] == "\\"):
                quote = ""
        elif char in "\"'" and (i == 0 or text[i - 1] in " \t\n[{,:"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t\n"):
            i = text.find("\n", i)
            i = end if i < 0 else i
            continue
        elif char in "[{":
            stack.append((i, char))
        elif char in "]}" and stack:
            stack.pop()
        i += 1
    if not stack:
        return None
    offset, bracket = stack[-1]
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1), bracket


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained | None:
    """The editor's version of a parser error, or None when it is none of the usual mistakes."""
    mark, context = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    lines = text.split("\n")
    row, col = mark.line, mark.column
    here = lines[row] if row < len(lines) else ""
    problem, where = exc.problem or "", exc.context or ""
    gave_up = f"line {row + 1}, column {col + 1}" + (", the end of the file" if row >= len(lines) - 1 else "")
    if "quoted scalar" in where and context is not None:
        quote = lines[context.line][context.column] if context.line < len(lines) else '"'
        return Explained(
            context.line + 1,
            context.column + 1,
            f"this {quote} opens a text that is never closed (YAML gave up at {gave_up}): end the text with {quote}",
        )
    if "flow node" in where:
        opened = _unclosed(text, mark.index if mark.index is not None else len(text))
        if opened is not None:
            line, column, bracket = opened
            closer, name = ("]", "list") if bracket == "[" else ("}", "mapping")
            return Explained(
                line + 1,
                column + 1,
                f"this '{bracket}' is never closed (YAML gave up at {gave_up}): end the {name} with '{closer}'",
            )
    for kind, (opener, closer, name) in _OPENERS.items():
        if kind in where and context is not None:
            if context.line == row and col < len(here):
                if here[col] == ":":
                    return _colon(here, row, col)
                inside = _quote_inside(lines, row, col)
                if inside is not None:
                    return inside
            if context.line != row:
                return Explained(
                    context.line + 1,
                    context.column + 1,
                    f"this '{opener}' is never closed (YAML gave up at {gave_up}): end the {name} with '{closer}'",
                )
    if problem.startswith("mapping values are not allowed"):
        return _continued(lines, row, col) or _colon(here, row, col)
    if "block mapping" in where or "block collection" in where:
        return _quote_inside(lines, row, col) or _misaligned(lines, row)
    return None
