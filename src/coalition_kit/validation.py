"""Validate a data tree: find the files, load them, check each against its model, then run the rules.

``validate(path)`` returns a ``Report`` of every problem in the tree; it never raises for bad data.
The files are read in sorted order, so the report is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coalition_kit.arguments import require_path
from coalition_kit.codes import Code
from coalition_kit.dataset import Dataset, Entity
from coalition_kit.models import KINDS_BY_FOLDER, Kind
from coalition_kit.models.common import SLUG_PATTERN
from coalition_kit.models.refs import iter_marked
from coalition_kit.personal import comparable
from coalition_kit.problems import Problem, Report
from coalition_kit.rules import RuleContext, entity_facts, entity_links, run_dataset_rules
from coalition_kit.translate import problems_from_errors
from coalition_kit.yamlio import Document, Location, read_data_file

__all__ = [
    "MAX_FILES",
    "DataFile",
    "ProgressCallback",
    "Validation",
    "WithheldNames",
    "discover",
    "read_name_list",
    "validate",
    "validate_document",
    "validate_tree",
]

YAML_SUFFIX = ".yaml"
MAX_FILES = 250_000
"""The most data files read in one run: ten times the largest tree foreseen (every mission in
the world, thousands of organizations), so that a runaway tree cannot exhaust memory."""
SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class DataFile:
    """A file found in the data tree: where it is, how to show it, and its kind if it has one."""

    path: Path
    shown_as: str
    kind: Kind | None


@dataclass
class Validation:
    """The outcome of validating a tree: the report and the dataset it was built from."""

    report: Report
    dataset: Dataset


def _shown(root_as_given: str, relative: tuple[str, ...]) -> str:
    # Strings, not Path objects: this runs once per file of trees of tens of thousands.
    return os.path.normpath(os.path.join(root_as_given, *relative))  # noqa: PTH118


def discover(root: Path, root_as_given: str) -> tuple[list[DataFile], list[Problem]]:
    """Find every file under ``root`` in sorted order; report files that have no place there."""
    files: list[DataFile] = []
    problems: list[Problem] = []
    real_root = root.resolve()
    # (folder on disk, its path relative to the root as parts); scandir avoids a stat per file.
    pending: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while pending:
        folder, parts = pending.pop()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            relative = (*parts, name)
            if entry.is_symlink() and not _inside(Path(entry.path), real_root):
                problems.append(_outside(root_as_given, relative))
                continue
            # A folder named like a data file is read as one, so that the loader reports it;
            # so are named pipes and devices, which the loader refuses without blocking.
            if entry.is_dir(follow_symlinks=False) and not name.endswith(YAML_SUFFIX):
                subfolders.append((entry.path, relative))
                continue
            if entry.is_symlink() and entry.is_dir():
                continue  # a link to a folder inside the tree: its files are read where they are
            problem = _misplaced(root_as_given, relative)
            if problem is not None:
                problems.append(problem)
                continue
            if len(files) >= MAX_FILES:
                problems.append(
                    Problem(
                        _shown(root_as_given, relative),
                        1,
                        1,
                        Code.TREE_TOO_LARGE,
                        f"the tree holds more than {MAX_FILES:,} data files; "
                        "this file and the ones after it were not read",
                    )
                )
                return files, problems
            shown = _shown(root_as_given, relative)
            files.append(DataFile(Path(entry.path), shown, KINDS_BY_FOLDER[relative[0]]))
        pending.extend(reversed(subfolders))
    return files, problems


def _misplaced(root_as_given: str, relative: tuple[str, ...]) -> Problem | None:
    """Return the problem of a file that has no place in the tree, or None for a data file."""
    shown = _shown(root_as_given, relative)
    kind = KINDS_BY_FOLDER.get(relative[0]) if len(relative) > 1 else None
    if kind is None:
        return Problem(
            shown,
            1,
            1,
            Code.FILE_UNKNOWN_FOLDER,
            "this folder holds no known kind; data files belong in "
            + ", ".join(f"'{folder}/'" for folder in KINDS_BY_FOLDER),
        )
    suffix = os.path.splitext(relative[-1])[1]  # noqa: PTH122
    if suffix != YAML_SUFFIX:
        hint = " rename it to '.yaml'" if suffix == ".yml" else " move it out of data/"
        return Problem(
            shown,
            1,
            1,
            Code.FILE_UNEXPECTED,
            f"only '.yaml' files belong in '{relative[0]}/';{hint}",
        )
    return None


def _inside(entry: Path, real_root: Path) -> bool:
    try:
        entry.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _outside(root_as_given: str, relative: tuple[str, ...]) -> Problem:
    return Problem(
        _shown(root_as_given, relative),
        1,
        1,
        Code.FILE_OUTSIDE_TREE,
        "this is a link to something outside the data tree; copy the file in instead",
    )


class WithheldNames:
    """Finds names that must not be published in any text of a document."""

    def __init__(self, names: Sequence[str]) -> None:
        """Keep the names, compared as ``personal.comparable`` makes them.

        Case, dashes, spaces, invisible characters and Unicode forms make no difference.
        """
        self.names = [comparable(name) for name in names if comparable(name)]

    def find(self, document: Document) -> Iterator[Problem]:
        """Yield a problem at each value that contains a withheld name (without the name)."""
        for path, value in document.strings():
            text = comparable(value)
            for number, name in enumerate(self.names, start=1):
                if name in text:
                    location = document.locate(path)
                    yield Problem(
                        document.path,
                        location.line,
                        location.column,
                        Code.WITHHELD_NAME,
                        f"this text contains name {number} of the withheld list; remove it",
                    )


def read_name_list(path: Path) -> list[str]:
    """Read a list of names, one per line; blank lines and lines starting with '#' are skipped.

    Raises:
        OSError: The file cannot be read, or is not a regular file.
        UnicodeDecodeError: The file is not UTF-8.
    """
    lines = read_data_file(path).decode("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def validate_document(kind: Kind, document: Document, stem: str) -> Entity[Any]:
    """Check one loaded file against its kind's model; add the problems to ``document``."""
    data = document.data
    entity: Entity[Any] = Entity(kind, None, document)
    if data is None:
        if not document.problems:
            document.problem(Location(1, 1), Code.FILE_EMPTY, "the file holds no data")
        return entity
    if not isinstance(data, dict):
        document.problem(
            Location(1, 1),
            Code.FILE_NOT_MAPPING,
            f"{_article(kind.name)} {kind.name} file must be a mapping of fields ('name: ...'), "
            f"not {'a list' if isinstance(data, list) else 'a single value'}",
        )
        return entity
    declared = data.get("id")
    if isinstance(declared, str):
        if not SLUG.fullmatch(declared):
            document.problem(
                document.locate(("id",)),
                Code.ID_SYNTAX,
                f"'{declared}' is not an id: use lowercase letters a-z, digits and single "
                "hyphens, such as 'liberty-in-north-korea'",
            )
        elif declared != stem:
            document.problem(
                document.locate(("id",)),
                Code.ID_MISMATCH,
                f"the id '{declared}' differs from the file name '{stem}{YAML_SUFFIX}'; "
                "rename one so that they agree",
            )
        entity.id = declared
    try:
        entity.model = kind.model.model_validate(data)
    except ValidationError as error:
        # The id's syntax is reported above, as id-syntax, with advice for file names.
        errors = [
            details
            for details in error.errors(include_url=False)
            if not (details["loc"] == ("id",) and details["type"] == Code.SLUG_INVALID.value)
        ]
        # The loader already reports invisible characters at the same place; say it once.
        seen = {(problem.line, problem.column, problem.code) for problem in document.problems}
        found = [
            problem
            for problem in problems_from_errors(document, errors)
            if (problem.line, problem.column, problem.code) not in seen
        ]
        # A value the model refuses gets one message, not a second one about its quoting
        # (`country: no` is not a country, whatever a YAML reader makes of it).
        refused = {(problem.line, problem.column) for problem in found}
        document.problems[:] = [
            problem
            for problem in document.problems
            if problem.code not in _QUOTING_ADVICE or (problem.line, problem.column) not in refused
        ]
        document.problems.extend(found)
    if any(problem.is_error for problem in document.problems):
        entity.model = None
    else:
        assert entity.model is not None
        entity.marked = list(iter_marked(entity.model))
        entity.links = entity_links(entity.marked)
        entity.facts = entity_facts(entity.model)
    return entity


_QUOTING_ADVICE = frozenset({Code.YAML_AMBIGUOUS_VALUE, Code.YAML_DATE_UNQUOTED})

ProgressCallback = Callable[[int, int], None]
"""Called with (files done, files in all) while a tree is being checked."""


def validate_tree(
    path: str | os.PathLike[str] = "data",
    *,
    today: dt.date | None = None,
    only: Callable[[Dataset], Collection[str]] | None = None,
    progress: ProgressCallback | None = None,
    withheld_names: Sequence[str] = (),
    keep_models: bool = True,
) -> Validation:
    """Validate every file of the data tree at ``path`` and return the report and the dataset.

    Args:
        path: The data folder (holding ``organizations/``, ``letters/`` ...), one kind's folder, or
            one file; for a folder of one kind or a file, the whole tree is loaded (so that links
            resolve) but only problems in the named files are reported.
        today: The date against which 'in the future' is judged; today by default.
        only: Given the loaded dataset, the files (as shown in problems) to report on; the
            whole tree is still checked, so that links resolve.
        progress: Called as files are read, for a progress display.
        withheld_names: Names that must appear nowhere in the data (people at risk); kept
            outside the repository, never repeated in a report.
        keep_models: Keep each valid file's model in the dataset; without them (enough for a
            report) large trees check faster on several cores.
    """
    require_path(path, "validate(): path")
    given = Path(path)
    try:
        root, restrict = _root_and_scope(given)
        unreadable = (
            None
            if root.is_dir()
            else ("no such folder" if not given.exists() else "not a data folder")
        )
    except OSError as error:
        # A path the system cannot even look at (a name too long, a loop of links).
        root, restrict, unreadable = given, None, error.strerror or str(error)
    root_as_given = str(root)
    if unreadable is not None:
        problem = Problem(str(given), 1, 1, Code.FILE_UNREADABLE, unreadable)
        return Validation(Report([problem]), Dataset())
    files, problems = discover(root, root_as_given)
    dataset = Dataset()
    withheld = WithheldNames(withheld_names) if withheld_names else None
    from coalition_kit.checking import check_files

    context = RuleContext(today or dt.date.today())
    jobs = [(file.path, file.shown_as, file.kind) for file in files if file.kind]
    for checked in check_files(
        jobs, context, withheld=withheld, keep_models=keep_models, progress=progress
    ):
        dataset.add(checked.entity)
        problems.extend(checked.problems)
    problems.extend(run_dataset_rules(dataset, context))
    if restrict is not None:
        scope = os.path.normpath(Path(root_as_given) / restrict)
        problems = [
            problem
            for problem in problems
            if problem.file == scope or problem.file.startswith(scope + os.sep)
        ]
    if only is not None:
        wanted = set(only(dataset))
        problems = [problem for problem in problems if problem.file in wanted]
    return Validation(Report(problems, files_checked=len(files)), dataset)


def _root_and_scope(given: Path) -> tuple[Path, Path | None]:
    """Return the data root for ``given`` and, if ``given`` is narrower, the part to report on."""
    if given.is_dir() and any((given / folder).is_dir() for folder in KINDS_BY_FOLDER):
        return given, None
    for ancestor in [given, *given.parents]:
        if ancestor.name in KINDS_BY_FOLDER:
            root = ancestor.parent
            return root, given.relative_to(root)
    return given, None


def validate(path: str | os.PathLike[str] = "data", *, today: dt.date | None = None) -> Report:
    """Validate the data tree at ``path`` and return every problem found, as values.

    Example:
        >>> report = validate("data")
        >>> report.ok
        True
    """
    return validate_tree(path, today=today).report
