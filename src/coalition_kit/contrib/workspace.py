"""Where the data is: the commands that write data files work from any folder of the repository.

A volunteer who runs ``coalition-kit new`` inside ``data/organizations/`` means the repository's
``data/organizations/``, not a new ``data/`` folder under it. The repository's folder is the
nearest one, from the working folder up, that holds a data folder (``data/`` with a kind's
folder in it), a git repository (``.git``) or a ``pyproject.toml``; the filesystem is enough, no
git program is needed (a fresh checkout, a copy without ``.git``, a machine without git).
"""

from __future__ import annotations

import os
from pathlib import Path

from coalition_kit.models import KINDS_BY_FOLDER, Kind
from coalition_kit.reading.discover import discover, kind_of_file

__all__ = [
    "DATA_FOLDER",
    "DataPathError",
    "data_files",
    "data_folder",
    "find_root",
    "is_data_root",
]

DATA_FOLDER = "data"
"""The data folder's name in the repository."""


class DataPathError(ValueError):
    """A path names no data file and no folder of them; the message says what to give."""


def is_data_root(folder: Path) -> bool:
    """Return True when ``folder`` holds a kind's folder (``organizations/``, ``missions/`` ...)."""
    return folder.is_dir() and any((folder / kind).is_dir() for kind in KINDS_BY_FOLDER)


def find_root(start: Path | None = None) -> Path:
    """Return the repository folder holding ``start`` (the working folder by default).

    That is the nearest folder, from ``start`` up, with a data folder, ``.git`` or
    ``pyproject.toml``; where there is none, ``start`` itself.
    """
    here = (start if start is not None else Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if is_data_root(folder / DATA_FOLDER):
            return folder
        if (folder / ".git").exists() or (folder / "pyproject.toml").is_file():
            return folder
    return here


def data_folder(given: str | None, start: Path | None = None) -> Path:
    """Return the data folder: ``given`` (from the working folder), else the repository's."""
    if given is not None:
        return Path(given)
    return find_root(start) / DATA_FOLDER


def data_files(path: Path) -> list[tuple[Path, Kind]]:
    """Return the data files at ``path``, each with its kind, in sorted order.

    ``path`` is a data file, a kind's folder (``data/missions``, or a folder under one), a data
    folder, or a repository folder holding ``data/``. Each file is shown as ``path`` names it:
    under a relative ``path``, relative to the working folder.

    Raises:
        DataPathError: ``path`` is a file outside a kind's folder, or a folder of no data.
    """
    absolute = Path(os.path.normpath(path.absolute()))
    if not path.is_dir():
        kind = kind_of_file(absolute)
        if kind is None:
            raise DataPathError(f"{path} is not in a kind's folder ({_folders()})")
        return [(path, kind)]
    scope: Path | None = None
    if is_data_root(path):
        root = absolute
    elif is_data_root(path / DATA_FOLDER):
        root = absolute / DATA_FOLDER
    else:
        kind_folder = next(
            (folder for folder in [absolute, *absolute.parents] if folder.name in KINDS_BY_FOLDER),
            None,
        )
        if kind_folder is None:
            raise DataPathError(
                f"{path} holds no data files: give the data folder, a kind's folder "
                f"({_folders()}) or files"
            )
        root, scope = kind_folder.parent, absolute
    found, _misplaced = discover(root, str(root))
    files = []
    for data_file in found:
        if data_file.kind is None:
            continue
        if scope is not None and scope not in (data_file.path, *data_file.path.parents):
            continue
        shown = data_file.path if path.is_absolute() else Path(os.path.relpath(data_file.path))
        files.append((shown, data_file.kind))
    return files


def _folders() -> str:
    return ", ".join(f"data/{folder}" for folder in KINDS_BY_FOLDER)
