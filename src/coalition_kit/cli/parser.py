"""The command line's grammar: every command, option, help text and example, in one parser.

The site's command-line reference page is generated from ``command_help``, so the help a user
reads in the terminal and on the site are the same text.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coalition_kit._version import __version__
from coalition_kit.outputs.registry import EXPORTERS

__all__ = ["build_parser", "command_help"]


_Command = Callable[[str, str, str, str], argparse.ArgumentParser]
"""Adds a command: its name, one-line summary, description and examples."""


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``coalition-kit`` command and its subcommands."""
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

    _new_command(command)
    _fmt_command(command)
    _close_command(command)

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
        "List what to check, ranked by how many supporters a check helps: missions that current "
        "campaigns name, then the only mission of a country, then embassies, then other "
        "consulates, then organizations, letters and campaigns. Within each, missions with no way "
        "to deliver a letter come first, then those without an e-mail, then values copied from a "
        "data set that nobody has checked, then entries never verified or verified more than "
        "DAYS ago.",
        _examples(
            "coalition-kit stale --limit 20",
            "coalition-kit stale --kind missions --format json",
            "coalition-kit stale --older-than 180",
        ),
    )
    stale.add_argument("path", nargs="?", default="data", metavar="PATH")
    stale.add_argument(
        "--older-than",
        type=int,
        default=365,
        metavar="DAYS",
        help="list entries last verified more than DAYS ago (default: 365)",
    )
    stale.add_argument(
        "--kind",
        choices=["organizations", "letters", "campaigns", "missions"],
        help="list only entries of this kind",
    )
    stale.add_argument(
        "--limit", type=int, metavar="N", help="list only the first N entries (the most useful)"
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
            "coalition-kit export --format sqlite coalition.db",
            "    then: datasette coalition.db --metadata coalition.metadata.json",
            "coalition-kit export --format ics events.ics",
            "coalition-kit export --format csv csv/",
        ),
    )
    export.add_argument(
        "output",
        metavar="OUTPUT",
        help="the file (or folder, for csv) to write; '-' for standard output ("
        + ", ".join(name for name, exporter in EXPORTERS.items() if exporter.streams)
        + ")",
    )
    export.add_argument(
        "--format",
        choices=list(EXPORTERS),
        required=True,
        help="; ".join(f"{name}: {exporter.description}" for name, exporter in EXPORTERS.items()),
    )
    export.add_argument(
        "--data",
        default=None,
        help="the data folder to export (default: the data bundled with coalition-kit, or "
        "data/ in a checkout)",
    )
    export.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")

    importing = command(
        "import-missions",
        "import missions from the Database of embassies and consulates",
        "Write a mission file per row of the data set a manifest names, every value marked as "
        "imported and citing the data set and its Wikidata item. Values a person entered or "
        "verified are kept; disagreements go to review.md and review.json.",
        _examples(
            "coalition-kit import-missions imports/chinese-missions/manifest.yaml",
            "coalition-kit import-missions manifest.yaml --data data --review /tmp",
        ),
    )
    importing.add_argument("manifest", metavar="MANIFEST", help="the manifest (YAML)")
    importing.add_argument("--data", default="data", help="the data folder (default: data)")
    importing.add_argument(
        "--review", metavar="DIR", help="where to write the review list (default: beside MANIFEST)"
    )
    return parser


def _new_command(command: _Command) -> None:
    """The grammar of ``new``: a starter file, values from ``--set`` or questions."""
    new = command(
        "new",
        "write a starter file for a new entity",
        "Write data/KIND/ID.yaml in the repository, from whichever of its folders you are in, "
        "with every field in the order 'fmt' gives: the values you give, each under a comment "
        "that says what it holds, and the optional fields as commented-out examples in their "
        "place. In a terminal it asks for each value it needs that --set did not give; in "
        "scripts (no terminal) or with --no-input it asks nothing, and if a needed value is "
        "missing it writes nothing and names every --set to add (exit 2). It never overwrites "
        "a file.",
        _examples(
            "coalition-kit new organization pscore",
            "coalition-kit new mission cn-embassy-no --set sending_state=CN --set host_country=NO \\",
            "    --set kind=embassy --set source_url=https://example.org/list --no-input",
            "coalition-kit new organization nkdb --set name='NK Database Center' --set kind=ngo \\",
            "    --set website=https://example.org --set source_url=https://example.org/about",
        ),
    )
    new.add_argument("kind", metavar="KIND", help="organization, letter, campaign or mission")
    new.add_argument(
        "id", metavar="ID", help="the new entity's id: lowercase letters, digits, hyphens"
    )
    new.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        help="give a value (repeatable): a value 'new' asks for (source_url, source_title ...) "
        "or any field that holds one text, date or choice (website, acronym ...)",
    )
    new.add_argument(
        "--data",
        default=None,
        help="the data folder (default: data/ in the repository around the current folder)",
    )
    new.add_argument(
        "--no-input",
        action="store_true",
        help="never ask, even in a terminal; exit 2 naming what is missing",
    )


def _fmt_command(command: _Command) -> None:
    """The grammar of ``fmt``: files, kinds' folders or data folders, or ``--check``."""
    fmt = command(
        "fmt",
        "format data files canonically, keeping comments",
        "Put fields in the schema's order, indent lists, and quote values YAML would misread. "
        "Comments move with the field they belong to: the comment lines right above a field, "
        "and a comment at the end of its line; those above the first field stay at the top. "
        "Values never change: a file that would read differently, or lose a comment, is left "
        "as it is.",
        _examples(
            "coalition-kit fmt                  format everything in the repository's data/",
            "coalition-kit fmt --check          list files that need formatting (for CI)",
            "coalition-kit fmt data/campaigns   one kind's folder",
            "coalition-kit fmt data/missions/cn-embassy-ca.yaml",
        ),
    )
    fmt.add_argument(
        "paths",
        nargs="*",
        default=[],
        metavar="PATH",
        help="data files, kinds' folders (data/missions) or data folders (default: data/ in "
        "the repository around the current folder)",
    )
    fmt.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would be reformatted"
    )


def _close_command(command: _Command) -> None:
    """The grammar of ``close``: a mission's new status and its source."""
    close = command(
        "close",
        "record that a mission closed, was suspended or relocated",
        "Set the status of data/missions/MISSION.yaml: its state, since when, the mission that "
        "took over, and the source of the news (with today as the day it was read). The new "
        "status replaces the old one whole. The rest of the file keeps its comments and "
        "layout. The result is checked with the rest of the data first: an unknown successor, "
        "a date in the future or any other problem is reported and nothing is written. Works "
        "from any folder of the repository.",
        _examples(
            "coalition-kit close cn-consulate-us-houston --state closed --since 2020-07-24 \\",
            "    --successor cn-embassy-us --source https://example.org/news",
            "coalition-kit close cn-consulate-ua-odesa --state suspended --since 2023-07 \\",
            "    --source https://example.org/report --note 'Staff left before the strike.'",
        ),
    )
    close.add_argument("mission", metavar="MISSION", help="the mission's id (its file's name)")
    close.add_argument(
        "--state",
        required=True,
        choices=["closed", "suspended", "relocated"],
        help="what happened to the mission",
    )
    close.add_argument(
        "--since",
        required=True,
        metavar="DATE",
        help="when it took effect: YYYY-MM-DD, YYYY-MM or YYYY; not in the future",
    )
    close.add_argument(
        "--successor", metavar="MISSION", help="the id of the mission that took over its work"
    )
    close.add_argument(
        "--source", required=True, metavar="URL", help="the address of the news or notice"
    )
    close.add_argument("--note", metavar="TEXT", help="what happened, in a sentence or two")
    close.add_argument(
        "--data",
        default=None,
        help="the data folder (default: data/ in the repository around the current folder)",
    )


def command_help() -> dict[str, str]:
    """Return the ``--help`` text of the program and of each command, by command name."""
    parser = build_parser()
    helps = {"coalition-kit": parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                helps[name] = subparser.format_help()
    return helps
