"""The Jinja environment: project templates first, autoescape, StrictUndefined, compiled once per set of files."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.pipeline import check, render_all
from generator.render.environment import OVERRIDES, environment, template_folders


def test_project_templates_override_package_templates(small_project: Path) -> None:
    project = small_project
    (project / "overrides" / "generator").mkdir()
    (project / "overrides" / "generator" / "prose.md.j2").write_text(
        "{{ p.front(meta.title, 'x') }}\n# Custom {{ meta.title }}\n"
    )
    content, _ = check(project)
    assert content is not None
    files = render_all(project, content)
    assert "# Custom About" in files["en/about.md"]
    assert "# Custom Acerca de" in files["es/about.md"]
    assert files["en/index.md"].startswith("---\n")  # the others still come from the package


def test_lookup_order(tmp_path: Path) -> None:
    folders = template_folders(tmp_path)
    assert folders[0] == tmp_path / OVERRIDES
    assert (folders[-1] / "event.md.j2").is_file()
    assert template_folders(None) == folders[1:]


def test_values_are_escaped_and_undefined_names_fail() -> None:
    env = environment(None)
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert env.from_string("{{ x|esc }}").render(x="*a*") == "\\*a\\*"
    with pytest.raises(jinja2.UndefinedError, match="no_such"):
        env.from_string("{{ no_such }}").render()


def test_compiled_once_until_a_template_changes(small_project: Path) -> None:
    first = environment(small_project)
    assert environment(small_project) is first
    (small_project / "overrides" / "generator").mkdir()
    (small_project / "overrides" / "generator" / "prose.md.j2").write_text("x\n")
    changed = environment(small_project)
    assert changed is not first
    assert changed.get_template("prose.md.j2").render() == "x\n"
