"""The contributors' commands: ``new`` (a starter file), ``fmt``, ``close`` and ``import-missions``.

Like every command, each parses nothing and decides nothing: it calls the library and prints.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coalition_kit.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Progress,
    UsageError,
    require_folder,
)

if TYPE_CHECKING:
    from coalition_kit.models import Kind

__all__ = ["close", "fmt", "import_missions", "new"]


def _ask(question: object, options: list[str]) -> str:
    from coalition_kit.contrib.questions import Question

    assert isinstance(question, Question)
    hint = f" [{'/'.join(options)}]" if options else ""
    hint = hint or ("" if question.required else " (Enter to skip)")
    try:
        return input(f"{question.prompt}{hint}: ")
    except EOFError:
        raise UsageError("\ncoalition-kit new: no answer came; nothing was written") from None


def _shown(path: Path) -> str:
    """A path to print: relative to the working folder when it is under it, else absolute."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def new(arguments: argparse.Namespace) -> int:
    """``coalition-kit new``: write a starter file, asking in a terminal for what is missing."""
    from coalition_kit.check.document import SLUG
    from coalition_kit.contrib.questions import AnswerError, gather_answers
    from coalition_kit.contrib.starter import StarterError, starter_text
    from coalition_kit.contrib.workspace import data_folder
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
    target = data_folder(arguments.data) / kind.folder / f"{arguments.id}.yaml"
    if target.exists():
        print(f"{_shown(target)} already exists; edit it, or choose another id.", file=sys.stderr)
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
    shown = _shown(target)
    # validate knows a file's kind from its folder: name the folder in the path it is given.
    checkable = shown if kind.folder in Path(shown).parent.parts else str(target.absolute())
    print(f"Wrote {shown}. Fill in what your sources say, then run:")
    print(f"  coalition-kit validate {checkable}")
    return EXIT_OK


def fmt(arguments: argparse.Namespace) -> int:
    """``coalition-kit fmt``: format data files canonically, or say which would change."""
    from coalition_kit.contrib.fmt import format_file
    from coalition_kit.contrib.workspace import DataPathError, data_files, data_folder

    paths = [Path(given) for given in arguments.paths] or [Path(_shown(data_folder(None)))]
    files: dict[str, tuple[Path, Kind]] = {}
    for path in paths:
        require_folder(path, "fmt")
        try:
            found = data_files(path)
        except DataPathError as error:
            raise UsageError(f"coalition-kit fmt: {error}") from None
        # A file named twice (a folder and a file in it) is formatted once.
        files.update((os.path.normpath(file.absolute()), (file, kind)) for file, kind in found)
    progress = Progress("formatted")
    changed = failed = 0
    for done, (file, kind) in enumerate(files.values(), start=1):
        result = format_file(file, kind, check=arguments.check)
        progress(done, len(files))
        if result.error:
            failed += 1
            progress.finish()
            print(f"{file}: not formatted: {result.error}", file=sys.stderr)
        elif result.changed:
            changed += 1
            progress.finish()
            print(f"{file}: {'would be reformatted' if arguments.check else 'reformatted'}")
    progress.finish()
    print(_fmt_summary(len(files), changed, failed, check=arguments.check))
    if arguments.check and changed:
        print("Run 'coalition-kit fmt' to format them.", file=sys.stderr)
    return EXIT_PROBLEMS if failed or (arguments.check and changed) else EXIT_OK


def _fmt_summary(total: int, changed: int, failed: int, *, check: bool) -> str:
    def files(count: int) -> str:
        return f"{count} file{'' if count == 1 else 's'}"

    if total == 0:
        return "No data files to format."
    parts = [f"{files(changed)} {'would be reformatted' if check else 'reformatted'}"]
    parts.append(
        f"{files(total - changed - failed)} {'already formatted' if check else 'unchanged'}"
    )
    if failed:
        parts.append(f"{files(failed)} not formatted")
    return ", ".join(parts) + "."


def close(arguments: argparse.Namespace) -> int:
    """``coalition-kit close``: set a mission's status in its file, if the result is valid."""
    from coalition_kit.contrib.close import CloseError, Closure, close_mission
    from coalition_kit.contrib.fmt import FormatError
    from coalition_kit.contrib.workspace import data_folder
    from coalition_kit.models.mission import MissionState
    from coalition_kit.support.files import write_atomically

    data = data_folder(arguments.data)
    require_folder(data, "close")
    closure = Closure(
        state=MissionState(arguments.state),
        since=arguments.since,
        source=arguments.source,
        successor=arguments.successor,
        note=arguments.note,
    )
    try:
        closing = close_mission(data, arguments.mission, closure)
    except CloseError as error:
        raise UsageError(f"coalition-kit close: {error}") from None
    except FormatError as error:
        print(f"coalition-kit close: cannot edit the file: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    shown = _shown(closing.path)
    if closing.errors:
        print(f"{shown} would not be valid with this status; nothing was written:", file=sys.stderr)
        for problem in closing.errors:
            print(f"  line {problem.line}: {problem.code.value} {problem.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not closing.changes:
        print(f"{shown}: the status is already so; nothing to change.")
        return EXIT_OK
    write_atomically(closing.path, closing.text.encode("utf-8"), overwrite=True)
    print(f"Changed {shown}:")
    for change in closing.changes:
        print(f"  {change}")
    return EXIT_OK


def import_missions(arguments: argparse.Namespace) -> int:
    """``coalition-kit import-missions``: import a data set of missions and write the review."""
    from coalition_kit.contrib.importing import import_missions as run_import
    from coalition_kit.contrib.importing import read_manifest

    manifest = Path(arguments.manifest)
    require_folder(manifest, "import-missions")
    data = Path(arguments.data)
    require_folder(data, "import-missions")
    try:
        title = read_manifest(manifest).dataset.title or manifest.name
        result = run_import(manifest, data)
    except ValueError as error:
        raise UsageError(f"coalition-kit import-missions: {error}") from None
    review_dir = Path(arguments.review) if arguments.review else manifest.parent
    review = result.review
    (review_dir / "review.md").write_text(review.as_markdown(title), encoding="utf-8")
    (review_dir / "review.json").write_text(
        json.dumps(
            {"conflicts": review.conflicts, "skipped": review.skipped, "notes": review.notes},
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(result.written)} mission files written, {len(result.unchanged)} unchanged; "
        f"{len(review.conflicts)} conflicts, {len(review.skipped)} rows skipped, "
        f"{len(review.notes)} notes in {review_dir / 'review.md'}."
    )
    return EXIT_OK
