"""Finding the data files of a tree: every file, in sorted order, and what has no place there.

Each kind's files live in its folder (``data/missions/`` ...). Files elsewhere, files that are not
``.yaml`` and links out of the tree are problems; folders named like data files, named pipes and
devices are listed as files so that the loader reports them without reading them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from coalition_kit.models import KINDS_BY_FOLDER, Kind
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem

__all__ = ["MAX_FILES", "YAML_SUFFIX", "DataFile", "discover", "kind_of_file", "shown_path"]

YAML_SUFFIX = ".yaml"
MAX_FILES = 250_000
"""The most data files read in one run: ten times the largest tree foreseen (every mission in
the world, thousands of organizations), so that a runaway tree cannot exhaust memory."""


@dataclass(frozen=True)
class DataFile:
    """A file found in the data tree: where it is, how to show it, and its kind if it has one."""

    path: Path
    shown_as: str
    kind: Kind | None


def shown_path(root_as_given: str, relative: tuple[str, ...]) -> str:
    """Return a file's path as problems show it: under the root as the user named it."""
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
                        shown_path(root_as_given, relative),
                        1,
                        1,
                        Code.TREE_TOO_LARGE,
                        f"the tree holds more than {MAX_FILES:,} data files; "
                        "this file and the ones after it were not read",
                    )
                )
                return files, problems
            shown = shown_path(root_as_given, relative)
            files.append(DataFile(Path(entry.path), shown, KINDS_BY_FOLDER[relative[0]]))
        pending.extend(reversed(subfolders))
    return files, problems


def _misplaced(root_as_given: str, relative: tuple[str, ...]) -> Problem | None:
    """Return the problem of a file that has no place in the tree, or None for a data file."""
    shown = shown_path(root_as_given, relative)
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
        shown_path(root_as_given, relative),
        1,
        1,
        Code.FILE_OUTSIDE_TREE,
        "this is a link to something outside the data tree; copy the file in instead",
    )


def kind_of_file(path: Path) -> Kind | None:
    """Return the kind whose folder holds the file at ``path`` (``data/missions/x.yaml``), if any."""
    folder = next((parent.name for parent in path.parents if parent.name in KINDS_BY_FOLDER), None)
    return KINDS_BY_FOLDER[folder] if folder is not None else None
