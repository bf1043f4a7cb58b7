"""Problems are data; formatters show them; every code is in the catalogue; errors carry their exit status."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from generator.problems import (
    CODES,
    BuildError,
    ContentError,
    ExplainerError,
    Problem,
    RefusedError,
    Severity,
    UsageError,
    error,
    render,
    summary,
)

ROOT = Path(__file__).resolve().parent.parent

CODE_ARGUMENT = {"error": 3, "warning": 3, "Problem": 4, "err": 2, "warn": 2, "_Refused": 0}
"""Where each problem-making call takes its code: `error(path, line, col, code, msg)`, `Checker.err(doc, key, code, msg)`,
`_Refused(code, msg, line, col)`."""


def test_formats() -> None:
    problems = [
        Problem("b.yml", 2, 1, Severity.WARNING, "w", "second"),
        Problem("a.yml", 1, 3, Severity.ERROR, "e", "50% off\nnow"),
    ]
    assert render(problems, "text").splitlines() == [
        "a.yml:1:3: error: 50% off",
        "now [e]",
        "b.yml:2:1: warning: second [w]",
    ]
    assert render(problems, "github").splitlines()[0] == "::error file=a.yml,line=1,col=3,title=e::50%25 off%0Anow"
    assert json.loads(render(problems, "json"))[1]["severity"] == "warning"
    assert summary(problems) == "1 error(s), 1 warning(s)"
    assert render(problems + problems, "text") == render(problems, "text")


def test_every_user_error_has_one_base_and_its_exit_status() -> None:
    from generator.editing.diff import DiffError
    from generator.editing.new import ScaffoldError, ScaffoldUsageError
    from generator.editing.rename import RenameError, RenameUsageError

    problem = error("a.yml", 1, 1, "yaml-syntax", "bad")
    assert ContentError([problem]).problems == [problem]
    status = {
        ContentError: 1,
        UsageError: 2,
        RefusedError: 1,
        BuildError: 1,
        ScaffoldUsageError: 2,
        RenameUsageError: 2,
        ScaffoldError: 1,
        RenameError: 1,
        DiffError: 1,
    }
    for kind, code in status.items():
        assert issubclass(kind, ExplainerError), kind
        assert kind.exit_code == code, kind
    with pytest.raises(ExplainerError, match="already exists"):
        raise RenameError("content/actors/b.yml already exists")


def _source_codes() -> dict[str, list[str]]:
    """Every code the package can emit, with where: the code argument of each problem-making call, and
    the codes a `-> tuple[str, str]` function returns beside its message (the pydantic error mapping)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            codes: list[ast.expr] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                index = CODE_ARGUMENT.get(name or "")
                if index is not None and len(node.args) > index:
                    codes.append(node.args[index])
            elif isinstance(node, ast.FunctionDef) and node.returns and ast.unparse(node.returns) == "tuple[str, str]":
                codes += [
                    ret.value.elts[1]
                    for ret in ast.walk(node)
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple) and len(ret.value.elts) == 2
                ]
            for code in codes:
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    found.setdefault(code.value, []).append(f"{where}:{code.lineno}")
    return found


def _corpus_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for expected in sorted((ROOT / "tests" / "fixtures" / "bad").glob("*/expected.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            match = re.search(r"\[([a-z0-9-]+)\]$", line)
            if match:
                found.setdefault(match.group(1), []).append(expected.parent.name)
    return found


def test_the_scan_finds_codes_of_every_shape() -> None:
    """Guard the guard: a code passed to `error`, to `Checker.warn`, to `_Refused` and returned by the pydantic mapping."""
    codes = _source_codes()
    assert {"no-content", "unused-source", "yaml-tag", "unknown-field", "updated-not-moved"} <= codes.keys()
    assert len(_corpus_codes()) > 10


def test_every_code_emitted_is_in_the_catalogue() -> None:
    missing = {
        code: places for code, places in sorted({**_corpus_codes(), **_source_codes()}.items()) if code not in CODES
    }
    assert not missing, f"add these to CODES in generator/problems.py: {missing}"


def test_the_catalogue_holds_no_unused_code() -> None:
    unused = sorted(CODES.keys() - _source_codes().keys())
    assert not unused, f"no code in generator/ emits these; remove them from CODES: {unused}"


def test_catalogue_entries_are_one_sentence_for_editors() -> None:
    assert list(CODES) == sorted(CODES)
    for code, text in CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert not text[0].islower() and text.endswith(".") and "\n" not in text, code


def test_contributing_lists_every_code() -> None:
    """CONTRIBUTING.md's "Problem codes" list is the catalogue, line for line (datasette's documentation tests)."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("\n## Problem codes\n", 1)[1].split("\n## ", 1)[0]
    listed = [line for line in section.splitlines() if line.startswith("- `")]
    expected = [f"- `{code}`: {explanation}" for code, explanation in CODES.items()]
    assert listed == expected, "update the list in CONTRIBUTING.md:\n" + "\n".join(expected)
