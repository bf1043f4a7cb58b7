"""What each kind of generated page costs: one edition rendered in this process, timed per template.

Why: the cost of `generate` is spread over page kinds, not concentrated in a hot spot, so choices about
the output (which pages exist, what they repeat) are choices about speed. This prints, per template and per
download file, the total time, the count and the time per page.

Usage (a project made by `bench/make_content.py`, or any project folder):

    python -m bench.page_costs /work/scratch/p10 es en
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.pipeline import check, collector_paused
from generator.render import edition
from generator.render.environment import environment
from generator.structure.relations import build_index


def _timed(fn: Callable[..., Any], name: Callable[..., str], acc: dict[str, list[float]]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[name(*args, **kwargs)].append(time.perf_counter() - start)

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("langs", nargs="*", help="editions to time (default: every language)")
    args = parser.parse_args()
    acc: dict[str, list[float]] = defaultdict(list)
    with collector_paused():
        content, problems = check(args.project, parallel=True)
        if content is None:
            raise SystemExit(f"content has errors: {len(problems)} problem(s); run explainer validate")
        index = build_index(content)
        env = environment(args.project)
        # The instance method is wrapped on the class: the template name is its second argument.
        edition.Edition.page = _timed(edition.Edition.page, lambda _self, template, *_a, **_k: template, acc)  # type: ignore[method-assign]
        # Wrapped where the edition looks them up (its module's names), not where they are defined.
        for fn in ("chronology_csv", "chronology_ics"):
            setattr(edition, fn, _timed(getattr(edition, fn), lambda *_a, _n=fn, **_k: _n, acc))
        for lang in args.langs or content.languages:
            acc.clear()
            start = time.perf_counter()
            edition.Edition(content, index, lang, env).render()
            total = time.perf_counter() - start
            print(f"{lang}: {total:.2f} s")
            for name, times in sorted(acc.items(), key=lambda kv: -sum(kv[1])):
                spent = sum(times)
                print(f"  {name:22s} {spent:6.2f} s {len(times):7d} × {spent / len(times) * 1000:8.3f} ms")
            print(f"  {'everything else':22s} {total - sum(map(sum, acc.values())):6.2f} s")


if __name__ == "__main__":
    main()
