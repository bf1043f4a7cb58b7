"""The inline syntax content may use in its texts: cross-references, links, and what HTML looks like.

Why one module: `[[kind:id|label]]` is read by the checks, the back-links, the
markup and `explainer rename`; one pattern and one parse function mean they can
never disagree on what a reference is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

CROSS_REF = re.compile(r"\[\[([^\[\]]*)\]\]")
"""`[[...]]` with anything but brackets inside; the inside is read by `parse_ref`."""
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
"""The target of a Markdown link `[label](target)`."""
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
"""What a browser would read as the start of a tag."""


class Ref(NamedTuple):
    """One cross-reference as written: `[[kind:id|label]]` (label optional)."""

    kind: str
    id: str
    label: str | None


def parse_ref(inner: str) -> Ref | None:
    """Read the inside of `[[...]]`; None when it has no `kind:` prefix.

    Spaces around the kind, the id and the label are not part of them.
    The kind is not checked here: callers compare it with the kinds they know.
    """
    target, bar, label = inner.partition("|")
    kind, sep, rid = target.partition(":")
    if not sep:
        return None
    return Ref(kind.strip(), rid.strip(), label.strip() if bar else None)


def has_markup(text: str) -> bool:
    """Whether a string could hold a cross-reference (`[[`), a link (`](`) or HTML (`<`)."""
    return "[" in text or "]" in text or "<" in text
