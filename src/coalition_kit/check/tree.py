"""Validate a data tree: find the files, load them, check each against its model, then run the rules.

``validate(path)`` returns a ``Report`` of every problem in the tree; it never raises for bad data.
The files are read in sorted order, so the report is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from coalition_kit.check.dataset import Dataset
from coalition_kit.check.rules import RuleContext, run_dataset_rules
from coalition_kit.check.runner import check_files
from coalition_kit.check.withheld import WithheldNames
from coalition_kit.models import KINDS_BY_FOLDER
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem, Report
from coalition_kit.reading.discover import discover
from coalition_kit.support.arguments import require_path

__all__ = ["ProgressCallback", "Validation", "validate", "validate_tree"]


@dataclass
class Validation:
    """The outcome of validating a tree: the report and the dataset it was built from."""

    report: Report
    dataset: Dataset


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
