"""The contributors' commands: ``new`` (a starter file), ``fmt`` and ``import-missions``.

Like every command, each parses nothing and decides nothing: it calls the library and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coalition_kit.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Progress,
    UsageError,
    require_folder,
)

__all__ = ["fmt", "import_missions", "new"]


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


def new(arguments: argparse.Namespace) -> int:
    """``coalition-kit new``: write a starter file, asking in a terminal for what is missing."""
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


def fmt(arguments: argparse.Namespace) -> int:
    """``coalition-kit fmt``: format data files canonically, or say which would change."""
    from coalition_kit.contrib.fmt import format_file
    from coalition_kit.reading.discover import discover, kind_of_file

    exit_code = EXIT_OK
    for given in arguments.paths:
        path = Path(given)
        require_folder(path, "fmt")
        if not path.is_dir():
            kind = kind_of_file(path)
            if kind is None:
                raise UsageError(f"coalition-kit fmt: {path} is not in a kind's folder")
            files = [(path, kind)]
        else:
            found, _problems = discover(path, str(path))
            files = [(data_file.path, data_file.kind) for data_file in found if data_file.kind]
        progress = Progress("formatted")
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
