"""The commands: each parses nothing, decides nothing; it calls the library and prints.

Each command takes the parsed arguments, calls the library, picks a reporter or a format and
returns an exit code. The library is imported inside each command, so that a command loads only
what it uses and ``coalition-kit --help`` starts at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

__all__ = ["COMMANDS", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "UsageError", "describe"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command was given arguments it cannot work with; the message says what to do."""


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


class _Progress:
    """A one-line counter on the terminal's error stream, for long work; silent elsewhere."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.active = self.stream.isatty()
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


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(error: OSError) -> str:
    """Say what went wrong with a file in one line: the file, then why."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    return f"{_short(os.fsdecode(error.filename))}: {reason}"


def _require_folder(path: Path, command: str) -> None:
    if not path.exists():
        raise UsageError(f"coalition-kit {command}: no such file or folder: {_short(str(path))}")


def _validate(arguments: argparse.Namespace) -> int:
    from coalition_kit.check.tree import validate_tree
    from coalition_kit.check.withheld import read_name_list
    from coalition_kit.contrib.changes import changed_files, related_files
    from coalition_kit.contrib.git import GitError
    from coalition_kit.problems.reporters import REPORTERS

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
                f"coalition-kit validate: cannot read the withheld names: {describe(error)}"
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


def _ask(question: object, options: list[str]) -> str:
    from coalition_kit.contrib.starter import Question

    assert isinstance(question, Question)
    hint = f" [{'/'.join(options)}]" if options else ""
    hint = hint or ("" if question.required else " (Enter to skip)")
    while True:
        answer = input(f"{question.prompt}{hint}: ").strip()
        if answer or not question.required:
            return answer
        print("  This one is needed.")


def _new(arguments: argparse.Namespace) -> int:
    from coalition_kit.check.document import SLUG
    from coalition_kit.contrib.starter import (
        AnswerError,
        StarterError,
        gather_answers,
        starter_text,
    )
    from coalition_kit.models import kind_named
    from coalition_kit.support.files import write_atomically

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
    given: dict[str, str] = {}
    for assignment in arguments.set or []:
        name, separator, value = assignment.partition("=")
        if not separator:
            raise UsageError(f"coalition-kit new: --set wants FIELD=VALUE, not '{assignment}'")
        given[name.strip().replace("-", "_")] = value
    interactive = sys.stdin.isatty() and not arguments.no_input
    try:
        answers = gather_answers(
            kind,
            given,
            ask=_ask if interactive else None,
            tell=lambda reason: print(f"  {reason}"),
        )
        text = starter_text(kind, arguments.id, answers)
    except AnswerError as error:
        raise UsageError(f"coalition-kit new: {error}") from None
    except StarterError as error:
        raise UsageError(
            f"coalition-kit new: the answers do not make a valid {kind.name}:\n{error}"
        ) from None
    write_atomically(target, text.encode("utf-8"))
    print(f"Wrote {target}. Fill in what your sources say, then run:")
    print(f"  coalition-kit validate {target}")
    return EXIT_OK


def _fmt(arguments: argparse.Namespace) -> int:
    from coalition_kit.contrib.fmt import format_file
    from coalition_kit.reading.discover import discover, kind_of_file

    exit_code = EXIT_OK
    for given in arguments.paths:
        path = Path(given)
        _require_folder(path, "fmt")
        if not path.is_dir():
            kind = kind_of_file(path)
            if kind is None:
                raise UsageError(f"coalition-kit fmt: {path} is not in a kind's folder")
            files = [(path, kind)]
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
    from coalition_kit.contrib.diff import diff_trees, render_markdown, render_text, tree_at
    from coalition_kit.contrib.git import GitError

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
    from coalition_kit.check.tree import validate_tree
    from coalition_kit.contrib.stale import stale_entries

    path = Path(arguments.path)
    _require_folder(path, "stale")
    if arguments.older_than < 0:
        raise UsageError("coalition-kit stale: --older-than wants a number of days, 0 or more")
    validation = validate_tree(path)
    entities = [
        (entity.model, entity.file)
        for entity in validation.dataset.entities
        if entity.model is not None
    ]
    entries = stale_entries(entities, today=dt.date.today(), older_than=arguments.older_than)
    if arguments.format == "json":
        json.dump([entry.as_dict() for entry in entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for entry in entries:
            print(f"{entry.file}: {entry.kind} {entry.id}: {entry.reason}")
        print(f"{len(entries)} entries to check.")
    if not validation.report.ok:
        print(
            f"({len(validation.report.errors)} problems in files that were skipped: "
            "run 'coalition-kit validate'.)",
            file=sys.stderr,
        )
    return EXIT_OK


def _schemas(arguments: argparse.Namespace) -> int:
    from coalition_kit.outputs.schemas import stale_schemas, write_schemas

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


def _export(arguments: argparse.Namespace) -> int:
    from coalition_kit.library import load
    from coalition_kit.outputs.registry import EXPORTERS
    from coalition_kit.problems.report import DataValidationError

    exporter = EXPORTERS[arguments.format]
    if arguments.data is not None:
        _require_folder(Path(arguments.data), "export")
    if arguments.output == "-" and exporter.content is None:
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
        assert exporter.content is not None
        sys.stdout.buffer.write(exporter.content(library))
        sys.stdout.flush()
        return EXIT_OK
    output = Path(arguments.output)
    try:
        exporter.write(library, output, arguments.force)
    except FileExistsError as error:
        print(f"coalition-kit export: {describe(error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {output}.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "new": _new,
    "fmt": _fmt,
    "diff": _diff,
    "stale": _stale,
    "schemas": _schemas,
    "export": _export,
}
"""Each command's function, by its name on the command line."""
