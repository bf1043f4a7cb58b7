"""Output failures in the user's words: a full disk, a read-only folder, a builder that stopped.

Why here: these are the failures of writing, not of content, and a user can fix
each of them (free space, fix permissions, read the log); the tail of a Python
traceback tells them none of that.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from ..problems import BuildError, OutputError

_WHAT_TO_DO = {
    errno.ENOSPC: ("no space left on the device", "free some space and run again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space and run again"),
    errno.EROFS: ("the folder is on a read-only file system", "build into a writable folder (--site-dir)"),
    errno.EACCES: ("permission denied", "make the folder writable for this user, or build elsewhere (--site-dir)"),
    errno.EPERM: ("operation not permitted", "make the folder writable for this user, or build elsewhere (--site-dir)"),
}
KEPT = "the previous generated/ and site/ are unchanged"

_EXCEPTION_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?(?P<name>[A-Z]\w*(?:Error|Exception|Exit))(?::\s*(?P<text>.*))?$")
_ERRNO = re.compile(r"\[Errno (?P<code>\d+)\][^'\"]*(?:['\"](?P<path>[^'\"]+)['\"])?")
_LOG_LINE = re.compile(r"^(?P<level>ERROR|WARNING)\s+-\s+(?P<text>.*)$")


def output_error(exc: OSError) -> OutputError | None:
    """The one-line error for an OSError a user can fix (full disk, read-only, permissions), else None."""
    if exc.errno not in _WHAT_TO_DO:
        return None
    return _error(exc.errno, exc.filename)


def _error(code: int, path: object) -> OutputError:
    what, do = _WHAT_TO_DO[code]
    where = f" writing {path}" if path else ""
    return OutputError(f"{what}{where}: {do}; {KEPT}")


def log_cause(log: str) -> str:
    """The one line of a builder's log that says why it stopped.

    In order: the last exception line of a traceback, the first ERROR line, the first
    WARNING (strict mode stops on warnings), else the last line.
    """
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    exceptions = [line for line in lines if _EXCEPTION_LINE.match(line)]
    if exceptions:
        return exceptions[-1]
    for level in ("ERROR", "WARNING"):
        for line in lines:
            match = _LOG_LINE.match(line)
            if match and match["level"] == level:
                return match["text"].strip().rstrip(".")
    return lines[-1] if lines else "it stopped without a message"


def builder_failure(lang: str, config: Path, log_file: Path, shown_log: str) -> BuildError | OutputError:
    """The error for an edition whose MkDocs run failed: the edition, the cause, and where the full log is."""
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.is_file() else ""
    cause = log_cause(log)
    found = _ERRNO.search(cause)
    if found and int(found["code"]) in _WHAT_TO_DO:
        return _error(int(found["code"]), found["path"])
    return BuildError(f"the {lang} edition did not build ({config.name}): {cause}; full log: {shown_log}")


__all__ = ["KEPT", "builder_failure", "log_cause", "output_error"]
