"""The tests mirror the package: every generator module has its test file (rendercv's test_tests.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = {"__init__", "__main__"}


def test_every_module_has_a_test_file() -> None:
    modules = {p.stem for p in (ROOT / "generator").glob("*.py")} - EXEMPT
    tests = {p.stem.removeprefix("test_") for p in (ROOT / "tests").rglob("test_*.py")}
    missing = sorted(modules - tests)
    assert not missing, f"modules without tests/test_<module>.py: {missing}"


def test_code_passes_the_linter() -> None:
    """ruff, with the project's configuration in pyproject.toml (run here so CI enforces it)."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_code_passes_the_type_checker() -> None:
    """mypy with the project's configuration (pydantic plugin, untyped bodies checked)."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "generator"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
