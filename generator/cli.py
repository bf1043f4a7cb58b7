"""The `explainer` command: parse arguments, call the pipeline, map failures to exit codes.

Exit status: 0 clean (warnings allowed unless --strict), 1 content problems,
refusals and failed builds, 2 usage errors. Every failure a user can fix is an
`ExplainerError` that carries its exit status and is shown without a traceback;
anything else is a bug and shows one (mkdocs' `Abort`, rendercv's user/internal
error split).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeAlias

from .content.model import REF_KINDS
from .editing.coverage import coverage_report
from .editing.diff import diff_report, stale_updates
from .editing.init import DEFAULT_SITE_URL, init
from .editing.new import ASKS, choices, scaffold
from .editing.rename import rename
from .editing.schema import all_schemas_json, stale_schemas, write_schemas
from .output.failure import output_error
from .pipeline import build, check, generate, serve
from .problems import ContentError, ExplainerError, Format, Problem, has_errors, render, summary

DESCRIPTION = "Build a sourced, bilingual explainer site from curated YAML in content/."

Handler: TypeAlias = Callable[[argparse.Namespace, Path], int]
"""A command: its parsed arguments and the project folder in, its exit status out."""

WRITERS = frozenset({"generate", "build"})
"""Commands that write generated/ and site/ (under the project lock, swapped in whole)."""
EDITOR_COMMANDS = frozenset({"schema", "new", "rename", "diff", "init"})
"""Commands whose error messages name them (`explainer new event: error: ...`), as argparse names a subcommand."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="explainer", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"explainer {metadata.version('explainer')}")
    parser.add_argument(
        "--project", type=Path, default=Path(), help="project folder holding mkdocs.yml and content/ (default: .)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("validate", help="check all content and report every problem as path:line:column")
    p.add_argument("--format", choices=["text", "github", "json"], default="text", help="output style (default: text)")
    p.add_argument("--strict", action="store_true", help="treat warnings (such as missing translations) as errors")

    p = sub.add_parser("generate", help="validate, then write the Markdown pages into generated/ (no site)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _no_wait(p)

    p = sub.add_parser("build", help="validate, generate, and run mkdocs build --strict for every language into site/")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--site-dir", type=Path, default=None, help="output folder (default: site/ in the project)")
    p.add_argument("--site-url", default=None, help="publish address overriding site.yml's (staging, local tests)")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="build up to N language editions at once (default: 1; 2 about halves a two-language build on two CPUs)",
    )
    _no_wait(p)

    p = sub.add_parser("serve", help="live preview: regenerates when content/ changes and reloads the page")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    p.add_argument("--lang", default=None, help="language edition to preview (default: the site's first language)")

    p = sub.add_parser("i18n", help="translation coverage per kind and per file")
    p.add_argument("--strict", action="store_true", help="exit 1 when any text lacks a translation")
    _editing_parsers(sub)
    return parser


def _no_wait(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-wait",
        dest="wait",
        action="store_false",
        help="when another command is writing generated/ or site/, exit 1 at once instead of waiting for it",
    )


def _editing_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Subcommands of the editing workflow: init, schema, new, rename, diff."""
    p = sub.add_parser("init", help="start a new explainer in DIR: example content, mkdocs.yml, schemas, workflows")
    p.add_argument(
        "dir", metavar="DIR", nargs="?", type=Path, default=None, help="folder to create (default: --project)"
    )
    p.add_argument("--title", default=None, help="site title, the same in every language (default: an example title)")
    p.add_argument(
        "--languages",
        default="en,es",
        metavar="LANGS",
        help="comma-separated language codes, the default first (default: en,es)",
    )
    p.add_argument(
        "--site-url", default=DEFAULT_SITE_URL, help=f"address the site is published at (default: {DEFAULT_SITE_URL})"
    )
    p.add_argument(
        "--force", action="store_true", help="add the missing files to a non-empty folder; never change existing ones"
    )

    p = sub.add_parser("schema", help="print the JSON Schema of every content kind, or write/check schemas/")
    p.add_argument("--write", action="store_true", help="write schemas/<kind>.schema.json")
    p.add_argument("--check", action="store_true", help="exit 1 if the committed schemas differ from the models")

    p = sub.add_parser("new", help="create a content file with its required fields filled in")
    kinds = p.add_subparsers(dest="new_kind", metavar="KIND", required=True)
    for kind, asks in ASKS.items():
        k = kinds.add_parser(kind, help=f"a new {kind} in content/{REF_KINDS[kind]}/")
        for ask in asks:
            options = choices(kind, ask.field) if ask.field == "kind" else None
            k.add_argument(
                f"--{ask.option}", choices=options, help=ask.prompt + ("" if ask.required else " (optional)")
            )
        if kind != "source":
            k.add_argument(
                "--source",
                action="append",
                default=[],
                metavar="ID",
                help="id of an existing source (repeat for several)",
            )
        k.add_argument("--id", default=None, help="id (file name) to use instead of the one made from the title")

    p = sub.add_parser("rename", help="change a record's id, rewrite every reference, and keep a redirect")
    p.add_argument(
        "rename_kind", metavar="KIND", choices=list(REF_KINDS), help="actor, event, legal, source or question"
    )
    p.add_argument("old", metavar="OLD", help="current id")
    p.add_argument("new", metavar="NEW", help="new id")

    p = sub.add_parser("diff", help="Markdown summary of content changes since a git revision (for pull requests)")
    p.add_argument("base", metavar="BASE", help="git revision to compare with, e.g. origin/main")
    p.add_argument(
        "--check-updated",
        action="store_true",
        help="instead of the summary, warn about changed records whose 'updated' date did not move",
    )
    p.add_argument(
        "--format", choices=["text", "github", "json"], default="text", help="output style of --check-updated"
    )


def _show(problems: list[Problem], fmt: Format) -> None:
    """Problems on stdout in `fmt`; the closing count on stderr, so tools can read stdout alone."""
    out = render(problems, fmt)
    if out:
        sys.stdout.write(out)
    if fmt != "json" and problems:
        sys.stderr.write(summary(problems) + "\n")


def _validate(args: argparse.Namespace, project: Path) -> int:
    """`explainer validate`: every problem; exit 1 on errors, or on warnings with --strict."""
    _content, problems = check(project, parallel=True)
    _show(problems, args.format)
    failed = has_errors(problems) or (args.strict and bool(problems))
    return 1 if failed else 0


def _generate(args: argparse.Namespace, project: Path) -> int:
    """`explainer generate`: the Markdown pages into generated/, no site."""
    result = generate(project, strict=args.strict, wait=args.wait)
    _show(result.problems, "text")
    sys.stderr.write(
        f"generated {result.pages} pages ({result.changed} changed, {result.removed} removed) in {result.out}\n"
    )
    return 0


def _build(args: argparse.Namespace, project: Path) -> int:
    """`explainer build`: generate, then MkDocs for every language into site/."""
    result = build(
        project, strict=args.strict, site_dir=args.site_dir, site_url=args.site_url, jobs=args.jobs, wait=args.wait
    )
    _show(result.problems, "text")
    sys.stderr.write(f"built {result.pages} pages into {result.out}\n")
    return 0


def _serve(args: argparse.Namespace, project: Path) -> int:
    """`explainer serve`: generate once, then become `mkdocs serve` (never returns)."""
    serve(project, dev_addr=args.dev_addr, lang=args.lang)


def _i18n(args: argparse.Namespace, project: Path) -> int:
    """`explainer i18n`: translation coverage; exit 1 on any gap with --strict."""
    text, missing = coverage_report(project)
    sys.stdout.write(text)
    return 1 if (args.strict and missing) else 0


def _schema(args: argparse.Namespace, project: Path) -> int:
    """`explainer schema`: print, write or check the JSON Schemas."""
    if args.write:
        for path in write_schemas(project):
            sys.stderr.write(f"wrote {path.relative_to(project).as_posix()}\n")
    if args.check:
        stale = stale_schemas(project)
        for name in stale:
            sys.stderr.write(f"{name}: out of date; run `explainer schema --write`\n")
        return 1 if stale else 0
    if not args.write:
        sys.stdout.write(all_schemas_json())
    return 0


def _new(args: argparse.Namespace, project: Path) -> int:
    """`explainer new KIND`: a new record file; asks for missing options only in a terminal."""
    options: dict[str, str | None] = {k: v for k, v in vars(args).items() if isinstance(v, str)}
    ask = input if sys.stdin.isatty() else None
    path = scaffold(project, args.new_kind, options, getattr(args, "source", []), rid=args.id, ask=ask)
    sys.stdout.write(path.relative_to(project).as_posix() + "\n")
    return 0


def _rename(args: argparse.Namespace, project: Path) -> int:
    """`explainer rename KIND OLD NEW`: move the record, rewrite references, record a redirect."""
    result = rename(project, args.rename_kind, args.old, args.new)
    moved = f"{result.moved_from.relative_to(project).as_posix()} -> {result.moved_to.relative_to(project).as_posix()}"
    sys.stdout.write(f"renamed {moved}; {result.references} reference(s) rewritten in {len(result.files)} file(s)\n")
    if result.redirect:
        sys.stdout.write(f"redirect {result.redirect[0]} -> {result.redirect[1]} recorded in content/redirects.yml\n")
    return 0


def _diff(args: argparse.Namespace, project: Path) -> int:
    """`explainer diff BASE`: the pull-request summary, or with --check-updated the stale `updated` dates."""
    if args.check_updated:
        sys.stdout.write(render(stale_updates(project, args.base), args.format))
    else:
        sys.stdout.write(diff_report(project, args.base))
    return 0


def _init(args: argparse.Namespace, project: Path) -> int:
    """`explainer init [DIR]`: a new project with example content that validates and builds as it is."""
    target: Path = args.dir if args.dir is not None else project
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    result = init(target, title=args.title, languages=languages, site_url=args.site_url, force=args.force)
    kept = f"; kept {len(result.kept)} existing file(s)" if result.kept else ""
    sys.stderr.write(f"created {len(result.written)} file(s) in {result.root}{kept}\n")
    sys.stderr.write(f"next: cd {target} && explainer validate && explainer serve\n")
    return 0


COMMANDS: dict[str, Handler] = {
    "validate": _validate,
    "generate": _generate,
    "build": _build,
    "serve": _serve,
    "i18n": _i18n,
    "schema": _schema,
    "new": _new,
    "rename": _rename,
    "diff": _diff,
    "init": _init,
}
"""Every subcommand and the function that runs it (the parsers above declare their options)."""


def _who(args: argparse.Namespace) -> str:
    """The name an error message starts with: `explainer`, or the editor command itself (`explainer new event`)."""
    if args.command not in EDITOR_COMMANDS:
        return "explainer"
    return " ".join(["explainer", args.command, *([args.new_kind] if args.command == "new" else [])])


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    project: Path = args.project.resolve()
    if args.command != "init" and not (project / "content").is_dir():
        sys.stderr.write(f"explainer: error: no content/ folder in {project} (use --project)\n")
        return 2
    signal.signal(signal.SIGTERM, _stop)
    try:
        return COMMANDS[args.command](args, project)
    except ExplainerError as exc:
        if isinstance(exc, ContentError):
            _show(exc.problems, "text")
        else:
            sys.stderr.write(f"{_who(args)}: error: {exc}\n")
        return exc.exit_code
    except OSError as exc:
        failure = output_error(exc)
        if failure is None:
            raise
        sys.stderr.write(f"{_who(args)}: error: {failure}\n")
        return failure.exit_code
    except KeyboardInterrupt:
        kept = "; generated/ and site/ hold the last complete build" if args.command in WRITERS else ""
        sys.stderr.write(f"{_who(args)}: interrupted{kept}\n")
        return 130


def _stop(signum: int, _frame: object) -> None:
    """SIGTERM (a CI job cancelled, `kill`) stops a command as Ctrl-C does: cleaned up, one line."""
    raise KeyboardInterrupt


def run() -> None:
    """The console script: `main`, then exit without freeing the heap object by object.

    Why: after a run over 10,000 events, tearing down the interpreter freed
    millions of objects one at a time, 1.1-1.6 s of a 14 s `generate`
    (measured with and without). The operating system reclaims the memory
    at once; mypy's `hard_exit` does the same. Errors and usage problems
    (SystemExit, tracebacks) still exit the normal way.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
