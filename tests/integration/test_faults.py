"""A team's project folder under faults, with real processes: two writers, kills, Ctrl-C, a full or read-only
disk, a file deleted mid-build, a build beside the live preview, a builder that fails.

After each: `site/` and `generated/` are whole (the previous build or the new one, never a mix), the next
command cleans up and succeeds, and the user reads one line, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHANGED = 'date: "2025-11"\ntitle: {en: "Changed", es: "Cambiado"}\nsummary: {en: "x", es: "y"}\nsources: [news-two]\n'
EVENT = Path("content") / "events" / "2025-11.yml"
EVENT_PAGE = Path("events") / "2025-11" / "index.html"


def _cmd(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--project", str(project), *args]


def _run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(project, *args), capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )


def _start(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """A command in its own process group (as a terminal runs it), its output captured."""
    return subprocess.Popen(
        _cmd(project, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _when(found: object, timeout: float = 120) -> None:
    """Wait until `found()` is true."""
    deadline = time.monotonic() + timeout
    while not found():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the moment to act never came"
        time.sleep(0.01)


def _building(project: Path) -> bool:
    """True once MkDocs writes into a staging folder: the pages were generated, the site is being built."""
    return bool(list(project.glob(".site-new-*/*")))


def _leftovers(project: Path) -> list[str]:
    state = project / ".explainer"
    journals = [p.name for p in state.glob("commit-*")] if state.is_dir() else []
    return [p.name for p in project.iterdir() if p.name.startswith((".site-", ".generated-"))] + journals


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture
def built(small_project: Path) -> Path:
    """The small project built once, then its event changed: the next build has something new to write."""
    assert _run(small_project, "build").returncode == 0
    (small_project / EVENT).write_text(CHANGED)
    return small_project


def test_a_second_build_waits_for_the_first_and_both_succeed(built: Path) -> None:
    first = _start(built, "build")
    _when(lambda: _building(built))
    second = _run(built, "build")
    assert first.wait(timeout=300) == 0 and second.returncode == 0, second.stderr
    assert "explainer: waiting for the build started at " in second.stderr
    assert f"by pid {first.pid} (it is writing generated/ and site/)" in second.stderr
    assert "Traceback" not in second.stderr + first.communicate()[1]
    assert "Changed" in (built / "site" / EVENT_PAGE).read_text()
    assert _leftovers(built) == []


def test_no_wait_refuses_at_once_and_changes_nothing(built: Path) -> None:
    site = _tree(built / "site")
    first = _start(built, "build")
    _when(lambda: _building(built))
    refused = _run(built, "generate", "--no-wait")
    line = _one_line(refused.stderr)
    assert refused.returncode == 1
    assert line.startswith("explainer: error: the build started at ") and f"by pid {first.pid} is still writing" in line
    first.communicate(timeout=300)
    assert first.returncode == 0 and _tree(built / "site") != site


@pytest.mark.parametrize("point", ["render", "mkdocs"])
def test_a_build_killed_leaves_the_previous_output_and_the_next_one_cleans_up(built: Path, point: str) -> None:
    site, generated = _tree(built / "site"), _tree(built / "generated")
    proc = _start(built, "build")
    if point == "render":
        _when(lambda: bool(list(built.glob(".generated-new-*"))))
    else:
        _when(lambda: _building(built))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert _tree(built / "site") == site and _tree(built / "generated") == generated
    again = _run(built, "build")
    assert again.returncode == 0, again.stderr
    assert _leftovers(built) == []
    assert "Changed" in (built / "site" / EVENT_PAGE).read_text()


def test_a_build_killed_between_its_two_swaps_is_finished_by_the_next_command(built: Path) -> None:
    killed = _run(built, "build", env={"EXPLAINER_KILL_AT": "swap"})
    assert killed.returncode == -signal.SIGKILL
    assert "Changed" not in (built / "site" / EVENT_PAGE).read_text()  # new pages, old site: the moment it died
    (built / EVENT).write_text(CHANGED.replace("Changed", "Later"))
    after = _run(built, "generate")  # any writer takes the lock, then finishes the killed run's swaps
    assert after.returncode == 0, after.stderr
    assert "Changed" in (built / "site" / EVENT_PAGE).read_text()  # the killed build's site, whole
    assert _leftovers(built) == []


def test_ctrl_c_prints_one_line_and_keeps_the_previous_output(built: Path) -> None:
    site = _tree(built / "site")
    proc = _start(built, "build")
    _when(lambda: _building(built))
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group, MkDocs included
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert _one_line(stderr) == "explainer: interrupted; generated/ and site/ hold the last complete build"
    assert _tree(built / "site") == site
    assert _leftovers(built) == []


def test_sigterm_stops_the_builders_too(built: Path) -> None:
    """A cancelled CI job signals the command only; its MkDocs processes must not go on writing."""
    site = _tree(built / "site")
    proc = _start(built, "build")
    _when(lambda: _building(built))
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert _one_line(stderr).startswith("explainer: interrupted")
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # nothing of the build runs any more
    assert _tree(built / "site") == site and _leftovers(built) == []


def test_a_content_file_deleted_mid_build_builds_the_snapshot_that_was_validated(built: Path) -> None:
    proc = _start(built, "build")
    _when(lambda: _building(built))
    (built / EVENT).unlink()
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert "Changed" in (built / "site" / EVENT_PAGE).read_text()
    assert _run(built, "build").returncode == 0
    assert not (built / "site" / EVENT_PAGE).exists()  # the next build sees the deletion


def test_a_builder_failure_names_the_edition_the_cause_and_the_log(built: Path) -> None:
    (built / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ x( }}{% endblock %}\n'
    )
    site = _tree(built / "site")
    failed = _run(built, "build")
    line = _one_line(failed.stderr)
    assert failed.returncode == 1
    assert line.startswith("explainer: error: the en edition did not build (mkdocs.en.yml): ")
    assert "TemplateSyntaxError" in line
    log = line.rsplit("; full log: ", 1)[1]
    assert "Traceback" in Path(log if os.path.isabs(log) else built / log).read_text()
    assert _tree(built / "site") == site and _leftovers(built) == []


def _namespace() -> str | None:
    """Why a private mount cannot be made here, or None (an unprivileged user and mount namespace)."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"this machine allows no private tmpfs mount ({probe.stderr.strip() or probe.returncode})"
    return None


def _in_small_disk(project: Path, mount: Path, options: str, script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell `script` with a tmpfs mounted at `mount` (only this process sees it); $E runs explainer."""
    reason = _namespace()
    if reason:
        pytest.skip(reason)
    mount.mkdir()
    explainer = " ".join(_cmd(project))
    full = f'mount -t tmpfs -o {options} none "{mount}" && E="{explainer}" && {script}'
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", full],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_full_disk_is_one_line_and_the_previous_site_stays(built: Path, tmp_path: Path) -> None:
    """The small site is about 7 MB: a 10 MB disk holds it, but not a second one staged beside it."""
    disk, out = tmp_path / "disk", tmp_path / "out"
    out.mkdir()
    run = _in_small_disk(
        built,
        disk,
        "size=10m",
        f'$E build --site-dir "{disk}/site" 2>/dev/null && cp -r "{disk}/site" "{out}/first"'
        f' && $E build --site-dir "{disk}/site" 2>"{out}/err"; echo $? >"{out}/code";'
        f' cp -r "{disk}/site" "{out}/after"; ls -A "{disk}" >"{out}/left"',
    )
    assert (out / "code").is_file(), run.stderr
    assert (out / "code").read_text().strip() == "1"
    line = _one_line((out / "err").read_text())
    assert line.startswith("explainer: error: no space left on the device writing ")
    assert line.endswith(": free some space and run again; the previous generated/ and site/ are unchanged")
    assert _tree(out / "after") == _tree(out / "first")
    assert (out / "left").read_text().split() == ["site"]


def test_a_read_only_folder_is_one_line_and_the_site_stays(built: Path, tmp_path: Path) -> None:
    disk, out = tmp_path / "disk", tmp_path / "out"
    out.mkdir()
    _in_small_disk(
        built,
        disk,
        "size=20m",
        f'$E build --site-dir "{disk}/site" 2>/dev/null && mount -o remount,ro "{disk}"'
        f' && $E build --site-dir "{disk}/site" 2>"{out}/err"; echo $? >"{out}/code"',
    )
    assert (out / "code").read_text().strip() == "1"
    line = _one_line((out / "err").read_text())
    assert line.startswith("explainer: error: the folder is on a read-only file system writing ")
    assert "--site-dir" in line


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def test_a_build_beside_the_preview_leaves_it_working(built: Path) -> None:
    address = f"127.0.0.1:{_free_port()}"
    page = f"http://{address}/{EVENT_PAGE.parent.as_posix()}/"
    serve = _start(built, "serve", "--dev-addr", address)
    try:
        _when(lambda: "Changed" in _page(page), timeout=120)
        twin = _run(built, "serve", "--dev-addr", address)
        assert twin.returncode == 1
        assert f"by pid {serve.pid} is still running on this address" in _one_line(twin.stderr)
        build = _run(built, "build")
        assert build.returncode == 0, build.stderr
        assert address not in (built / "generated" / "mkdocs.en.yml").read_text()  # the build's own pages
        assert address not in (built / "site" / "index.html").read_text()
        (built / EVENT).write_text(CHANGED.replace("Changed", "After the build"))
        _when(lambda: "After the build" in _page(page), timeout=120)
        assert serve.poll() is None
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.communicate(timeout=30)
