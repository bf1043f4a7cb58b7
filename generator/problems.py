"""Problems found in content, as data, and the formatters that show them.

Why: the same problem list feeds the terminal, GitHub annotations and JSON for
tools, so finding a problem and showing it are separate jobs (yamllint's
`LintProblem` and its `Format` class).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import ClassVar, Literal, TypeAlias

Format: TypeAlias = Literal["text", "github", "json"]


class Severity(StrEnum):
    """How bad a problem is: errors stop the build, warnings do not (unless --strict)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, with the place an editor must look."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def text(self) -> str:
        """GNU style: `path:line:column: error: message [code]`."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message} [{self.code}]"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the changed line."""
        kind = "error" if self.severity is Severity.ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.column},title={self.code}::{message}"


class ExplainerError(Exception):
    """A failure the user can fix: shown as one message without a traceback, then exit `exit_code`.

    Why one base: the command line catches this class once and anything else is a
    bug that keeps its traceback (mkdocs' `Abort`, rendercv's user/internal split).
    """

    exit_code: ClassVar[int] = 1


class ContentError(ExplainerError):
    """Content problems stop a command; carries the problems, which are shown instead of a message."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} content problem(s)")
        self.problems = problems


class UsageError(ExplainerError):
    """The command was called wrongly (a bad option or argument): exit 2, as argparse does."""

    exit_code = 2


class RefusedError(ExplainerError):
    """A command refuses to act on the project as it is (a rename target exists, git cannot read BASE)."""


class BuildError(ExplainerError):
    """The builder (MkDocs) failed on generated pages."""


class LockedError(ExplainerError):
    """Another command is writing `generated/` or `site/` and this one was told not to wait (`--no-wait`)."""


class OutputError(ExplainerError):
    """The output could not be written (a full disk, a read-only folder); the previous output is kept."""


def error(path: str, line: int, column: int, code: str, message: str) -> Problem:
    """Shorthand for an error problem."""
    return Problem(path, line, column, Severity.ERROR, code, message)


def warning(path: str, line: int, column: int, code: str, message: str) -> Problem:
    """Shorthand for a warning problem."""
    return Problem(path, line, column, Severity.WARNING, code, message)


def normalise(problems: list[Problem]) -> list[Problem]:
    """Sort by place and drop exact duplicates, so output is stable and readable."""
    return sorted(set(problems))


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)


def render(problems: list[Problem], fmt: Format) -> str:
    """Show problems in one of the output formats; empty string when there are none (text, github)."""
    problems = normalise(problems)
    if fmt == "json":
        rows = [{**asdict(p), "severity": p.severity.value} for p in problems]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = [p.github() if fmt == "github" else p.text() for p in problems]
    return "".join(line + "\n" for line in lines)


def summary(problems: list[Problem]) -> str:
    """One closing line: how many errors and warnings."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


CODES: dict[str, str] = {
    "after-review": "'added' or 'updated' is later than the `reviewed` date in site.yml. Once the record has been reviewed, set `reviewed:` in `content/site.yml` to that date or later.",
    "bad-choice": "The value is not one of the allowed words for this field (the message lists them).",
    "bad-cross-reference": "`[[...]]` is not a cross-reference; write `[[actor:id]]`, `[[event:id|label]]` and so on.",
    "bad-format": "A date, id, country, language or Wikidata value is not written in the expected form.",
    "bad-id": "A file or page name is not a valid id: lowercase letters, digits and hyphens only.",
    "bad-redirect": "An entry in content/redirects.yml is not a page path such as `actors/new-id.md`.",
    "bad-redirects": "The file content/redirects.yml must be a mapping of old page path to new page path.",
    "bad-value": "The value has the right type but is not allowed here (the message says why).",
    "corrections-order": "Corrections must be listed newest first.",
    "date-order": "A period ends (`to`) before it starts (`from`).",
    "duplicate-key": "The same field is written twice in one mapping; keep one.",
    "duplicate-language": "A language is listed twice in site.yml.",
    "duplicate-url": "Two sources have the same URL; cite the existing source instead.",
    "empty": "A required text or list is empty.",
    "encoding": "The file is not UTF-8 text (or holds a NUL byte); save it as UTF-8.",
    "file-too-large": "The file is larger than the limit for one content file; split it.",
    "front-matter": "A prose page must start with `---`, a `title:` line and `---`.",
    "history-order": "'added', 'updated' and the correction dates are out of order.",
    "id-collision": "Two ids differ only by case or accents; rename one of them.",
    "id-date": "An event id starts with a date other than the event's date; rename the file so ids sort by date.",
    "invalid": "The value is not valid for this field (the message gives pydantic's reason).",
    "missing-default-language": "A text or page has no version in the default language (the first in site.yml).",
    "missing-field": "A required field is missing from this mapping.",
    "missing-file": "The file content/site.yml is required.",
    "missing-translation": "A text, quote or page has no version in one of the site's other languages.",
    "multiple-documents": "A content file holds one YAML document; remove the extra `---`.",
    "no-content": "The content/ folder was not found.",
    "no-source": "The record cites no source; cite at least one.",
    "not-a-mapping": "The file must be a mapping of fields (`field: value` lines).",
    "not-a-state": "A legal record's party must be an actor of kind `state`.",
    "raw-html": "HTML in content is shown as text, never passed through; use Markdown instead.",
    "redirect-shadows-page": "A redirect's old path is a page that still exists; remove the redirect.",
    "redirect-target-missing": "A redirect points to a page the site does not have.",
    "self-relation": "An actor cannot relate to itself.",
    "symlink": "Symbolic links are not allowed in content/; copy the file instead.",
    "too-deep": "Mappings and lists are nested too deeply.",
    "too-long": "The text is longer than the field allows.",
    "too-many-files": "The content/ folder holds more files than the limit.",
    "too-many-records": "A kind folder holds more records than the limit.",
    "unexpected-file": "A file or folder that does not belong where it is (only .yml in kind folders, .md in pages/).",
    "unknown-field": "The field is not part of this kind of record (the message suggests the closest one).",
    "unknown-language": "A language code is not one of site.yml's languages, or is unusual for a source.",
    "unknown-reference": "An id refers to a record that does not exist (the message suggests the closest one).",
    "unreadable": "The file could not be read (permissions, or it is not a regular file).",
    "unsafe-link": "A link must start with https:// or http://.",
    "unsupported-language": "The generator has no interface strings for a language listed in site.yml.",
    "unused-source": "A source is not cited by any record.",
    "updated-not-moved": "`explainer diff --check-updated`: a record changed but its 'updated' date did not.",
    "wrong-type": "The value has the wrong type, such as a list where text is expected.",
    "yaml-alias": "YAML aliases (`*name`) are not allowed in content; write the value out.",
    "yaml-anchor": "YAML anchors (`&name`) are not allowed in content; write the value out.",
    "yaml-key": "Mapping keys must be plain words, not lists or mappings.",
    "yaml-merge": "YAML merge keys (`<<`) are not allowed in content; write the fields out.",
    "yaml-syntax": "The file is not valid YAML; the message says what to change and where the mistake starts (quote a text holding `: `, close a `[`, `{` or quote, line up the indentation).",
    "yaml-tag": "YAML tags (`!name`) are not allowed in content.",
}
"""Every problem code, with the one line an editor reads to fix it (listed in CONTRIBUTING.md).

Why here: the codes end every problem line and CI annotations, so they are an
interface; `tests/test_problems.py` checks that the source emits no code missing
from this table and that the table holds no code nobody emits.
"""
