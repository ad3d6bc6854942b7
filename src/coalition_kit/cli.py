"""The ``coalition-kit`` command: parse arguments, call the library, print, return an exit code.

Exit codes: 0 when all is well, 1 when the data (or the schemas, or the formatting) have
problems, 2 for a usage error such as a path that does not exist or an unknown git ref.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from coalition_kit._version import __version__

__all__ = ["command_help", "main", "run"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command was given arguments it cannot work with; the message says what to do."""


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


class _Progress:
    """A one-line counter on the terminal's error stream, for long work; silent elsewhere."""

    def __init__(self, label: str, stream: TextIO = sys.stderr) -> None:
        self.label = label
        self.stream = stream
        self.active = stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.active and total >= 200 and (done % 100 == 0 or done == total):
            self.stream.write(f"\r{self.label} {done}/{total} files")
            self.stream.flush()
            self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _require_folder(path: Path, command: str) -> None:
    if not path.exists():
        raise UsageError(f"coalition-kit {command}: no such file or folder: {_short(str(path))}")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(error: OSError) -> str:
    """Say what went wrong with a file in one line: the file, then why."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    return f"{_short(os.fsdecode(error.filename))}: {reason}"


def _validate(arguments: argparse.Namespace) -> int:
    from coalition_kit.changes import changed_files, related_files
    from coalition_kit.gitutil import GitError
    from coalition_kit.reporters import REPORTERS
    from coalition_kit.validation import read_name_list, validate_tree

    path = Path(arguments.path)
    _require_folder(path, "validate")
    only = None
    if arguments.changed_since:
        try:
            changed = changed_files(arguments.changed_since, path)
        except GitError as error:
            raise UsageError(f"coalition-kit validate --changed-since: {error}") from None
        only = lambda dataset: related_files(dataset, changed)  # noqa: E731
    withheld: list[str] = []
    names_file = arguments.withheld_names or os.environ.get("COALITION_KIT_WITHHELD_NAMES")
    if names_file:
        try:
            withheld = read_name_list(Path(names_file))
        except OSError as error:
            raise UsageError(
                f"coalition-kit validate: cannot read the withheld names: {_describe(error)}"
            ) from None
        except UnicodeDecodeError:
            raise UsageError(
                f"coalition-kit validate: the withheld names file {_short(names_file)} is not "
                "UTF-8 text; save it as UTF-8"
            ) from None
    progress = _Progress("checked")
    validation = validate_tree(
        path, only=only, progress=progress, withheld_names=withheld, keep_models=False
    )
    progress.finish()
    reporter = REPORTERS[arguments.format](color=_use_color(arguments.color, sys.stdout))
    reporter.write(validation.report, sys.stdout)
    failed = not validation.report.ok or (arguments.strict and validation.report.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _ask(prompt: str, options: list[str], required: bool) -> str:
    hint = f" [{'/'.join(options)}]" if options else ("" if required else " (Enter to skip)")
    while True:
        answer = input(f"{prompt}{hint}: ").strip()
        if answer or not required:
            return answer
        print("  This one is needed.")


def _new(arguments: argparse.Namespace) -> int:
    from coalition_kit.fileio import write_atomically
    from coalition_kit.starter import QUESTIONS, StarterError, check_answer, choices, kind_named
    from coalition_kit.validation import SLUG

    try:
        kind = kind_named(arguments.kind)
    except KeyError:
        raise UsageError(
            f"coalition-kit new: '{arguments.kind}' is not a kind; use organization, letter, "
            "campaign or mission"
        ) from None
    if not SLUG.fullmatch(arguments.id):
        raise UsageError(
            f"coalition-kit new: '{arguments.id}' is not an id; use lowercase letters, digits "
            "and single hyphens, such as 'liberty-in-north-korea'"
        )
    target = Path(arguments.data) / kind.folder / f"{arguments.id}.yaml"
    if target.exists():
        print(f"{target} already exists; edit it, or choose another id.", file=sys.stderr)
        return EXIT_PROBLEMS
    answers: dict[str, str] = {}
    for assignment in arguments.set or []:
        name, separator, value = assignment.partition("=")
        if not separator:
            raise UsageError(f"coalition-kit new: --set wants FIELD=VALUE, not '{assignment}'")
        answers[name.strip().replace("-", "_")] = value
    known = {question.field for question in QUESTIONS[kind.name]}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise UsageError(
            f"coalition-kit new: a new {kind.name} asks for {', '.join(sorted(known))}; "
            f"not {', '.join(unknown)}"
        )
    interactive = sys.stdin.isatty() and not arguments.no_input
    for question in QUESTIONS[kind.name]:
        while True:
            value = answers.get(question.field, "")
            if not value and interactive:
                value = _ask(question.prompt, choices(kind, question.field), question.required)
            if not value:
                if question.required:
                    raise UsageError(
                        f"coalition-kit new: {question.field} is needed ({question.prompt}); "
                        f"give it with --set {question.field}=..."
                    )
                break
            reason = check_answer(kind, question.field, value)
            if reason is None:
                answers[question.field] = value
                break
            if not interactive:
                raise UsageError(f"coalition-kit new: {question.field}: {reason}")
            print(f"  {reason}")
            answers.pop(question.field, None)
    try:
        from coalition_kit.starter import starter_text

        text = starter_text(kind, arguments.id, answers)
    except StarterError as error:
        raise UsageError(
            f"coalition-kit new: the answers do not make a valid {kind.name}:\n{error}"
        ) from None
    write_atomically(target, text.encode("utf-8"))
    print(f"Wrote {target}. Fill in what your sources say, then run:")
    print(f"  coalition-kit validate {target}")
    return EXIT_OK


def _fmt(arguments: argparse.Namespace) -> int:
    from coalition_kit.formatting import format_file
    from coalition_kit.models import KINDS_BY_FOLDER
    from coalition_kit.validation import discover

    exit_code = EXIT_OK
    for given in arguments.paths:
        path = Path(given)
        _require_folder(path, "fmt")
        if not path.is_dir():
            folder = next((p.name for p in path.parents if p.name in KINDS_BY_FOLDER), None)
            if folder is None:
                raise UsageError(f"coalition-kit fmt: {path} is not in a kind's folder")
            files = [(path, KINDS_BY_FOLDER[folder])]
        else:
            found, _problems = discover(path, str(path))
            files = [(data_file.path, data_file.kind) for data_file in found if data_file.kind]
        progress = _Progress("formatted")
        changed = 0
        for done, (file, kind) in enumerate(files, start=1):
            result = format_file(file, kind, check=arguments.check)
            progress(done, len(files))
            if result.error:
                progress.finish()
                print(f"{file}: not formatted: {result.error}", file=sys.stderr)
                exit_code = EXIT_PROBLEMS
            elif result.changed:
                changed += 1
                progress.finish()
                print(f"{file}: {'would be reformatted' if arguments.check else 'reformatted'}")
        progress.finish()
        if arguments.check and changed:
            exit_code = EXIT_PROBLEMS
    if arguments.check and exit_code == EXIT_PROBLEMS:
        print("Run 'coalition-kit fmt' to format them.", file=sys.stderr)
    return exit_code


def _diff(arguments: argparse.Namespace) -> int:
    from coalition_kit.diffing import diff_trees, render_markdown, render_text, tree_at
    from coalition_kit.gitutil import GitError

    with tempfile.TemporaryDirectory(prefix="coalition-kit-diff-") as scratch:
        roots = []
        for index, side in enumerate((arguments.old, arguments.new)):
            if Path(side).is_dir():
                roots.append(Path(side))
                continue
            try:
                roots.append(tree_at(side, Path(arguments.data), Path(scratch) / str(index)))
            except GitError as error:
                raise UsageError(
                    f"coalition-kit diff: '{side}' is neither a folder nor a git ref ({error})"
                ) from None
        changes = diff_trees(roots[0], roots[1])
    render = render_markdown if arguments.format == "markdown" else render_text
    sys.stdout.write(render(changes))
    return EXIT_OK


def _stale(arguments: argparse.Namespace) -> int:
    from coalition_kit.stale import stale_entries
    from coalition_kit.validation import validate_tree

    path = Path(arguments.path)
    _require_folder(path, "stale")
    if arguments.older_than < 0:
        raise UsageError("coalition-kit stale: --older-than wants a number of days, 0 or more")
    validation = validate_tree(path)
    entries = stale_entries(
        validation.dataset, today=dt.date.today(), older_than=arguments.older_than
    )
    if arguments.format == "json":
        json.dump(
            [
                {
                    "kind": e.kind,
                    "id": e.id,
                    "file": e.file,
                    "reason": e.reason,
                    "last_verified": e.last_verified.isoformat() if e.last_verified else None,
                }
                for e in entries
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for entry in entries:
            print(f"{entry.file}: {entry.kind} {entry.id}: {entry.reason}")
        print(f"{len(entries)} entries to check.")
    if not validation.report.ok:
        print(
            f"({len(validation.report)} files with problems were skipped: run 'coalition-kit validate'.)",
            file=sys.stderr,
        )
    return EXIT_OK


def _schemas(arguments: argparse.Namespace) -> int:
    from coalition_kit.schemas import stale_schemas, write_schemas

    directory = Path(arguments.directory)
    if arguments.check:
        stale = stale_schemas(directory)
        for line in stale:
            print(line)
        if stale:
            print("Run 'coalition-kit schemas' to regenerate them.")
            return EXIT_PROBLEMS
        print(f"{directory}: schemas are up to date.")
        return EXIT_OK
    changed = write_schemas(directory)
    print(f"{len(changed)} schema file(s) written to {directory}.")
    return EXIT_OK


_TO_STDOUT = {"json", "ics", "vcard"}


def _export(arguments: argparse.Namespace) -> int:
    from coalition_kit import export
    from coalition_kit.library import load
    from coalition_kit.problems import DataValidationError

    writers: dict[str, Callable[..., object]] = {
        "json": export.export_json,
        "csv": export.export_csv,
        "sqlite": export.export_sqlite,
        "ics": export.export_ics,
        "vcard": export.export_vcard,
    }
    if arguments.data is not None:
        _require_folder(Path(arguments.data), "export")
    if arguments.output == "-" and arguments.format not in _TO_STDOUT:
        raise UsageError(
            f"coalition-kit export: --format {arguments.format} cannot go to standard output "
            "('-'); give a path"
        )
    try:
        library = load(arguments.data)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEMS
    if arguments.output == "-":
        content: dict[str, Callable[..., bytes]] = {
            "json": export.to_json,
            "ics": export.to_ics,
            "vcard": lambda library: export.to_vcard(library).encode("utf-8"),
        }
        sys.stdout.buffer.write(content[arguments.format](library))
        sys.stdout.flush()
        return EXIT_OK
    output = Path(arguments.output)
    try:
        writers[arguments.format](library, output, overwrite=arguments.force)
    except FileExistsError as error:
        print(f"coalition-kit export: {_describe(error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {output}.")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coalition-kit",
        description="Check, edit and publish the coalition's data: organizations, letters, "
        "campaigns and mission contacts.",
        epilog=_examples(
            "coalition-kit new organization my-org   start a new organization",
            "coalition-kit validate                  check everything in data/",
            "coalition-kit fmt                       tidy the data files",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, summary: str, description: str, examples: str
    ) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=examples,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    validate = command(
        "validate",
        "check data files and report every problem at its line",
        "Check every data file under PATH against the schemas and the rules (links, dates, "
        "placeholders ...) and print every problem as path:line:col: CODE message.",
        _examples(
            "coalition-kit validate                      check the whole data/ folder",
            "coalition-kit validate data/organizations   one kind (links resolve against all data)",
            "coalition-kit validate data/missions/cn-embassy-ca.yaml",
            "coalition-kit validate --changed-since main only what a pull request touches",
            "coalition-kit validate --format github      annotations for GitHub Actions",
            "coalition-kit validate --format json        problems as a JSON array, for tools",
        ),
    )
    validate.add_argument(
        "path",
        nargs="?",
        default="data",
        metavar="PATH",
        help="the data folder, one kind's folder, or one file (default: data)",
    )
    validate.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text for people (default), json for programs, github for Actions",
    )
    validate.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only on files changed since git REF, what they link to, "
        "and what links to them",
    )
    validate.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text report (default: only on a terminal)",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) on warnings too, not only on errors",
    )
    validate.add_argument(
        "--withheld-names",
        metavar="FILE",
        help="a private list of names (one per line) that must appear nowhere in the data; "
        "also read from $COALITION_KIT_WITHHELD_NAMES",
    )

    new = command(
        "new",
        "write a starter file for a new entity",
        "Write data/KIND/ID.yaml with the fields every KIND needs and a comment on every field. "
        "In a terminal it asks for the values; in scripts give them with --set. It never "
        "overwrites a file.",
        _examples(
            "coalition-kit new organization pscore",
            "coalition-kit new mission cn-embassy-no --set sending_state=CN --set host_country=NO \\",
            "    --set kind=embassy --set source_url=https://example.org/list --no-input",
        ),
    )
    new.add_argument("kind", metavar="KIND", help="organization, letter, campaign or mission")
    new.add_argument(
        "id", metavar="ID", help="the new entity's id: lowercase letters, digits, hyphens"
    )
    new.add_argument(
        "--set", action="append", metavar="FIELD=VALUE", help="give a value (repeatable)"
    )
    new.add_argument("--data", default="data", help="the data folder (default: data)")
    new.add_argument(
        "--no-input", action="store_true", help="never ask; fail if a value is missing"
    )

    fmt = command(
        "fmt",
        "format data files canonically, keeping comments",
        "Put fields in the schema's order, indent lists, and quote values YAML would misread. "
        "Values never change: a file that would read differently is left as it is.",
        _examples(
            "coalition-kit fmt                  format everything in data/",
            "coalition-kit fmt --check          list files that need formatting (for CI)",
            "coalition-kit fmt data/missions/cn-embassy-ca.yaml",
        ),
    )
    fmt.add_argument(
        "paths",
        nargs="*",
        default=["data"],
        metavar="PATH",
        help="folders or files (default: data)",
    )
    fmt.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would be reformatted"
    )

    diff = command(
        "diff",
        "summarise what changed between two versions of the data",
        "Compare two git refs or two data folders, entity by entity and field by field.",
        _examples(
            "coalition-kit diff main HEAD",
            "coalition-kit diff origin/main HEAD --format markdown   for a pull-request comment",
            "coalition-kit diff old-data/ data/",
        ),
    )
    diff.add_argument("old", metavar="OLD", help="a git ref or a data folder")
    diff.add_argument("new", metavar="NEW", help="a git ref or a data folder")
    diff.add_argument("--format", choices=["text", "markdown"], default="text")
    diff.add_argument(
        "--data", default="data", help="the data folder in the repository (default: data)"
    )

    stale = command(
        "stale",
        "list entries to check again, most useful first",
        "List open missions without an e-mail address, entries never verified, and entries "
        "last verified more than DAYS ago, in the order a volunteer should work through them.",
        _examples("coalition-kit stale", "coalition-kit stale --older-than 180 --format json"),
    )
    stale.add_argument("path", nargs="?", default="data", metavar="PATH")
    stale.add_argument(
        "--older-than",
        type=int,
        default=365,
        metavar="DAYS",
        help="list entries last verified more than DAYS ago (default: 365)",
    )
    stale.add_argument("--format", choices=["text", "json"], default="text")

    schemas = command(
        "schemas",
        "write or check the JSON Schemas generated from the models",
        "Write the JSON Schema of each kind into DIRECTORY, or check that it is up to date.",
        _examples(
            "coalition-kit schemas            write schemas/*.schema.json from the models",
            "coalition-kit schemas --check    fail if schemas/ differs from the models",
        ),
    )
    schemas.add_argument("directory", nargs="?", default="schemas", metavar="DIRECTORY")
    schemas.add_argument("--check", action="store_true", help="only check; exit 1 if out of date")

    export = command(
        "export",
        "export the data as JSON, CSV, SQLite, iCalendar or vCard",
        "Validate the data and write it in another format. An existing file is never replaced "
        "unless --force is given.",
        _examples(
            "coalition-kit export --format sqlite coalition.db   then: datasette coalition.db",
            "coalition-kit export --format ics events.ics",
            "coalition-kit export --format csv csv/",
        ),
    )
    export.add_argument(
        "output",
        metavar="OUTPUT",
        help="the file (or folder, for csv) to write; '-' for standard output (json, ics, vcard)",
    )
    export.add_argument(
        "--format", choices=["json", "csv", "sqlite", "ics", "vcard"], required=True
    )
    export.add_argument(
        "--data",
        default=None,
        help="the data folder to export (default: the data bundled with coalition-kit, or "
        "data/ in a checkout)",
    )
    export.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    return parser


def command_help() -> dict[str, str]:
    """Return the ``--help`` text of the program and of each command, by command name."""
    parser = _parser()
    helps = {"coalition-kit": parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                helps[name] = subparser.format_help()
    return helps


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "new": _new,
    "fmt": _fmt,
    "diff": _diff,
    "stale": _stale,
    "schemas": _schemas,
    "export": _export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit code."""
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return _COMMANDS[arguments.command](arguments)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        # A file or folder that cannot be read or written: the path and the reason suffice.
        print(f"coalition-kit {arguments.command}: {_describe(error)}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """Entry point of the ``coalition-kit`` script: exit with ``main``'s code."""
    sys.exit(main())
