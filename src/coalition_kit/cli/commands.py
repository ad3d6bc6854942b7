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

from coalition_kit.cli import contributing
from coalition_kit.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Progress,
    UsageError,
    describe,
    require_folder,
    short,
    use_color,
)

__all__ = ["COMMANDS"]


def _validate(arguments: argparse.Namespace) -> int:
    from coalition_kit.check.tree import validate_tree
    from coalition_kit.check.withheld import read_name_list
    from coalition_kit.contrib.changes import changed_files, related_files
    from coalition_kit.contrib.git import GitError
    from coalition_kit.problems.reporters import REPORTERS

    path = Path(arguments.path)
    require_folder(path, "validate")
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
                f"coalition-kit validate: the withheld names file {short(names_file)} is not "
                "UTF-8 text; save it as UTF-8"
            ) from None
    progress = Progress("checked")
    validation = validate_tree(
        path, only=only, progress=progress, withheld_names=withheld, keep_models=False
    )
    progress.finish()
    reporter = REPORTERS[arguments.format](color=use_color(arguments.color, sys.stdout))
    reporter.write(validation.report, sys.stdout)
    failed = not validation.report.ok or (arguments.strict and validation.report.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


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
    from coalition_kit.models.kinds import KINDS_BY_FOLDER

    path = Path(arguments.path)
    require_folder(path, "stale")
    if arguments.older_than < 0:
        raise UsageError("coalition-kit stale: --older-than wants a number of days, 0 or more")
    if arguments.limit is not None and arguments.limit < 1:
        raise UsageError("coalition-kit stale: --limit wants a number of entries, 1 or more")
    validation = validate_tree(path)
    entities = [
        (entity.model, entity.file)
        for entity in validation.dataset.entities
        if entity.model is not None
    ]
    entries = stale_entries(entities, today=dt.date.today(), older_than=arguments.older_than)
    if arguments.kind:
        entries = [entry for entry in entries if KINDS_BY_FOLDER[arguments.kind].name == entry.kind]
    total = len(entries)
    entries = entries[: arguments.limit] if arguments.limit else entries
    if arguments.format == "json":
        json.dump([entry.as_dict() for entry in entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for entry in entries:
            print(f"{entry.file}: {entry.kind} {entry.id}: {entry.reason}")
        shown = f"the first {len(entries)} of " if len(entries) < total else ""
        print(f"{shown}{total} entries to check.")
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
        require_folder(Path(arguments.data), "export")
    if arguments.output == "-" and not exporter.streams:
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
        sys.stdout.buffer.write(exporter.content(library))
        sys.stdout.flush()
        return EXIT_OK
    output = Path(arguments.output)
    try:
        exporter.write(library, output, overwrite=arguments.force)
    except FileExistsError as error:
        print(f"coalition-kit export: {describe(error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    beside = exporter.written_beside(output)
    if beside is None:
        print(f"Wrote {output}.")
    else:
        print(f"Wrote {output} and {exporter.beside_is}, {beside}.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "new": contributing.new,
    "fmt": contributing.fmt,
    "close": contributing.close,
    "diff": _diff,
    "stale": _stale,
    "schemas": _schemas,
    "export": _export,
    "import-missions": contributing.import_missions,
}
"""Each command's function, by its name on the command line."""
