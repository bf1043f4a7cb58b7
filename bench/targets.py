"""The figures of the performance issue and its targets: rebuild after one event, the preview's edit, first search.

Why a module of its own: `bench/run.py` measures the generator; these measure what a
newsroom waits for (a build after one new or changed event, a saved edit showing in
`explainer serve`, what a reader downloads to search) and say whether each target holds.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

EXPLAINER = [sys.executable, "-m", "generator"]

TARGETS = {
    "build_over_parse": ("cold `explainer build` / parse floor", 40.0),
    "rebuild_changed_share": ("build after one changed event / cold build", 0.15),
    "rebuild_added_share": ("build after one new event / cold build", 0.15),
    "generate_share": ("`explainer generate` / cold build", 0.10),
    "serve_edit_over_parse": ("saved edit shown by `explainer serve` / parse floor", 1.5),
    "first_search_mb": ("a reader's first search, MB downloaded", 1.0),
    "largest_page_mb": ("largest HTML page, MB", 1.0),
}
"""Figure key -> (what it is, the most it may be). The 20,000 / 10,000 ratios must stay at most 2.2."""
SCALING = 2.2


def _title_line(text: str) -> re.Match[str]:
    found = re.search(r'(?m)^title:\n  en: "(?P<en>[^"]*)"', text)
    assert found, "no English title to edit"
    return found


def change_event(event: Path, mark: str) -> None:
    """A one-event edit, as an editor saves it: a new English title."""
    text = event.read_text(encoding="utf-8")
    found = _title_line(text)
    event.write_text(text[: found.start("en")] + mark + text[found.end("en") :], encoding="utf-8")


def add_event(project: Path, model: Path, eid: str) -> Path:
    """A new event: `model`'s file under a new id with its own title (so one more page and one more entry)."""
    new = project / "content" / "events" / f"{eid}.yml"
    new.write_text(model.read_text(encoding="utf-8"), encoding="utf-8")
    change_event(new, f"Added for the benchmark ({eid})")
    return new


def middle_event(project: Path) -> Path:
    events = sorted((project / "content" / "events").glob("*.yml"))
    return events[len(events) // 2]


def timed_build(project: Path, cwd: Path, env: dict[str, str], quiet: bool = True) -> float:
    """Wall seconds of one `explainer build` (fails loudly: a benchmark of a failed build is no figure)."""
    cmd = [*EXPLAINER, "--project", str(project), "build"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        msg = f"build failed ({proc.returncode}): {proc.stderr[-2000:]}"
        raise RuntimeError(msg)
    return wall


def rebuilds(project: Path, cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Build after one changed event, then after one new event (the cold build ran just before)."""
    event = middle_event(project)
    change_event(event, "Changed for the benchmark")
    changed = timed_build(project, cwd, env)
    add_event(project, event, "2099-01-01-bench-added")
    added = timed_build(project, cwd, env)
    return {"changed_seconds": changed, "added_seconds": added}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _until(found: object, timeout: float) -> float:
    start = time.perf_counter()
    while not found():  # type: ignore[operator]
        if time.perf_counter() - start > timeout:
            msg = "timed out"
            raise TimeoutError(msg)
        time.sleep(0.05)
    return time.perf_counter() - start


def serve_edit(project: Path, cwd: Path, env: dict[str, str], runs: int = 3, timeout: float = 900) -> dict[str, object]:
    """Seconds from saving a new event title to the served page showing it (median of `runs` saves)."""
    address = f"127.0.0.1:{_free_port()}"
    event = middle_event(project)
    url = f"http://{address}/events/{event.stem}/"
    cmd = [*EXPLAINER, "--project", str(project), "serve", "--dev-addr", address]
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        start_up = _until(lambda: "<h1" in _page(url), timeout)
        edits = []
        for number in range(runs):
            time.sleep(1.0)  # the watcher settles after the previous rebuild
            mark = f"Served edit {number} for the benchmark"
            change_event(event, mark)
            edits.append(_until(lambda m=mark: m in _page(url), timeout))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    return {"start_seconds": start_up, "edit_seconds": sorted(edits)[len(edits) // 2], "edit_runs": edits}


def first_search_bytes(site: Path, lang: str = "en") -> int:
    """What a reader's browser downloads to run their first search on one edition.

    Material's lunr search: the whole `search/search_index.json`, the search worker and,
    for a language other than English, lunr's stemmer files for it.
    """
    root = site if lang == "en" else site / lang
    total = (root / "search" / "search_index.json").stat().st_size
    scripts = site / "assets" / "javascripts"
    total += sum(p.stat().st_size for p in (scripts / "workers").glob("search.*.min.js"))
    if lang != "en":
        for name in ("lunr.stemmer.support.min.js", f"lunr.{lang}.min.js", "lunr.multi.min.js"):
            path = scripts / "lunr" / "min" / name
            total += path.stat().st_size if path.is_file() else 0
    return total


def figures(size: dict[str, object]) -> dict[str, float]:
    """The target figures of one size's results (only those measured)."""
    out: dict[str, float] = {}
    floor = size["parse_floor"]["seconds"]  # type: ignore[index]
    build = size.get("build") or {}
    cold = build.get("wall") if build.get("rc") == 0 else None  # type: ignore[union-attr]
    if cold:
        out["build_over_parse"] = cold / floor
        out["generate_share"] = size["generate"]["seconds"] / cold  # type: ignore[index]
        again = size.get("rebuild") or {}
        if again:
            out["rebuild_changed_share"] = again["changed_seconds"] / cold  # type: ignore[index]
            out["rebuild_added_share"] = again["added_seconds"] / cold  # type: ignore[index]
    served = size.get("serve") or {}
    if served:
        out["serve_edit_over_parse"] = served["edit_seconds"] / floor  # type: ignore[index]
    site = size.get("site") or {}
    if site:
        out["first_search_mb"] = max(site["first_search_bytes"].values()) / 1e6  # type: ignore[index,union-attr]
        out["largest_page_mb"] = site["largest"][0]["bytes"] / 1e6  # type: ignore[index]
    return out


def verdicts(sizes: list[dict[str, object]]) -> list[str]:
    """One line per target and size, `ok` or `MISSED`, then the 20,000 / 10,000 ratios of the timed figures."""
    lines = []
    by_size = {int(s["events"]): figures(s) for s in sizes}  # type: ignore[call-overload]
    for key, (what, most) in TARGETS.items():
        for n, found in sorted(by_size.items()):
            if key in found:
                mark = "ok" if found[key] <= most else "MISSED"
                lines.append(f"{mark:6} {n:>6} events  {what}: {found[key]:.3g} (at most {most:g})")
    raw = {int(s["events"]): s for s in sizes}  # type: ignore[call-overload]
    if 10000 in raw and 20000 in raw:
        for name, pick in _SCALED.items():
            small, big = pick(raw[10000]), pick(raw[20000])
            if small and big:
                ratio = big / small
                mark = "ok" if ratio <= SCALING else "MISSED"
                lines.append(f"{mark:6} 20000/10000  {name}: {ratio:.2f} (at most {SCALING:g})")
    return lines


def _get(*keys: str) -> object:
    def pick(size: dict[str, object]) -> float | None:
        value: object = size
        for key in keys:
            if not isinstance(value, dict) or value.get(key) is None:
                return None
            value = value[key]
        return float(value)  # type: ignore[arg-type]

    return pick


_SCALED = {
    "cold build": _get("build", "wall"),
    "build after one changed event": _get("rebuild", "changed_seconds"),
    "build after one new event": _get("rebuild", "added_seconds"),
    "generate": _get("generate", "seconds"),
    "serve edit": _get("serve", "edit_seconds"),
}
