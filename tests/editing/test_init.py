"""`explainer init` makes a project that validates clean and builds, refuses bad input, never overwrites."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from generator.editing.init import InitUsageError, init, normalise_url, starter_files
from generator.editing.schema import stale_schemas
from generator.pipeline import check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FLAGSHIP_WORDS = ["Peru", "Perú", "Mexico", "México", "Chávez", "Chavez", "Castillo", "Lima", "Sheinbaum", "Jerí"]
FLAGSHIP_WORDS += ["asylum", "asilo"]


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _assert_clean(project: Path) -> None:
    content, problems = check(project)
    assert content is not None
    assert [f"{p.path}:{p.line}: {p.message} [{p.code}]" for p in problems] == []


def test_init_validates_clean(tmp_path: Path) -> None:
    result = init(tmp_path / "new")
    project = tmp_path / "new"
    assert result.root == project and result.kept == []
    assert sorted(result.written) == sorted(_tree(project))
    _assert_clean(project)
    assert stale_schemas(project) == []
    for name in ["mkdocs.yml", "README.md", "CONTRIBUTING.md", ".gitignore", "requirements.txt", "overrides/README.md"]:
        assert (project / name).is_file(), name
    for name in ["pr.yml", "publish.yml"]:
        workflow = yaml.safe_load((project / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        assert workflow["jobs"]
    assert (project / "content/pages/about.md").is_file() and (project / "content/pages/about.es.md").is_file()
    assert list(tmp_path.iterdir()) == [project], "no staging folder left behind"


def test_every_content_file_names_its_schema(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init(project)
    files = sorted((project / "content").rglob("*.yml"))
    assert len(files) > 10
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)}"


def test_examples_show_every_feature(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init(project)
    content, _ = check(project)
    assert content is not None
    events = list(content.events.values())
    assert any(e.key for e in events)
    assert any(e.disputed for e in events)
    assert any(e.corrections and e.updated and e.added for e in events)
    quotes = [c for e in events for c in e.sources if not isinstance(c, str) and c.quote and c.translation]
    assert quotes
    assert any(a.kind == "state" for a in content.actors.values())
    assert len(content.sources) >= 2 and len(content.actors) >= 2 and content.legal and content.questions
    texts = "".join(p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.yml"))
    assert "[[actor:" in texts
    assert texts.count("Example") >= 10 and texts.count("EXAMPLE") >= 10


@pytest.mark.parametrize("languages", [["es", "en"], ["en"], ["pt"], ["en", "pt", "es"]])
def test_other_languages_validate_clean(tmp_path: Path, languages: list[str]) -> None:
    project = tmp_path / "p"
    init(project, title="Harbour watch", languages=languages, site_url="https://news.example.org/harbour")
    _assert_clean(project)
    site = yaml.safe_load((project / "content/site.yml").read_text(encoding="utf-8"))
    assert site["languages"] == languages
    assert site["title"] == dict.fromkeys(languages, "Harbour watch")
    assert site["site_url"] == "https://news.example.org/harbour/"
    pages = sorted(p.name for p in (project / "content/pages").glob("about*.md"))
    assert pages == sorted(["about.md", *(f"about.{lang}.md" for lang in languages[1:])])
    assert f"docs_dir: generated/{languages[0]}" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def test_refuses_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(InitUsageError, match="not empty"):
        init(tmp_path)
    assert _tree(tmp_path) == {"notes.txt": b"mine\n"}


def test_a_folder_holding_only_git_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    init(tmp_path)
    _assert_clean(tmp_path)
    assert (tmp_path / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


def test_force_writes_only_missing_files(tmp_path: Path) -> None:
    mine = {"README.md": b"# My own readme\n", "content/pages/about.md": b"---\ntitle: Mine\n---\nMine.\n"}
    for rel, data in mine.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    result = init(tmp_path, force=True)
    assert sorted(result.kept) == sorted(mine)
    assert set(result.written).isdisjoint(mine)
    for rel, data in mine.items():
        assert (tmp_path / rel).read_bytes() == data
    assert (tmp_path / "content/site.yml").is_file() and (tmp_path / "mkdocs.yml").is_file()
    again = init(tmp_path, force=True)
    assert again.written == [] and sorted(again.kept) == sorted(_tree(tmp_path))


def test_force_refuses_a_file_where_a_folder_is_needed(tmp_path: Path) -> None:
    (tmp_path / "content").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(InitUsageError, match="content"):
        init(tmp_path, force=True)
    assert _tree(tmp_path) == {"content": b"not a folder\n"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"languages": ["en", "fr"]}, "unknown language 'fr'"),
        ({"languages": ["en", "en"]}, "twice"),
        ({"languages": []}, "at least one language"),
        ({"site_url": "example.org/site/"}, "absolute"),
        ({"site_url": "ftp://example.org/"}, "absolute"),
        ({"site_url": "javascript:alert(1)"}, "absolute"),
        ({"site_url": "https://"}, "absolute"),
        ({"site_url": "https://exa mple.org/"}, "absolute"),
        ({"site_url": "https://example.org/?page=1"}, "query"),
        ({"title": "  "}, "title"),
        ({"title": "two\nlines"}, "title"),
    ],
)
def test_bad_arguments_are_refused_with_nothing_written(
    tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InitUsageError, match=re.escape(message)) as info:
        init(tmp_path / "new", **kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_site_url_is_normalised() -> None:
    assert normalise_url(" https://example.org/x ") == "https://example.org/x/"
    assert normalise_url("http://example.org") == "http://example.org/"
    assert normalise_url("https://example.org/x/") == "https://example.org/x/"


def test_same_arguments_give_identical_bytes(tmp_path: Path) -> None:
    init(tmp_path / "a", title="Río watch", languages=["es", "en"])
    init(tmp_path / "b", title="Río watch", languages=["es", "en"])
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert first == second
    assert starter_files("Río watch", ["es", "en"], "https://example.github.io/my-explainer/") == first


def test_nothing_of_the_flagship_story(tmp_path: Path) -> None:
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, FLAGSHIP_WORDS)) + r")\b", re.IGNORECASE)
    starter = resources.files("generator.editing") / "starter"
    with resources.as_file(starter) as folder:
        texts = {f"starter/{k}": v for k, v in _tree(folder).items()}
    init(tmp_path / "p", languages=["en", "es", "pt"])
    texts |= _tree(tmp_path / "p")
    assert len(texts) > 30
    found = {name: pattern.findall(data.decode("utf-8")) for name, data in texts.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_a_new_project_owns_an_empty_overrides_folder(tmp_path: Path) -> None:
    """The theme ships in the package (generator/render/theme/); a project's overrides/ starts with its README only."""
    init(tmp_path / "p")
    assert list(_tree(tmp_path / "p" / "overrides")) == ["README.md"]


def test_second_fixture_story_validates_clean(tmp_path: Path) -> None:
    project = tmp_path / "railway"
    shutil.copytree(FIXTURES / "railway" / "content", project / "content")
    _assert_clean(project)


def _build(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "build", "--strict"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    for edition in [project / "site", project / "site" / "es"]:
        assert (edition / "index.html").is_file()
        css = edition / "assets" / "explainer.css"
        assert css.is_file() and css.stat().st_size > 1000
        assert "assets/explainer.css" in (edition / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_init_output_builds(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init(project)
    _build(project)
    home = (project / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert "Explicador de ejemplo" in home and 'lang="es"' in home


@pytest.mark.slow
def test_second_fixture_story_builds_in_an_init_project(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init(project)
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURES / "railway" / "content", project / "content")
    _build(project)
    assert "Ferrow" in (project / "site" / "index.html").read_text(encoding="utf-8")
