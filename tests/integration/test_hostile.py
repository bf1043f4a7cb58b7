"""Untrusted content, end to end: arbitrary YAML and arbitrary strings in every text field.

The loader and validator either accept or report problems (never raise), and no generated page,
turned into HTML by the same Markdown extensions the site uses, contains anything executable.
A build killed half-way leaves the previous site and generated pages as they were.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.load import parse_text
from generator.pipeline import build, check, render_all
from generator.render.embed import PARENT_SCRIPT

from ..conftest import FIXTURES, make_project
from ..render.test_markup import EXTENSIONS, Danger

NASTY = st.lists(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            '"><svg onload=alert(1)>',
            "javascript:alert(1)",
            "[x](javascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "{: onclick=alert(1) }",
            "<<",
            "]]",
            "[[",
            "[[actor:alpha|<b>x</b>]]",
            "**",
            "*",
            "`",
            "\\",
            "&amp;",
            "&#x3C;script&#x3E;",
            "\n",
            "\n\n    code",
            "# h",
            "| t |",
            "[^1]",
            "![i](https://evil.example/x.png)",
            "<!--",
            "-->",
            "</script>",
            "'",
            '"',
            "é",
            "ñ",
            "\u202e",
            "\u0000",
            "vbscript:x",
        ]
    )
    | st.text(max_size=8),
    max_size=12,
).map("".join)


def _danger(html: str) -> list[str]:
    parser = Danger()
    parser.feed(html)
    return parser.found


class _Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


EXECUTABLE = {"iframe", "object", "embed", "form", "img", "style", "meta", "link", "base", "script"}
SCRIPT_URL = ("javascript:", "data:", "vbscript:")


def _assert_safe_embed(path: str, text: str) -> None:
    """An embed page runs one script, ours; content adds no element, handler or script URL.

    Why not `_danger`: it flags any attribute that starts with "javascript:", and a title
    attribute may (it is text); here only URL attributes are checked for script URLs.
    """
    head, _, body = text.partition("</head>")
    parser = _Elements()
    parser.feed(body)
    assert [tag for tag, _ in parser.tags if tag in EXECUTABLE] == [], path
    parser.feed(head)
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on") and name not in {"style", "srcdoc"}, (path, tag, name)
            if name in {"href", "src", "xlink:href", "action"}:
                assert not (value or "").strip().lower().startswith(SCRIPT_URL), (path, tag, value)
    scripts = [dict(attrs) for tag, attrs in parser.tags if tag == "script"]
    assert len(scripts) == 1 and (scripts[0]["src"] or "").endswith("assets/embed.js"), path
    assert head.count("<script") == 1 and head.count("</script>") == 1 and "<script" not in body, path


def _assert_safe_oembed(path: str, text: str) -> None:
    """The oEmbed JSON's HTML is the iframe and our resize lines, whatever the titles say."""
    assert "<" not in text, path
    data = json.loads(text)
    html = data["html"]
    parser = _Elements()
    parser.feed(html)
    assert [tag for tag, _ in parser.tags] == ["iframe", "script"], (path, html)
    iframe = dict(parser.tags[0][1])
    assert sorted(iframe) == ["height", "loading", "src", "style", "title", "width"], (path, iframe)
    assert (iframe["src"] or "").startswith("https://example.org/fixture/"), (path, iframe)
    assert html.endswith(PARENT_SCRIPT) and html.count("<script") == 1 and html.count("<iframe") == 1, path


def _event(title: str, summary: str, quote: str) -> str:
    return yaml.safe_dump(
        {
            "date": "2025-11",
            "title": {"en": title, "es": title},
            "summary": {"en": summary, "es": summary},
            "tags": ["x"],
            "sources": [{"source": "news-two", "quote": quote, "translation": {"en": quote}}],
            "disputed": [
                {"field": "title", "value": {"en": summary, "es": title}, "sources": ["news-one"], "note": quote}
            ],
        },
        allow_unicode=True,
    )


@settings(max_examples=40, deadline=None)
@given(title=NASTY, summary=NASTY, quote=NASTY)
def test_hostile_text_never_becomes_script(tmp_path_factory, title: str, summary: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    project = make_project(tmp_path_factory.mktemp("h") / "p", FIXTURES / "small" / "content")
    (project / "content" / "events" / "2025-11.yml").write_text(_event(title, summary, quote), encoding="utf-8")
    content, problems = check(project)
    if content is None:
        assert problems
        return
    for path, text in render_all(project, content).items():
        if "/embed/" in path and path.endswith(".html"):
            _assert_safe_embed(path, text)
        if "/oembed-" in path:
            _assert_safe_oembed(path, text)
        if not path.endswith(".md"):
            continue
        body = text.split("---\n", 2)[-1]
        found = [f for f in _danger(markdown.markdown(body, extensions=EXTENSIONS)) if f not in {"svg"}]
        assert found == [], (path, found)
        front = text.split("---\n", 2)[1] if text.startswith("---\n") else ""
        assert "<" not in front.replace("\\u003c", ""), path


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(YAML_VALUES)
def test_arbitrary_yaml_documents_load_or_report(value: object) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    doc, problems = parse_text(text, "f.yml")
    assert (doc is None) == bool(problems)
    if doc is not None and value is not None:
        assert doc.data is not None or value in ("", None)


@given(YAML_VALUES)
def test_arbitrary_records_validate_or_report(value: object) -> None:
    from generator.content.model import Event
    from generator.content.validate import _validate_doc

    doc, _ = parse_text(yaml.safe_dump(value), "content/events/x.yml")
    if doc is None:
        return
    model, problems = _validate_doc(doc, Event)
    assert (model is None) == bool(problems)
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_killed_build_leaves_previous_site_and_pages(small_project: Path) -> None:
    build(small_project)
    site, generated = _tree(small_project / "site"), _tree(small_project / "generated")
    event = small_project / "content" / "events" / "2025-11.yml"
    event.write_text(
        'date: "2025-11"\ntitle: {en: "Changed", es: "Cambiado"}\nsummary: {en: "x", es: "y"}\nsources: [news-two]\n'
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--project", str(small_project), "build"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    # Kill once MkDocs is building into the staging folder, i.e. after the pages were generated.
    while time.monotonic() < deadline and not list(small_project.glob(".site-new-*/*")):
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _tree(small_project / "site") == site
    # The generated pages are swapped in only after MkDocs built every edition.
    assert _tree(small_project / "generated") == generated
    build(small_project)
    assert not list(small_project.glob(".site-new-*"))
    assert "Changed" in (small_project / "site" / "events" / "2025-11" / "index.html").read_text()


def test_two_builds_at_once_both_succeed_and_leave_one_site(small_project: Path) -> None:
    """A build beside another build: the second waits for the first's lock, and neither disturbs the other."""
    build(small_project)
    site = _tree(small_project / "site")
    cmd = [sys.executable, "-m", "generator", "--project", str(small_project), "build"]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    # The second starts while the first's MkDocs reads its staged pages (the moment a sweep used to delete them).
    while time.monotonic() < deadline and not list(small_project.glob(".site-new-*/*")):
        time.sleep(0.01)
    second = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    runs = [first, second]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all("Traceback" not in out for out in outputs)
    assert "waiting for the build started at" in outputs[1] and f"by pid {first.pid}" in outputs[1]
    assert _tree(small_project / "site") == site
    leftovers = [p.name for p in small_project.iterdir() if p.name.startswith((".site-", ".generated-"))]
    assert leftovers == []
