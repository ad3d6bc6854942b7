"""What a pull request touches: the data files changed since a git ref, and the files they link to.

``coalition-kit validate --changed-since main`` checks the whole tree (so that links resolve) but
reports only on the changed files, the files they link to, and the files that link to them (so
that a renamed or removed id shows where it is still used).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coalition_kit.check.dataset import Dataset, Entity
from coalition_kit.contrib.git import GitError, check_ref, repository_top, run_git
from coalition_kit.reading.discover import kind_of_file

__all__ = ["GitError", "changed_files", "related_files"]


def changed_files(ref: str, root: Path) -> set[Path]:
    """Return the files under ``root`` that differ from ``ref``: committed, staged, unstaged or new.

    Raises:
        GitError: ``root`` is not in a git repository or ``ref`` names no commit.
    """
    top = repository_top(root)
    check_ref(ref, top)
    where = str(root.resolve())
    listed = run_git(["diff", "--name-only", "-z", ref, "--", where], top)
    listed += run_git(["ls-files", "--others", "--exclude-standard", "-z", "--", where], top)
    return {(top / name).resolve() for name in listed.decode().split("\0") if name}


def _links_of(entity: Entity[Any]) -> list[tuple[str, str]]:
    return [(kind, value) for _path, kind, value in entity.links]


def related_files(dataset: Dataset, changed: set[Path]) -> set[str]:
    """Return the changed files, the files they link to and the files linking to them, as shown."""
    touched = [e for e in dataset.entities if e.path is not None and e.path.resolve() in changed]
    touched_ids = {(entity.kind.name, entity.id) for entity in touched}
    # A removed file leaves no entity behind, but the files that still link to its id matter.
    for path in changed:
        kind = kind_of_file(path)
        if kind is not None and not path.exists():
            touched_ids.add((kind.name, path.stem))
    shown = {entity.file for entity in touched}
    for entity in touched:
        for target_kind, entity_id in _links_of(entity):
            target = dataset.by_id(target_kind, entity_id)
            if target is not None:
                shown.add(target.file)
    for entity in dataset.entities:
        if any(link in touched_ids for link in _links_of(entity)):
            shown.add(entity.file)
    return shown
