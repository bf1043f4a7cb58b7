"""`explainer rename` rewrites every reference, keeps formatting, and records a redirect."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.load import load_file
from generator.editing.rename import REF_FIELDS, ref_paths, rewrite_inline, rewrite_yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _texts(project: Path) -> dict[Path, str]:
    content = project / "content"
    files = [*content.glob("*.yml"), *content.glob("*/*.yml"), *content.glob("pages/*.md")]
    return {p.relative_to(content): p.read_text(encoding="utf-8") for p in sorted(files)}


def _field_refs(project: Path, kind: str, rid: str) -> int:
    count = 0
    for path in [project / "content/site.yml", *sorted((project / "content").glob("*/*.yml"))]:
        doc, _ = load_file(path, path.name)
        assert doc is not None
        count += len(list(ref_paths(doc.data, REF_FIELDS[kind], rid)))
    return count


def _inline(kind: str, rid: str) -> re.Pattern[str]:
    return re.compile(r"\[\[\s*" + kind + ":" + re.escape(rid) + r"\s*[|\]]")


def _actor_referenced_both_ways(project: Path) -> str:
    texts = "\n".join(_texts(project).values())
    for path in sorted((project / "content/actors").glob("*.yml")):
        if _inline("actor", path.stem).search(texts) and _field_refs(project, "actor", path.stem):
            return path.stem
    pytest.fail("no actor is referenced both inline and in a list")


def test_rename_actor_everywhere(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _actor_referenced_both_ways(project)
    new = f"{old}-renamed"
    before = _texts(project)
    refs = _field_refs(project, "actor", old)
    assert main(["--project", str(project), "rename", "actor", old, new]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"renamed content/actors/{old}.yml -> content/actors/{new}.yml; ")
    assert f"redirect actors/{old}.md -> actors/{new}.md recorded in content/redirects.yml" in out
    after = _texts(project)
    # Only the id changed: putting the old id back gives the original bytes (layout and comments kept).
    for name, text in after.items():
        if name.as_posix() == "redirects.yml":
            continue
        original = before.get(Path("actors", f"{old}.yml") if name == Path("actors", f"{new}.yml") else name)
        assert text.replace(new, old) == original, name
    assert not (project / f"content/actors/{old}.yml").exists()
    assert _field_refs(project, "actor", old) == 0
    assert _field_refs(project, "actor", new) == refs
    assert not any(_inline("actor", old).search(t) for t in after.values())
    redirects = (project / "content/redirects.yml").read_text(encoding="utf-8")
    assert f"\nactors/{old}.md: actors/{new}.md\n" in redirects
    assert main(["--project", str(project), "validate"]) == 0


def test_chained_renames_keep_one_hop_and_renaming_back_drops_the_redirect(project: Path) -> None:
    old = _actor_referenced_both_ways(project)
    assert main(["--project", str(project), "rename", "actor", old, "step-one"]) == 0
    assert main(["--project", str(project), "rename", "actor", "step-one", "step-two"]) == 0
    text = (project / "content/redirects.yml").read_text(encoding="utf-8")
    assert f"actors/{old}.md: actors/step-two.md\n" in text
    assert "actors/step-one.md: actors/step-two.md\n" in text
    assert main(["--project", str(project), "rename", "actor", "step-two", old]) == 0
    text = (project / "content/redirects.yml").read_text(encoding="utf-8")
    assert f"actors/{old}.md:" not in text
    assert f"actors/step-two.md: actors/{old}.md\n" in text
    assert main(["--project", str(project), "validate"]) == 0


def test_questions_get_a_redirect_like_every_page(project: Path) -> None:
    qid = min(p.stem for p in (project / "content/questions").glob("*.yml"))
    assert main(["--project", str(project), "rename", "question", qid, "renamed-question"]) == 0
    text = (project / "content/redirects.yml").read_text(encoding="utf-8")
    assert f"questions/{qid}.md: questions/renamed-question.md\n" in text
    assert main(["--project", str(project), "validate"]) == 0


def test_refusals(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actors = sorted(p.stem for p in (project / "content/actors").glob("*.yml"))
    assert main(["--project", str(project), "rename", "actor", actors[0], actors[1]]) == 1
    assert capsys.readouterr().err == f"explainer rename: error: content/actors/{actors[1]}.yml already exists\n"
    assert main(["--project", str(project), "rename", "actor", "no-such-actor", "x"]) == 1
    assert main(["--project", str(project), "rename", "actor", actors[0], "Bad_Id"]) == 2
    assert "not a valid id" in capsys.readouterr().err
    assert (project / f"content/actors/{actors[0]}.yml").exists()


def test_only_whole_ids_in_reference_fields_change() -> None:
    text = (
        "# a comment naming peru stays\n"
        "tags: [peru, peru-mexico]\n"
        "actors: [mexico, peru]\n"
        "relations:\n"
        "  - actor: 'peru'  # quoted\n"
        "    sources: [peru]\n"
        'summary: "[[actor:peru]] and [[actor:peru|Perú]] but not [[actor:peru-x]] or [[legal:peru]] or peru"\n'
    )
    rewritten, count = rewrite_yaml(text, "t.yml", "actor", "peru", "pe")
    assert count == 4
    assert rewritten == (
        "# a comment naming peru stays\n"
        "tags: [peru, peru-mexico]\n"
        "actors: [mexico, pe]\n"
        "relations:\n"
        "  - actor: 'pe'  # quoted\n"
        "    sources: [peru]\n"
        'summary: "[[actor:pe]] and [[actor:pe|Perú]] but not [[actor:peru-x]] or [[legal:peru]] or peru"\n'
    )


def test_sources_in_lists_and_citations() -> None:
    text = "sources:\n  - s1\n  - source: s1\n    quote: s1\n  - s10\n"
    rewritten, count = rewrite_yaml(text, "t.yml", "source", "s1", "s2")
    assert (rewritten, count) == ("sources:\n  - s2\n  - source: s2\n    quote: s1\n  - s10\n", 2)


def test_inline_links_in_pages() -> None:
    body = "See [[event:2025-11-03-x]], [[event:2025-11-03-x|the break]] and [[event:2025-11-03-xy]].\n"
    assert rewrite_inline(body, "event", "2025-11-03-x", "2025-11-03-y") == (
        "See [[event:2025-11-03-y]], [[event:2025-11-03-y|the break]] and [[event:2025-11-03-xy]].\n",
        2,
    )
