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

