"""What changed between two data trees, entity by entity and field by field, for reviewers.

``diff_trees`` compares two folders; ``tree_at`` extracts a git ref's data folder first. Valid
entities are compared with their defaults filled in (a mission without ``status`` is open), so a
change reads as ``mission cn-consulate-us-houston: status.state open -> closed``.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from coalition_kit.check.document import validate_document
from coalition_kit.contrib.git import check_ref, repository_top, run_git
from coalition_kit.models import KINDS
from coalition_kit.reading.discover import discover
from coalition_kit.reading.files import load_file

__all__ = ["Change", "diff_trees", "render_markdown", "render_text", "tree_at"]

Action = Literal["added", "removed", "changed"]
_ABSENT = object()


@dataclass(frozen=True)
class Change:
    """One difference: an entity added or removed, or one field of it changed."""

    kind: str
    id: str
    action: Action
    field: str | None = None
    old: Any = None
    new: Any = None


_KIND_ORDER = {kind.name: index for index, kind in enumerate(KINDS)}


def _load_tree(root: Path) -> dict[tuple[str, str], Any]:
    files, _problems = discover(root, str(root))
    entities: dict[tuple[str, str], Any] = {}
    for data_file in files:
        assert data_file.kind is not None
        document = load_file(data_file.path, data_file.shown_as)
        entity = validate_document(data_file.kind, document, data_file.path.stem)
        data = (
            entity.model.model_dump(mode="json", exclude_none=True)
            if entity.model is not None
            else document.data
        )
        entities[(data_file.kind.name, data_file.path.stem)] = data
    return entities


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def diff_trees(old_root: Path, new_root: Path) -> list[Change]:
    """Return the changes from the data tree at ``old_root`` to the one at ``new_root``."""
    old, new = _load_tree(old_root), _load_tree(new_root)
    changes: list[Change] = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (_KIND_ORDER[k[0]], k[1])):
        kind, entity_id = key
        if key not in old:
            changes.append(Change(kind, entity_id, "added"))
        elif key not in new:
            changes.append(Change(kind, entity_id, "removed"))
        elif old[key] != new[key]:
            before, after = dict(_leaves(old[key])), dict(_leaves(new[key]))
            for field in list(dict.fromkeys([*before, *after])):
                was, now = before.get(field, _ABSENT), after.get(field, _ABSENT)
                if was != now:
                    changes.append(
                        Change(
                            kind,
                            entity_id,
                            "changed",
                            field or "(file)",
                            None if was is _ABSENT else was,
                            None if now is _ABSENT else now,
                        )
                    )
    return changes


def tree_at(ref: str, data: Path, into: Path) -> Path:
    """Extract the data folder ``data`` as it is at git ``ref`` into ``into``; return its root.

    Raises:
        GitError: ``data`` is not in a git repository or ``ref`` is unknown there.
    """
    top = repository_top(data.resolve())
    check_ref(ref, top)
    relative = data.resolve().relative_to(top).as_posix()
    archive = run_git(["archive", "--format=tar", ref, "--", relative], top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / relative


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def render_text(changes: list[Change]) -> str:
    """One line per change: ``mission cn-consulate-us-houston: status.state open -> closed``."""
    if not changes:
        return "No changes.\n"
    lines = []
    for change in changes:
        if change.action != "changed":
            lines.append(f"{change.kind} {change.id}: {change.action}")
        else:
            lines.append(
                f"{change.kind} {change.id}: {change.field} {_short(change.old)} -> {_short(change.new)}"
            )
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    text = _short(value).replace("|", "\\|").replace("`", "'").replace("\n", " ")
    return f"`{text}`"


def render_markdown(changes: list[Change]) -> str:
    """A summary for a pull-request comment: counts, then a table of changes."""
    if not changes:
        return "### Data changes\n\nNo data changes.\n"
    added = sum(1 for change in changes if change.action == "added")
    removed = sum(1 for change in changes if change.action == "removed")
    entities = {(c.kind, c.id) for c in changes if c.action == "changed"}
    lines = [
        "### Data changes",
        "",
        f"{added} added, {removed} removed, {len(entities)} changed.",
        "",
        "| Kind | Id | Change |",
        "| --- | --- | --- |",
    ]
    for change in changes:
        if change.action != "changed":
            what = f"**{change.action}**"
        else:
            what = f"`{change.field}`: {_cell(change.old)} → {_cell(change.new)}"
        lines.append(f"| {change.kind} | `{change.id}` | {what} |")
    return "\n".join(lines) + "\n"
