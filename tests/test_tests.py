"""The tests mirror the package, and the package keeps its layering (rendercv's test_tests.py, by path).

Why by path: `generator/content/load.py` is tested in `tests/content/test_load.py`, so a reader who opens a
module finds its tests at the same place; file names alone would let two stages' `test_load.py` stand in
for each other.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
EXEMPT = {"__init__", "__main__"}

PARTS = ["problems", "workers", "content", "structure", "output", "render", "pipeline", "editing", "doors"]
"""The parts in the order data flows; a part may import only the parts before it.

`problems` and `workers` are the shared vocabulary; `output` (staging and the MkDocs runs) sits below `render`
because the forked edition workers write their own pages into the staging folder; `editing` (the editor
commands) calls the pipeline, and only the command line calls it.
"""

DOORS = {"cli", "mkdocs_hook", "__main__"}


def _part(module: str) -> str:
    """`generator.content.load` → `content`; the top-level doors share one part."""
    name = module.split(".")[1]
    return "doors" if name in DOORS else name


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(p for p in parts if p != "__init__")] = path
    return found


def _imports(module: str, path: Path) -> set[str]:
    """Every generator module `module` imports, top-level and inside functions alike."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("generator"):
                names.add(target)
                names.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("generator"))
    return names & set(_modules())


def test_every_module_has_a_test_file_at_the_same_place() -> None:
    missing = []
    for path in _modules().values():
        if path.stem in EXEMPT:
            continue
        rel = path.relative_to(PACKAGE)
        expected = ROOT / "tests" / rel.parent / f"test_{rel.name}"
        if not expected.exists():
            missing.append(str(expected.relative_to(ROOT)))
    assert not missing, f"modules without their mirrored test file: {missing}"


def test_no_part_imports_a_part_after_it() -> None:
    wrong = []
    for module, path in _modules().items():
        if module == "generator":
            continue  # the package's face re-exports the public API
        mine = PARTS.index(_part(module))
        for target in sorted(_imports(module, path)):
            if target == "generator":
                continue
            theirs = PARTS.index(_part(target))
            if theirs > mine:
                wrong.append(f"{module} imports {target} ({_part(module)} -> {_part(target)})")
    assert not wrong, "\n".join(wrong)


def test_only_the_command_line_calls_the_editor_commands() -> None:
    callers = {
        module
        for module, path in _modules().items()
        if module != "generator"
        and _part(module) != "editing"
        and any(_part(t) == "editing" for t in _imports(module, path) if t != "generator")
    }
    assert callers <= {"generator.cli"}, callers


def test_no_import_cycles() -> None:
    graph = {m: {t for t in _imports(m, p) if t != m} for m, p in _modules().items()}
    seen: set[str] = set()
    stack: list[str] = []

    def visit(node: str) -> None:
        if node in stack:
            cycle = stack[stack.index(node) :] + [node]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if node in seen:
            return
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt != "generator" and not node.startswith(nxt + "."):
                visit(nxt)
        stack.pop()
        seen.add(node)

    for module in sorted(graph):
        visit(module)


def test_no_module_is_over_400_lines() -> None:
    long = {m: n for m, p in _modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


def test_code_passes_the_linter() -> None:
    """ruff, with the project's configuration in pyproject.toml (run here so CI enforces it)."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_code_passes_the_type_checker() -> None:
    """mypy --strict with the project's configuration (pydantic plugin)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "generator"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
