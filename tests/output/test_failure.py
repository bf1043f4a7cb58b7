"""Output failures in the user's words: one line, what happened, where, what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from generator.output.failure import builder_failure, log_cause, output_error
from generator.problems import BuildError, OutputError

TRACEBACK = """INFO    -  Building documentation to directory: /p/.site-new-1/edition-en
Traceback (most recent call last):
  File "/usr/lib/python3.11/site-packages/mkdocs/commands/build.py", line 1, in build
    raise TemplateSyntaxError
jinja2.exceptions.TemplateSyntaxError: unexpected '}'
"""


def test_the_cause_is_the_exception_the_first_error_or_the_first_warning() -> None:
    assert log_cause(TRACEBACK) == "jinja2.exceptions.TemplateSyntaxError: unexpected '}'"
    assert (
        log_cause("INFO    -  x\nERROR   -  Config value 'theme': bad.\nWARNING -  w\n") == "Config value 'theme': bad"
    )
    assert log_cause(
        "WARNING -  Doc file 'a.md' contains a link 'b.md'.\n\nAborted with 1 warnings in strict mode!\n"
    ) == ("Doc file 'a.md' contains a link 'b.md'")
    assert log_cause("something odd\n") == "something odd"
    assert log_cause("") == "it stopped without a message"


def test_a_full_disk_and_a_read_only_folder_say_what_to_do() -> None:
    full = output_error(OSError(errno.ENOSPC, "No space left on device", "/p/site/index.html"))
    assert isinstance(full, OutputError)
    assert str(full) == (
        "no space left on the device writing /p/site/index.html: free some space and run again; "
        "the previous generated/ and site/ are unchanged"
    )
    read_only = output_error(OSError(errno.EROFS, "Read-only file system", "/mnt/site"))
    assert read_only is not None and "read-only" in str(read_only) and "--site-dir" in str(read_only)
    assert output_error(OSError(errno.ENOENT, "No such file")) is None  # a bug: keeps its traceback


def test_a_builder_that_ran_out_of_space_is_a_disk_error(tmp_path: Path) -> None:
    log = tmp_path / "mkdocs.en.log"
    log.write_text("Traceback ...\nOSError: [Errno 28] No space left on device: '/mnt/.site-new-1/edition-en/x.html'\n")
    failure = builder_failure("en", tmp_path / "mkdocs.en.yml", log, "logs/mkdocs.en.log")
    assert isinstance(failure, OutputError)
    assert "no space left on the device writing /mnt/.site-new-1/edition-en/x.html" in str(failure)
    log.write_text(TRACEBACK)
    failure = builder_failure("es", tmp_path / "mkdocs.es.yml", log, "logs/mkdocs.es.log")
    assert isinstance(failure, BuildError)
    assert str(failure) == (
        "the es edition did not build (mkdocs.es.yml): jinja2.exceptions.TemplateSyntaxError: unexpected '}'; "
        "full log: logs/mkdocs.es.log"
    )
