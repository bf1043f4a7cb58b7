"""Nothing of the flagship story lives in the tool: the package's code, templates, strings and starter project.

Why: other newsrooms install this package for their own story; a name, a place or a subject of the Peru–Mexico
explainer in the code would show up on their site or bias what the tool does (the JSON-LD place of every event
was once "Peru" when an actor `peru` took part). The story belongs in `content/`.
"""

from __future__ import annotations

import re

from ..conftest import ROOT

STORY = re.compile(
    r"peru|perú|mexic|méxico|chávez|chavez|castillo|\blima\b|sheinbaum|jer[ií]\b|jose-jeri|asylum|asilo|betssy|"
    r"fujimori|boluarte|embassy|embajada",
    re.IGNORECASE,
)


def test_the_package_holds_no_word_of_the_flagship_story() -> None:
    found = []
    for path in sorted((ROOT / "generator").rglob("*")):
        if not path.is_file() or path.suffix in {".pyc", ".png", ".ttf", ".woff2"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if STORY.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "\n".join(found)
