"""The ``coalition-kit`` command: parse arguments, call the library, print, return an exit code.

Exit codes: 0 when all is well, 1 when the data (or the schemas, or the formatting) have
problems, 2 for a usage error such as a path that does not exist or an unknown git ref. No
traceback reaches the user for bad data or bad arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coalition_kit.cli.commands import COMMANDS
from coalition_kit.cli.common import EXIT_OK, EXIT_USAGE, UsageError, describe
from coalition_kit.cli.parser import build_parser, command_help

__all__ = ["command_help", "main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); return the exit code."""
    parser = build_parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return COMMANDS[arguments.command](arguments)
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
        print(f"coalition-kit {arguments.command}: {describe(error)}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """Entry point of the ``coalition-kit`` script: exit with ``main``'s code."""
    sys.exit(main())
