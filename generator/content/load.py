"""Read the `content/` folder: site.yml, one folder per kind, prose pages, within limits.

Why: the tree is read whole before anything is checked, so one run names every
problem; files are read safely (size, encoding, no symbolic links), cached while
unchanged for the live preview, and parsed by forked workers when there are many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import workers
from ..problems import Problem, error
from .yaml_reader import RawDoc, parse_text

MAX_FILE_BYTES = 512 * 1024
"""Largest content file accepted; a record is a few kilobytes."""
MAX_FILES = 100_000
"""Most content files accepted in one tree."""


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a leading byte-order mark is dropped); point at the first bad byte otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        msg = f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        return None, [error(path, line, column, "encoding", msg)]


_CACHE: dict[str, tuple[tuple[int, int, int], tuple[RawDoc | None, list[Problem]]]] = {}
"""Parsed files by path and (inode, size, mtime): the live preview re-reads only what was saved."""


def load_file(path: Path, display: str) -> tuple[RawDoc | None, list[Problem]]:
    """Read one content file safely: size limit, encoding, then YAML (cached while the file is unchanged)."""
    try:
        stat = path.lstat()
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = (0, 0, 0)
    key = f"{path}|{display}"
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp and stamp != (0, 0, 0):
        return cached[1]
    result = _load_file(path, display)
    _CACHE[key] = (stamp, result)
    return result


def _load_file(path: Path, display: str) -> tuple[RawDoc | None, list[Problem]]:
    try:
        if path.is_symlink():
            return None, [
                error(display, 1, 1, "symlink", "symbolic links are not allowed in content/; copy the file instead")
            ]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                error(display, 1, 1, "file-too-large", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(display, 1, 1, "unreadable", f"cannot read file: {exc.strerror}")]
    text, problems = _decode(raw, display)
    if text is None:
        return None, problems
    return parse_text(text, display)


def split_front_matter(text: str, path: str) -> tuple[RawDoc | None, str, list[Problem]]:
    """Split a prose page into its YAML front matter and Markdown body."""
    match = re.match(r"^---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.DOTALL)
    if not match:
        return None, text, [error(path, 1, 1, "front-matter", "a page starts with '---', a 'title:' line and '---'")]
    doc, problems = parse_text(match.group(1), path)
    if doc is not None:
        # Front matter starts on line 2 of the file.
        doc.positions = {k: (line + 1, col) for k, (line, col) in doc.positions.items()}
        doc.key_positions = {k: (line + 1, col) for k, (line, col) in doc.key_positions.items()}
    else:
        problems = [error(p.path, p.line + 1, p.column, p.code, p.message) for p in problems]
    body_line = match.group(0).count("\n")
    return doc, "\n" * body_line + text[match.end() :], problems


@dataclass
class RawPage:
    """A prose page file: `pages/<id>.md` (default language) or `pages/<id>.<lang>.md`."""

    id: str
    lang: str | None
    meta: RawDoc
    body: str


@dataclass
class RawTree:
    """Every content file read, before validation."""

    root: Path
    site: RawDoc | None = None
    docs: dict[str, list[RawDoc]] = field(default_factory=dict)
    pages: list[RawPage] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)
    """Ids of every .yml file found per folder, even those that failed to parse (for reference checks)."""
    unread: set[str] = field(default_factory=set)
    """Id-like words of the files that failed to parse: the ids they may cite are not reported as unused."""


FOLDERS = ("sources", "actors", "events", "legal", "questions")


def rel(path: Path, root: Path) -> str:
    """Display path: relative to the project when possible (what editors see in their tree)."""
    base = root.parent
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_tree(root: Path, parallel: bool = False) -> tuple[RawTree, list[Problem]]:
    """Read `content/`: site.yml, one folder per kind, prose pages. Files are read in sorted order.

    With `parallel`, many files are parsed by forked workers: only for callers that run no other
    threads (the command line, not the live preview inside `mkdocs serve`).
    """
    tree = RawTree(root)
    problems: list[Problem] = []
    if not root.is_dir():
        return tree, [error(root.as_posix(), 1, 1, "no-content", "content folder not found")]
    site = root / "site.yml"
    if site.exists():
        tree.site, found = load_file(site, rel(site, root))
        problems += found
    else:
        problems.append(error(rel(site, root), 1, 1, "missing-file", "content/site.yml is required"))
    count = 0
    wanted: list[tuple[str, Path, str]] = []
    for entry in sorted(root.iterdir()):
        name = entry.name
        shown = rel(entry, root)
        if name.startswith(".") or name in ("site.yml", "redirects.yml"):
            continue
        if entry.is_symlink():
            problems.append(error(shown, 1, 1, "symlink", "symbolic links are not allowed in content/"))
        elif entry.is_dir() and name in FOLDERS:
            for path in sorted(entry.iterdir()):
                count += 1
                if count > MAX_FILES:
                    problems.append(
                        error(rel(path, root), 1, 1, "too-many-files", f"more than {MAX_FILES} content files")
                    )
                    return tree, problems
                shown_file = rel(path, root)
                if path.name.startswith("."):
                    continue
                if path.suffix != ".yml" or path.is_dir():
                    hint = " (rename it to .yml)" if path.suffix == ".yaml" else ""
                    problems.append(
                        error(shown_file, 1, 1, "unexpected-file", f"only .yml files belong in content/{name}/{hint}")
                    )
                    continue
                tree.names.setdefault(name, set()).add(path.stem)
                wanted.append((name, path, shown_file))
            tree.docs[name] = []
        elif entry.is_dir() and name == "pages":
            for path in sorted(entry.iterdir()):
                shown_file = rel(path, root)
                if path.name.startswith("."):
                    continue
                if path.suffix != ".md" or path.is_symlink() or path.is_dir():
                    problems.append(
                        error(shown_file, 1, 1, "unexpected-file", "only .md files belong in content/pages/ (no links)")
                    )
                    continue
                stem = path.stem
                pid, _, lang = stem.partition(".")
                raw = path.read_bytes()
                if len(raw) > MAX_FILE_BYTES:
                    problems.append(
                        error(
                            shown_file,
                            1,
                            1,
                            "file-too-large",
                            f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}",
                        )
                    )
                    continue
                text, found = _decode(raw, shown_file)
                problems += found
                if text is None:
                    continue
                meta, body, found = split_front_matter(text, shown_file)
                problems += found
                if meta is not None:
                    tree.pages.append(RawPage(pid, lang or None, meta, body))
        else:
            problems.append(
                error(
                    shown,
                    1,
                    1,
                    "unexpected-file",
                    f"content/ holds site.yml and the folders {', '.join(FOLDERS)}, pages",
                )
            )
    loaded = load_files([(path, shown) for _, path, shown in wanted], parallel)
    for (name, path, _), (doc, found) in zip(wanted, loaded, strict=True):
        problems += found
        if doc is not None:
            tree.docs[name].append(doc)
        else:
            tree.unread |= _words(path)
    for name in FOLDERS:
        tree.docs.setdefault(name, [])
    return tree, problems


def _words(path: Path) -> set[str]:
    """The id-like words of a file that could not be parsed (cheap: only broken files are read twice)."""
    try:
        with path.open("rb") as handle:
            text = handle.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return set()
    return set(re.findall(r"[a-z0-9][a-z0-9-]*", text))


def load_files(files: list[tuple[Path, str]], parallel: bool = False) -> list[tuple[RawDoc | None, list[Problem]]]:
    """`load_file` for each (path, display path), in order; with `parallel`, many are shared with forked workers.

    Why: parsing is most of loading (2 s for the 14,000 files of 10,000 events) and
    each file stands alone. This process parses the first share while the workers
    parse the others and send them back pickled.
    """
    count = min(workers.jobs(len(files), workers.cpus()), len(files)) if parallel else 1
    if count <= 1:
        return _load_share(files)
    size = -(-len(files) // count)
    shares = [files[start : start + size] for start in range(0, len(files), size)]
    with workers.pool(len(shares) - 1) as pool:
        others = pool.map_async(_load_share, shares[1:], chunksize=1)
        results = _load_share(shares[0])
        for share in others.get():
            results += share
    return results


def _load_share(files: list[tuple[Path, str]]) -> list[tuple[RawDoc | None, list[Problem]]]:
    return [load_file(path, shown) for path, shown in files]
