"""Performance benchmark of the generator: parse floor, validate, generate, build, memory, output size.

Run from the repository root:

    python -m bench.run                      # sizes 1000 5000 10000 20000, builds up to 10000
    python -m bench.run --quick              # 1000 events only
    python -m bench.run --sizes 1000 5000 --build-max 5000

Every measurement runs in a fresh child process (so imports, caches and peak
memory are per measurement). Writes bench/out/results.json and prints a
Markdown table. See bench/README.md for the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import targets  # noqa: E402
from bench.make_content import make  # noqa: E402

PY = sys.executable
EXPLAINER = [PY, "-m", "generator"]
SRC = REPO
"""Where the code under test comes from: the repository, or a frozen snapshot of it (see --snapshot)."""
SIZES = (1000, 5000, 10000, 20000)
ZVENV = Path("/work/zvenv")

# --- child-process snippets (each prints one JSON line) -------------------------

PARSE_FLOOR = r"""
import json, sys, time, resource, yaml
from pathlib import Path
root = Path(sys.argv[1]) / "content"
files = sorted(p for p in root.rglob("*.yml"))
t = time.perf_counter()
total = 0
for p in files:
    raw = p.read_bytes()
    total += len(raw)
    yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader)
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "files": len(files), "bytes": total,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

GENERATE = r"""
import json, sys, time, resource
from pathlib import Path
t0 = time.perf_counter()
from generator.pipeline import generate
t_import = time.perf_counter() - t0
project, out = Path(sys.argv[1]), Path(sys.argv[2])
t = time.perf_counter()
r = generate(project, out=out)
dt = time.perf_counter() - t
# Peak RSS: the larger of this process and its largest forked worker (loading and rendering fork on big content).
print(json.dumps({"seconds": dt, "import_seconds": t_import, "pages": r.pages, "changed": r.changed,
                  "problems": len(r.problems),
                  "maxrss_kb": max(resource.getrusage(w).ru_maxrss
                                   for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))}))
"""

PHASES = r"""
import json, sys, time, resource
from pathlib import Path
from generator.content.load import load_tree
from generator.content.validate import validate
from generator.render.i18n import SUPPORTED
from generator.pipeline import stage_all, collector_paused
from generator.output.staging import commit_tree
project, out = Path(sys.argv[1]), Path(sys.argv[2])
ph = {}
paused = collector_paused()  # as generate() does
paused.__enter__()
t = time.perf_counter(); tree, probs = load_tree(project / "content", parallel=True); ph["load"] = time.perf_counter() - t
# validate() = models + cross-record checks; time the checks separately by patching.
import generator.content.validate as validate_mod
orig = validate_mod.check_content
acc = {"checks": 0.0}
def timed(*args):
    t1 = time.perf_counter()
    try:
        return orig(*args)
    finally:
        acc["checks"] += time.perf_counter() - t1
validate_mod.check_content = timed
t = time.perf_counter(); content, found = validate(tree, SUPPORTED); v = time.perf_counter() - t
ph["models"] = v - acc["checks"]; ph["checks"] = acc["checks"]
# Rendering and writing overlap: on large content each edition's worker writes its own files.
t = time.perf_counter(); folder, count, changed, removed = stage_all(project, content, out)
ph["render+write"] = time.perf_counter() - t
t = time.perf_counter(); commit_tree(folder, out); ph["swap"] = time.perf_counter() - t
paused.__exit__(None, None, None)
sizes = sorted(((p.stat().st_size, p.relative_to(out).as_posix()) for p in out.rglob("*") if p.is_file()),
               reverse=True)[:5]
print(json.dumps({"phases": ph, "files": count, "largest_md": sizes,
                  "maxrss_kb": max(resource.getrusage(w).ru_maxrss
                                   for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))}))
"""

INCREMENTAL = r"""
import json, re, sys, time
from pathlib import Path
from generator.pipeline import generate
project = Path(sys.argv[1])
event = Path(sys.argv[2])
# atomic=False is the live-preview path (the MkDocs hook under `explainer serve`): in-place writes and
# reuse of the pages no changed record can affect.
t = time.perf_counter(); r1 = generate(project, atomic=False); first = time.perf_counter() - t
t = time.perf_counter(); r0 = generate(project, atomic=False); noop = time.perf_counter() - t
original = event.read_text(encoding="utf-8")
edits = []
for i in range(5):
    # Five saves of the same file with different text, as an editor typing: the median is reported.
    mark = f"(Edited for the benchmark, {i}.) "
    new, n = re.subn(r'(summary:\s*\n\s*en:\s*")', r'\g<1>' + mark, original, count=1)
    if not n:
        new, n = re.subn(r'(summary:\s*")', r'\g<1>' + mark, original, count=1)
    assert n, "could not find an English summary to edit"
    event.write_text(new, encoding="utf-8")
    t = time.perf_counter(); r2 = generate(project, atomic=False); edits.append(time.perf_counter() - t)
print(json.dumps({"first_seconds": first, "first_changed": r1.changed, "noop_seconds": noop, "noop_changed": r0.changed,
                  "edit_seconds": sorted(edits)[len(edits) // 2], "edit_runs": edits, "edit_changed": r2.changed,
                  "pages": r2.pages, "event": event.name}))
"""


def run_child(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> dict:
    """Run a command; return wall time, exit code and output."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    return {"wall": wall, "rc": proc.returncode, "stdout": out, "stderr": err}


def child_env() -> dict[str, str]:
    """Children import `generator` from SRC first (a snapshot shadows the editable install)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> dict:
    """Like run_child, but reaps with os.wait4 to get the peak RSS of the process tree (kB on Linux)."""
    env = env or child_env()
    with tempfile.TemporaryFile("w+") as fout, tempfile.TemporaryFile("w+") as ferr:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fout, stderr=ferr, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        return {
            "wall": wall,
            "rc": proc.returncode,
            "stdout": fout.read(),
            "stderr": ferr.read(),
            "maxrss_kb": usage.ru_maxrss,
        }


def child_json(snippet: str, *args: str, cwd: Path | None = None) -> dict:
    res = run_measured([PY, "-c", snippet, *args], cwd=cwd or SRC)
    if res["rc"] != 0:
        raise RuntimeError(f"child failed ({res['rc']}):\n{res['stderr'][-3000:]}")
    data = json.loads(res["stdout"].strip().splitlines()[-1])
    data["wall"] = res["wall"]
    data["tree_maxrss_kb"] = res["maxrss_kb"]
    return data


def scaffold(project: Path) -> None:
    """What a build needs besides content/: the shared mkdocs.yml and overrides/ (the plugin is installed)."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SRC / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(SRC / "overrides", project / "overrides", dirs_exist_ok=True)


def site_stats(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html")]
    sizes = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in pages]
    sizes.sort(reverse=True)
    index = {}
    for rel in ("search/search_index.json", "es/search/search_index.json"):
        f = site / rel
        index[rel] = f.stat().st_size if f.exists() else None
    return {
        "html_pages": len(pages),
        "html_bytes": sum(s for s, _ in sizes),
        "largest": [{"path": p, "bytes": s} for s, p in sizes[:5]],
        "over_1mb": sum(1 for s, _ in sizes if s > 1_000_000),
        "search_index_bytes": index,
        "first_search_bytes": {
            lang: targets.first_search_bytes(site, lang)
            for lang in ("en", "es")
            if (site / ("" if lang == "en" else lang)).is_dir()
        },
        "site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
    }


def bench_size(n: int, work: Path, build: bool, log, rebuild: bool = True, serve: bool = True) -> dict:
    project = work / f"p{n}"
    if project.exists():
        shutil.rmtree(project)
    scaffold(project)
    t = time.perf_counter()
    counts = make(project, n)
    res: dict = {
        "events": n,
        "content": counts,
        "make_seconds": time.perf_counter() - t,
        "loadavg_at_start": os.getloadavg(),
    }
    log(f"[{n}] content: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB")

    # Best of two for the floor and of three for generate: a slow run is noise (creating the same 28,000
    # files took from 1.3 to 9.4 s on these VMs, minutes apart), while the best run is what the code costs.
    floors = [child_json(PARSE_FLOOR, str(project)) for _ in range(2)]
    res["parse_floor"] = min(floors, key=lambda f: f["seconds"])
    res["parse_floor_runs"] = [f["seconds"] for f in floors]
    log(f"[{n}] parse floor (CSafeLoader): {res['parse_floor']['seconds']:.2f} s")

    v = run_measured([*EXPLAINER, "--project", str(project), "validate"], cwd=work)
    res["validate"] = {
        "wall": v["wall"],
        "rc": v["rc"],
        "maxrss_kb": v["maxrss_kb"],
        "output_lines": len(v["stdout"].splitlines()),
        "stderr_tail": v["stderr"][-500:],
    }
    if v["rc"] != 0 or v["stdout"].strip():
        log(f"[{n}] validate reported problems:\n{v['stdout'][:2000]}")
    log(f"[{n}] validate: {v['wall']:.2f} s wall (rc {v['rc']})")

    runs = []
    for attempt in range(3):
        gen_out = work / f"gen{n}-{attempt}"
        shutil.rmtree(gen_out, ignore_errors=True)
        runs.append(child_json(GENERATE, str(project), str(gen_out)))
    res["generate"] = min(runs, key=lambda r: r["seconds"])
    res["generate_runs"] = [r["seconds"] for r in runs]
    log(
        f"[{n}] generate: {res['generate']['seconds']:.2f} s in-process, peak RSS {res['generate']['maxrss_kb'] / 1024:.0f} MB"
    )

    ph_out = work / f"ph{n}"
    shutil.rmtree(ph_out, ignore_errors=True)
    res["phases"] = child_json(PHASES, str(project), str(ph_out))
    log(f"[{n}] phases: " + ", ".join(f"{k} {v:.2f}" for k, v in res["phases"]["phases"].items()))

    if build:
        b = run_measured([*EXPLAINER, "--project", str(project), "build"], cwd=work)
        res["build"] = {
            "wall": b["wall"],
            "rc": b["rc"],
            "maxrss_kb": b["maxrss_kb"],
            "stderr_tail": b["stderr"][-1500:],
        }
        log(f"[{n}] build: {b['wall']:.1f} s (rc {b['rc']}), peak RSS {b['maxrss_kb'] / 1024:.0f} MB")
        if b["rc"] == 0:
            res["site"] = site_stats(project / "site")
            log(f"[{n}] site: {res['site']['html_pages']} pages, largest {res['site']['largest'][0]}")
            if rebuild:
                res["rebuild"] = targets.rebuilds(project, work, child_env())
                log(
                    f"[{n}] build after one changed event {res['rebuild']['changed_seconds']:.1f} s, "
                    f"after one new event {res['rebuild']['added_seconds']:.1f} s"
                )
    else:
        res["build"] = None
    if serve:
        res["serve"] = targets.serve_edit(project, work, child_env())
        log(
            f"[{n}] serve: up in {res['serve']['start_seconds']:.1f} s, "
            f"a saved edit shown in {res['serve']['edit_seconds']:.2f} s (median of 3)"
        )
    res["loadavg_at_end"] = os.getloadavg()
    return res


def bench_incremental(work: Path, log) -> dict:
    project = work / "real"
    if project.exists():
        shutil.rmtree(project)
    scaffold(project)
    shutil.copytree(SRC / "content", project / "content")
    events = sorted((project / "content" / "events").glob("*.yml"))
    event = events[len(events) // 2]
    data = child_json(INCREMENTAL, str(project), str(event))
    # A cold `explainer generate` after one more edit: what an editor running the CLI waits for.
    text = event.read_text(encoding="utf-8")
    event.write_text(
        text.replace("(Edited for the benchmark, 4.)", "(Edited again for the benchmark.)", 1), encoding="utf-8"
    )
    cold = run_measured([*EXPLAINER, "--project", str(project), "generate"], cwd=work)
    data["cli_edit_wall"] = cold["wall"]
    data["cli_rc"] = cold["rc"]
    data["cli_stderr"] = cold["stderr"].strip().splitlines()[-1:] if cold["stderr"] else []
    log(
        f"[real] incremental: first {data['first_seconds']:.2f} s, no-op {data['noop_seconds']:.2f} s, "
        f"after edit (median of 5) {data['edit_seconds']:.3f} s ({data['edit_changed']} files rewritten), CLI {cold['wall']:.2f} s"
    )
    return data


def bench_zensical(work: Path, n: int, log) -> dict:
    """Build the English edition of the size-n synthetic project with Zensical (separate venv)."""
    info: dict = {"events": n}
    zbin = ZVENV / "bin" / "zensical"
    if not zbin.exists():
        r = run_child([sys.executable, "-m", "venv", str(ZVENV)])
        r = run_child([str(ZVENV / "bin" / "pip"), "install", "-q", "zensical"])
        info["install_rc"] = r["rc"]
        if r["rc"] != 0 or not zbin.exists():
            info["error"] = "pip install zensical failed: " + r["stderr"][-1500:]
            return info
    ver = run_child([str(zbin), "--version"])
    info["version"] = ver["stdout"].strip()
    project = work / f"p{n}"
    if not (project / "generated" / "en").is_dir():
        if not project.exists():
            scaffold(project)
            make(project, n)
        run_child([*EXPLAINER, "--project", str(project), "generate"], cwd=work, env=child_env())
    # The repository's mkdocs.yml already builds generated/en into site/; point it at a separate site dir.
    text = (SRC / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_dir:.*$", "site_dir: site-zensical", text)
    cfg = project / "mkdocs.zensical.yml"
    cfg.write_text(text, encoding="utf-8")
    shutil.rmtree(project / "site-zensical", ignore_errors=True)
    r = run_measured([str(zbin), "build", "-f", str(cfg)], cwd=project)
    info.update(
        {
            "as_is": {
                "wall": r["wall"],
                "rc": r["rc"],
                "maxrss_kb": r["maxrss_kb"],
                "tail": (r["stdout"] + "\n" + r["stderr"]).strip().splitlines()[-3:],
            }
        }
    )
    log(f"[zensical] as-is: rc {r['rc']} in {r['wall']:.1f} s: {info['as_is']['tail'][-1:]}")
    if r["rc"] != 0:
        # Retry without the custom sitemap template (Zensical's template engine is not Jinja-complete).
        ov = project / "overrides-zensical"
        shutil.rmtree(ov, ignore_errors=True)
        shutil.copytree(project / "overrides", ov)
        (ov / "sitemap.xml").unlink(missing_ok=True)
        cfg2 = project / "mkdocs.zensical-nositemap.yml"
        cfg2.write_text(text.replace("custom_dir: overrides", "custom_dir: overrides-zensical"), encoding="utf-8")
        shutil.rmtree(project / "site-zensical", ignore_errors=True)
        r = run_measured([str(zbin), "build", "-f", str(cfg2)], cwd=project)
        pages = len(list((project / "site-zensical").rglob("*.html"))) if (project / "site-zensical").exists() else 0
        info["without_custom_sitemap"] = {
            "wall": r["wall"],
            "rc": r["rc"],
            "maxrss_kb": r["maxrss_kb"],
            "html_pages": pages,
            "tail": (r["stdout"] + "\n" + r["stderr"]).strip().splitlines()[-3:],
        }
        log(f"[zensical] without overrides/sitemap.xml: rc {r['rc']} in {r['wall']:.1f} s, {pages} pages")
    return info


def snapshot(dest: Path) -> Path:
    """Freeze generator/, mkdocs.yml, overrides/ and content/ so every size measures the same code."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "generator", dest / "generator", ignore=ignore)
    shutil.copytree(REPO / "overrides", dest / "overrides", ignore=ignore)
    shutil.copytree(REPO / "content", dest / "content", ignore=ignore)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def code_digest(root: Path) -> str:
    """Short hash of the generator package under test, to tell runs on different code apart."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted((root / "generator").rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


# --- report ---------------------------------------------------------------------


def ratios(results: dict) -> dict:
    sizes = {r["events"]: r for r in results["sizes"]}
    out: dict = {"generate_over_parse": {}, "generator_share_of_build": {}}
    for n, r in sizes.items():
        out["generate_over_parse"][n] = r["generate"]["seconds"] / r["parse_floor"]["seconds"]
        if r.get("build") and r["build"]["rc"] == 0:
            out["generator_share_of_build"][n] = r["generate"]["seconds"] / r["build"]["wall"]
    if 10000 in sizes and 20000 in sizes:
        out["generate_20000_over_10000"] = sizes[20000]["generate"]["seconds"] / sizes[10000]["generate"]["seconds"]
    return out


def table(results: dict) -> str:
    rat = results["ratios"]
    head = (
        "| events | files | MB | parse floor s | validate s (CLI) | generate s | load | models | checks | render+write | swap "
        "| gen/parse | peak RSS gen MB | build s | gen share | peak RSS build MB | HTML pages | HTML MB | largest page "
        "| search idx en/es MB |"
    )
    lines = [head, "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    for r in results["sizes"]:
        n = r["events"]
        ph = r["phases"]["phases"]
        b = r.get("build")
        s = r.get("site")
        row = [
            f"{n}",
            f"{r['content']['files']}",
            f"{r['content']['bytes'] / 1e6:.1f}",
            f"{r['parse_floor']['seconds']:.2f}",
            f"{r['validate']['wall']:.2f}",
            f"{r['generate']['seconds']:.2f}",
            f"{ph['load']:.2f}",
            f"{ph['models']:.2f}",
            f"{ph['checks']:.2f}",
            f"{ph['render+write']:.2f}",
            f"{ph['swap']:.2f}",
            f"{rat['generate_over_parse'][n]:.1f}×",
            f"{r['generate']['maxrss_kb'] / 1024:.0f}",
            f"{b['wall']:.1f}" if b else "skipped",
            f"{rat['generator_share_of_build'][n] * 100:.1f}%" if n in rat["generator_share_of_build"] else "–",
            f"{b['maxrss_kb'] / 1024:.0f}" if b else "–",
            f"{s['html_pages']}" if s else "–",
            f"{s['html_bytes'] / 1e6:.0f}" if s else "–",
            f"{s['largest'][0]['path']} ({s['largest'][0]['bytes'] / 1e6:.2f} MB)" if s else "–",
            ("/".join(f"{(v or 0) / 1e6:.1f}" for v in s["search_index_bytes"].values())) if s else "–",
        ]
        lines.append("| " + " | ".join(row) + " |")
    extra = []
    if "generate_20000_over_10000" in rat:
        extra.append(f"generate(20000) / generate(10000) = {rat['generate_20000_over_10000']:.2f}")
    inc = results.get("incremental")
    if inc:
        extra.append(
            f"incremental on real content ({inc['pages']} files): first generate {inc['first_seconds']:.2f} s, "
            f"no-op regenerate {inc['noop_seconds']:.3f} s, after a one-event edit (median of 5 saves) {inc['edit_seconds']:.3f} s "
            f"({inc['edit_changed']} files rewritten); cold CLI `explainer generate` after an edit {inc['cli_edit_wall']:.2f} s"
        )
    z = results.get("zensical")
    if z:
        a = z.get("as_is", {})
        extra.append(
            f"zensical {z.get('version', '?')} at {z['events']} events (en edition): as-is rc {a.get('rc')} "
            f"in {a.get('wall', 0):.1f} s {a.get('tail', [])[-1:]}"
        )
        w = z.get("without_custom_sitemap")
        if w:
            extra.append(
                f"zensical without overrides/sitemap.xml: rc {w['rc']} in {w['wall']:.1f} s, {w['html_pages']} pages"
            )
        if z.get("error"):
            extra.append(f"zensical: {z['error']}")
    return "\n".join(lines) + ("\n\n" + "\n".join(f"- {e}" for e in extra) if extra else "") + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the explainer generator on synthetic content.")
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="event counts (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="1000 events only")
    ap.add_argument(
        "--build-max", type=int, default=20000, help="skip `explainer build` above this size (default 20000)"
    )
    ap.add_argument("--serve-max", type=int, default=20000, help="skip the `explainer serve` edit above this size")
    ap.add_argument("--no-rebuild", action="store_true", help="skip the builds after one changed and one new event")
    ap.add_argument("--no-incremental", action="store_true", help="skip the incremental test on the real content")
    ap.add_argument("--zensical-size", type=int, default=1000, help="size for the Zensical build (0 to skip)")
    ap.add_argument(
        "--work", type=Path, default=None, help="work folder (default: a temporary one, removed at the end)"
    )
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "results.json")
    ap.add_argument(
        "--no-snapshot",
        action="store_true",
        help="run the live generator/ instead of a copy frozen at the start (others may be editing it)",
    )
    args = ap.parse_args(argv)
    sizes = [1000] if args.quick else args.sizes

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    global SRC
    if not args.no_snapshot:
        SRC = snapshot(work / "src")
        log(f"code under test: snapshot {SRC} ({code_digest(SRC)})")
    results: dict = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "sizes": [],
        "code": {"source": str(SRC), "snapshot": not args.no_snapshot, "digest": code_digest(SRC)},
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    try:
        # The live-preview measurement goes first, while the machine is quiet. Nothing is deleted until
        # the end: on these VMs, memory and disk freed a moment earlier made the next file writes slower.
        if not args.no_incremental:
            results["incremental"] = bench_incremental(work, log)
        for n in sizes:
            results["sizes"].append(
                bench_size(n, work, n <= args.build_max, log, rebuild=not args.no_rebuild, serve=n <= args.serve_max)
            )
            results["ratios"] = ratios(results)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
        if args.zensical_size:
            try:
                results["zensical"] = bench_zensical(work, args.zensical_size, log)
            except Exception as exc:  # noqa: BLE001 - report, never fail the benchmark on it
                results["zensical"] = {"events": args.zensical_size, "error": repr(exc)}
        results["ratios"] = ratios(results)
        results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
        results["targets"] = targets.verdicts(results["sizes"])
        md = table(results) + "\nTargets (issue 21):\n\n```text\n" + "\n".join(results["targets"]) + "\n```\n"
        print(md)
        args.out.with_suffix(".md").write_text(md, encoding="utf-8")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
