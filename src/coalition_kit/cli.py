"""The ``coalition-kit`` command: parse arguments, call the library, print, return an exit code.

Exit codes: 0 when all is well, 1 when the data (or the schemas) have problems, 2 for a usage
error such as a path that does not exist.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from coalition_kit._version import __version__

__all__ = ["main", "run"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_VALIDATE_EXAMPLES = """\
examples:
  coalition-kit validate                      check the whole data/ folder
  coalition-kit validate data/organizations   check one kind (links resolve against all data)
  coalition-kit validate data/missions/cn-embassy-ca.yaml
  coalition-kit validate --format json data   problems as a JSON array, for tools
"""

_SCHEMAS_EXAMPLES = """\
examples:
  coalition-kit schemas            write schemas/*.schema.json from the models
  coalition-kit schemas --check    fail if schemas/ differs from what the models generate
"""


def _parser() -> argparse.ArgumentParser:
    from coalition_kit.reporters import REPORTERS

    parser = argparse.ArgumentParser(
        prog="coalition-kit",
        description="Check and build the coalition's data: organizations, letters, campaigns "
        "and mission contacts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        help="check data files and report every problem at its line",
        description="Check every data file under PATH against the schemas and the rules "
        "(links, dates, placeholders ...) and print every problem as path:line:col: CODE message.",
        epilog=_VALIDATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        choices=sorted(REPORTERS),
        default="text",
        help="text for people (default), json for programs",
    )

    schemas = commands.add_parser(
        "schemas",
        help="write or check the JSON Schemas generated from the models",
        description="Write the JSON Schema of each kind into DIRECTORY, or check that it is "
        "up to date.",
        epilog=_SCHEMAS_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schemas.add_argument(
        "directory",
        nargs="?",
        default="schemas",
        metavar="DIRECTORY",
        help="where the schemas live (default: schemas)",
    )
    schemas.add_argument(
        "--check", action="store_true", help="only check; exit 1 if a schema is out of date"
    )
    return parser


def _validate(arguments: argparse.Namespace) -> int:
    from coalition_kit.reporters import REPORTERS
    from coalition_kit.validation import validate

    path = Path(arguments.path)
    if not path.exists():
        print(f"coalition-kit validate: no such file or folder: {arguments.path}", file=sys.stderr)
        return EXIT_USAGE
    report = validate(path)
    REPORTERS[arguments.format]().write(report, sys.stdout)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


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


_COMMANDS = {"validate": _validate, "schemas": _schemas}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit code."""
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return _COMMANDS[arguments.command](arguments)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:
    """Entry point of the ``coalition-kit`` script: exit with ``main``'s code."""
    sys.exit(main())
