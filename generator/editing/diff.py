"""`explainer diff BASE`: what a change to content/ does to the site, as a pull-request comment.

Why: a reviewer sees a YAML diff, but what matters is which records changed
and which pages readers will see differently, including pages that only
mention a changed record. Records are compared as loaded data, so layout and
comments do not count as changes and a record that fails validation at BASE
is still compared.
"""

from __future__ import annotations

import copy
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.load import RawTree, load_tree
from ..content.model import REF_KINDS
from ..content.validate import Content
from ..pipeline import check
from ..problems import Problem, RefusedError, warning
from ..structure.redirects import load_redirects
from ..structure.relations import build_index
from ..structure.routes import HOME, PAGE_OF, pages_of, prose_page, url_of, year_of
from .rename import REF_FIELDS, ref_paths, rewrite_inline

MARKER = "<!-- explainer-diff -->"
"""First line of the comment, so CI can find and update its earlier comment."""
SINGULAR = {"actors": "actor", "events": "event", "legal": "legal record", "sources": "source", "questions": "question"}


class DiffError(RefusedError):
    """git could not read BASE (unknown revision, not a repository): exit status 1."""


@dataclass
class Change:
    """One record added, removed or changed, with the site pages it touches."""

    folder: str
    id: str
    status: str
    fields: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    previous: str | None = None
    """A renamed record's id at BASE."""


Renames = list[tuple[str, str, str]]
"""(folder, id at BASE, id now) of each record renamed since BASE."""
_KIND_OF = {folder: kind for kind, folder in REF_KINDS.items()}


def _git(project: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", "-C", str(project), *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def base_content(project: Path, base: str, dest: Path) -> Path:
    """Extract content/ as it was at `base` into `dest`; returns the content folder (maybe empty)."""
    top = Path(_git(project, "rev-parse", "--show-toplevel").decode().strip())
    prefix = _git(project, "rev-parse", "--show-prefix").decode().strip()
    _git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    out = dest / "content"
    if not _git(top, "ls-tree", "--name-only", base, f"{prefix}content").strip():
        out.mkdir(parents=True)
        return out
    data = _git(top, "archive", "--format=tar", base, f"{prefix}content")
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        # The "data" filter refuses links and paths outside dest: BASE is as untrusted as content.
        archive.extractall(dest / "tree", filter="data")
    (dest / "tree" / prefix / "content").replace(out)
    return out


def _records(tree: RawTree) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for folder, docs in tree.docs.items():
        for doc in docs:
            found[(folder, doc.path.rsplit("/", 1)[-1].removesuffix(".yml"))] = doc.data
    if tree.site is not None:
        found[("site", "site")] = tree.site.data
    for page in tree.pages:
        found[("pages", page.id + (f".{page.lang}" if page.lang else ""))] = (page.meta.data, page.body)
    return found


def _fields(old: Any, new: Any) -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        return sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
    return []


def _own_pages(folder: str, rid: str, data: Any) -> list[str]:
    """URLs of the pages whose subject is this record (its own first), as `routes` places them."""
    if folder == "site":
        paths = [HOME]
    elif folder == "pages":
        paths = [prose_page(rid.split(".", 1)[0])]
    else:
        paths = pages_of(folder, rid, year_of(data.get("date") if isinstance(data, dict) else None))
    return [url_of(path) for path in paths]


def _record_of(path: str) -> tuple[str, str] | None:
    """(folder, id) of the record whose own page is `path` (`actors/jane-doe.md`), or None."""
    for folder, pattern in PAGE_OF.items():
        prefix, _, suffix = pattern.partition("{}")
        rid = path.removeprefix(prefix).removesuffix(suffix)
        if path.startswith(prefix) and path.endswith(suffix) and rid and "/" not in rid:
            return folder, rid
    return None


def _renames(before: dict[str, str], now: dict[str, str], old: dict[Any, Any], new: dict[Any, Any]) -> Renames:
    """Records renamed since BASE: a redirect added from a page that is gone to one that is new."""
    found: Renames = []
    for src, dest in sorted(now.items()):
        was, became = _record_of(src), _record_of(dest)
        if before.get(src) == dest or was is None or became is None or was[0] != became[0]:
            continue
        if was in old and was not in new and became in new and became not in old:
            found.append((was[0], was[1], became[1]))
    return found


def _relinked(data: Any, renames: Renames) -> Any:
    """`data` as it was at BASE with every reference to a renamed record rewritten (what `rename` does)."""
    data = copy.deepcopy(data)
    for folder, old_id, new_id in renames:
        if folder not in _KIND_OF:
            continue
        for path in list(ref_paths(data, REF_FIELDS[_KIND_OF[folder]], old_id)):
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = new_id
    return _rewrite_texts(data, renames)


def _rewrite_texts(data: Any, renames: Renames) -> Any:
    if isinstance(data, str):
        for folder, old_id, new_id in renames:
            if folder in _KIND_OF:
                data = rewrite_inline(data, _KIND_OF[folder], old_id, new_id)[0]
        return data
    if isinstance(data, dict):
        return {k: _rewrite_texts(v, renames) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(_rewrite_texts(v, renames) for v in data)
    return data


def compare(project: Path, base: str, content: Content | None) -> list[Change]:
    """Every record that differs between `base` and the working tree, with the pages it touches.

    `content` is the validated working tree; without it (errors) the pages
    that merely mention a record cannot be listed.
    """
    with tempfile.TemporaryDirectory(prefix="explainer-diff-") as tmp:
        old_content = base_content(project, base, Path(tmp))
        old_tree, _ = load_tree(old_content)
        old = _records(old_tree)
        redirects_before, _ = load_redirects(old_content)
    new_tree, _ = load_tree(project / "content")
    new = _records(new_tree)
    redirects_now, _ = load_redirects(project / "content")
    renames = _renames(redirects_before, redirects_now, old, new)
    moved = {(folder, new_id): old_id for folder, old_id, new_id in renames}
    gone = {(folder, old_id) for folder, old_id, _ in renames}
    index = build_index(content) if content is not None else None
    changes: list[Change] = []
    for key in sorted({*old, *new}):
        folder, rid = key
        if key in gone or (key in old and key in new and old[key] == new[key]):
            continue
        before = old.get((folder, moved[key])) if key in moved else old.get(key)
        if key in moved:
            status = "renamed"
        elif key not in old:
            status = "added"
        elif key not in new:
            status = "removed"
        else:
            # References rewritten by a rename are not a change of this record (no `updated:` asked).
            status = "relinked" if renames and _relinked(before, renames) == new[key] else "changed"
        change = Change(folder, rid, status, _fields(_relinked(before, renames) if renames else before, new.get(key)))
        change.previous = moved.get(key)
        pages = set(_own_pages(folder, rid, before)) | set(_own_pages(folder, rid, new.get(key)))
        if change.previous is not None:
            pages |= set(_own_pages(folder, change.previous, before))
        if index is not None and folder in SINGULAR:
            refs = set(index.mentions.get((folder, rid), []))
            refs |= set(index.cited_by.get(rid, [])) if folder == "sources" else set()
            for ref_folder, ref_id in refs:
                pages |= set(_own_pages(ref_folder, ref_id, new.get((ref_folder, ref_id)))[:1])
        change.pages = sorted(pages)
        changes.append(change)
    return changes


def _page(path: str) -> str:
    return f"`/{path}`"


def report(changes: list[Change], base: str, languages: list[str]) -> str:
    """The Markdown comment: a count, one section per status, the pages to review."""
    lines = [MARKER, f"### Content changes since `{base}`", ""]
    if not changes:
        return "\n".join([*lines, "No record, page or site setting changed.", ""])
    statuses = ("added", "changed", "renamed", "removed")
    counts = {s: sum(c.status == s for c in changes) for s in statuses if s != "renamed" or any_renamed(changes)}
    lines += [", ".join(f"**{n}** {s}" for s, n in counts.items()), ""]
    for status in statuses:
        rows = [c for c in changes if c.status == status]
        if not rows:
            continue
        lines += [f"#### {status.capitalize()}", ""]
        for c in rows:
            what = SINGULAR.get(c.folder, "page" if c.folder == "pages" else "site settings")
            name = "`content/site.yml`" if c.folder == "site" else f"{what} `{c.id}`"
            if c.previous is not None:
                name = f"{what} `{c.previous}` → `{c.id}` (redirect kept)"
            fields = f": {', '.join(f'`{f}`' for f in c.fields)}" if status != "added" and c.fields else ""
            lines.append(f"- {name}{fields}")
            if c.pages:
                lines.append(f"  - pages: {', '.join(_page(p) for p in c.pages)}")
        if status == "renamed":
            relinked = [f"{SINGULAR.get(c.folder, c.folder)} `{c.id}`" for c in changes if c.status == "relinked"]
            if relinked:
                lines.append(f"- references rewritten by the rename, nothing else changed: {', '.join(relinked)}")
        lines.append("")
    others = [f"`/{lang}/`" for lang in languages[1:]]
    if others:
        lines += [f"Each page also exists under {', '.join(others)}.", ""]
    return "\n".join(lines)


def any_renamed(changes: list[Change]) -> bool:
    return any(c.status == "renamed" for c in changes)


HISTORY_FIELDS = {"added", "updated", "corrections"}


def stale_updates(project: Path, base: str) -> list[Problem]:
    """Records whose text, dates or sources changed since `base` while `updated` stayed put.

    Why: readers rely on "last updated"; the pull-request check reminds the
    editor on the changed file instead of trusting memory.
    """
    changes = compare(project, base, None)
    new_tree, _ = load_tree(project / "content")
    docs = {
        (folder, doc.path.rsplit("/", 1)[-1].removesuffix(".yml")): doc
        for folder, items in new_tree.docs.items()
        for doc in items
    }
    found: list[Problem] = []
    for change in changes:
        doc = docs.get((change.folder, change.id))
        if change.status not in ("changed", "renamed") or doc is None:
            continue
        substantive = [f for f in change.fields if f not in HISTORY_FIELDS]
        if not substantive or "updated" in change.fields:
            continue
        line, col = doc.key_pos(("updated",)) if isinstance(doc.data, dict) and "updated" in doc.data else (1, 1)
        found.append(
            warning(
                doc.path,
                line,
                col,
                "updated-not-moved",
                f"{', '.join(substantive)} changed since {base} but 'updated' did not move; set it to today's date",
            )
        )
    return found


def diff_report(project: Path, base: str) -> str:
    """`explainer diff BASE` output."""
    content, _ = check(project)
    changes = compare(project, base, content)
    return report(changes, base, content.languages if content is not None else [])


__all__ = ["MARKER", "Change", "DiffError", "compare", "diff_report", "report", "stale_updates"]
