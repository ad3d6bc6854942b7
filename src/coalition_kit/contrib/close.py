"""``coalition-kit close``: record in a mission's file that it closed, was suspended or moved.

Only ``status`` changes: the rest of the file keeps its comments and layout, and a new status
goes where ``fmt`` puts it. The new status replaces the old one whole (a state, its date, its
successor, its source and note describe one event). The result is checked like any file, with
the rest of the tree, so that a successor that does not exist, or a mission made its own
successor, is refused with the validator's own problems; nothing is written unless the file is
valid afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from coalition_kit.check.document import SLUG, validate_document
from coalition_kit.check.rules import RuleContext, run_dataset_rules, run_entity_rules
from coalition_kit.check.tree import validate_tree
from coalition_kit.contrib.fmt import FormatError, arrange, edit_text, field_order
from coalition_kit.models import Mission, kind_of
from coalition_kit.models.introspect import field_annotations
from coalition_kit.models.mission import MissionState, MissionStatus
from coalition_kit.models.shared import Source
from coalition_kit.problems.report import Problem
from coalition_kit.reading.discover import YAML_SUFFIX, shown_path
from coalition_kit.reading.files import decode, read_data_file
from coalition_kit.reading.yaml import load_text
from coalition_kit.support.suggest import did_you_mean, hint

__all__ = ["CloseError", "Closing", "Closure", "close_mission"]

_MISSIONS = kind_of(Mission)


class CloseError(ValueError):
    """The command cannot start: no such mission, or an argument that cannot be a status."""


@dataclass(frozen=True)
class Closure:
    """What happened to a mission, as ``close`` is told it."""

    state: MissionState
    since: str
    source: str
    successor: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Closing:
    """The mission's file as it would be after ``close``, what changed, and what is wrong."""

    path: Path
    text: str
    changes: list[str]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that keep the file from being written."""
        return [problem for problem in self.problems if problem.is_error]


def _check(value: str, annotation: Any, flag: str) -> None:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as error:
        reasons = "; ".join(detail["msg"] for detail in error.errors(include_url=False))
        raise CloseError(f"{flag} {value}: {reasons}") from None


def _first_day(since: str) -> dt.date:
    year, month, day = [*map(int, since.split("-")), 1, 1][:3]
    return dt.date(year, month, day)


def _check_closure(closure: Closure, today: dt.date) -> None:
    if closure.state is MissionState.OPEN:
        raise CloseError("--state: a mission that is open needs no 'close'")
    fields = field_annotations(MissionStatus)
    _check(closure.since, fields["since"], "--since")
    if _first_day(closure.since) > today:
        raise CloseError(
            f"--since {closure.since} is in the future; give the date the change took effect "
            "(a closure announced for later is recorded once it happened)"
        )
    _check(closure.source, field_annotations(Source)["url"], "--source")
    if closure.note is not None:
        _check(closure.note, fields["note"], "--note")
    if closure.successor is not None and not SLUG.fullmatch(closure.successor):
        raise CloseError(f"--successor {closure.successor}: not a mission id")


def _new_status(closure: Closure, today: dt.date) -> dict[str, Any]:
    status: dict[str, Any] = {"state": closure.state.value, "since": closure.since}
    if closure.successor:
        status["successor"] = closure.successor
    status["source"] = {"url": closure.source, "retrieved": today.isoformat()}
    if closure.note:
        status["note"] = closure.note
    return status


def _set_status(data: Any, status: dict[str, Any]) -> None:
    """Put ``status`` into the file's data, keeping the old status's mapping (and comments)."""
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(data, CommentedMap):
        raise CloseError(
            "the mission's file is not a mapping of fields; run 'coalition-kit validate'"
        )
    current = data.get("status")
    if not isinstance(current, CommentedMap):
        current = CommentedMap()
        if "status" in data:
            data["status"] = current
        else:
            later = field_order(Mission)[field_order(Mission).index("status") + 1 :]
            place = next((i for i, key in enumerate(data) if key in later), len(data))
            data.insert(place, "status", current)
    for key in list(current):
        if key not in status:
            del current[key]
    for key, value in status.items():
        current[key] = CommentedMap(value) if isinstance(value, dict) else value
    arrange(current, MissionStatus)


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    else:
        yield path, value


def _changes(old: Any, new: Any) -> list[str]:
    before, after = dict(_leaves(old, "status")), dict(_leaves(new, "status"))
    changes = []
    for name in [*after, *(name for name in before if name not in after)]:
        if before.get(name) != after.get(name):
            was, now = before.get(name, "(none)"), after.get(name, "(removed)")
            changes.append(f"{name}: {was} -> {now}")
    return changes


def _status_of(data: Any) -> Any:
    """The status as the model reads it (an absent one is open), or as written if invalid."""
    written = data.get("status") if isinstance(data, dict) else None
    try:
        status = MissionStatus.model_validate(written if written is not None else {})
    except ValidationError:
        return written
    return status.model_dump(mode="json", exclude_none=True)


def close_mission(
    data: Path, mission_id: str, closure: Closure, *, today: dt.date | None = None
) -> Closing:
    """Return the file of mission ``mission_id`` under ``data`` with its new status, checked.

    Nothing is written: write ``Closing.text`` to ``Closing.path`` if ``Closing.errors`` is
    empty.

    Raises:
        CloseError: There is no such mission, or an argument cannot be part of a status.
        FormatError: The file cannot be edited safely (a syntax error, a duplicate key ...).
        OSError: The file cannot be read.
    """
    today = today or dt.date.today()
    folder = data / _MISSIONS.folder
    path = folder / f"{mission_id}{YAML_SUFFIX}"
    if not SLUG.fullmatch(mission_id) or not path.is_file():
        known = sorted(found.stem for found in folder.glob(f"*{YAML_SUFFIX}"))
        raise CloseError(
            f"no mission '{mission_id}' in {folder}{hint(did_you_mean(mission_id, known))}"
        )
    _check_closure(closure, today)
    text, problems = decode(read_data_file(path), str(path))
    if text is None:
        raise CloseError(problems[0].message if problems else f"{path} is not UTF-8")
    status = _new_status(closure, today)
    try:
        changed = edit_text(text, lambda loaded: _set_status(loaded, status))
    except FormatError as error:
        raise FormatError(f"{path}: {error}") from None
    shown = shown_path(str(data), (_MISSIONS.folder, path.name))
    document = load_text(changed, shown)
    changes = _changes(_status_of(load_text(text, shown).data), _status_of(document.data))
    return Closing(path, changed, changes, _problems(data, shown, document, mission_id, today))


def _problems(
    data: Path, shown: str, document: Any, mission_id: str, today: dt.date
) -> list[Problem]:
    """The validator's problems in the changed file, with the rest of the tree around it."""
    context = RuleContext(today)
    entity = validate_document(_MISSIONS, document, mission_id)
    problems = list(document.problems)
    if entity.model is not None:
        problems.extend(run_entity_rules(entity, entity.model, context))
    dataset = validate_tree(data, today=today, keep_models=False).dataset
    dataset.entities = [other for other in dataset.entities if other.file != shown]
    for kind_ids in dataset.known_ids.values():
        for entity_id, other in list(kind_ids.items()):
            if other.file == shown:
                del kind_ids[entity_id]
    dataset.add(entity)
    problems.extend(
        problem for problem in run_dataset_rules(dataset, context) if problem.file == shown
    )
    return sorted(problems, key=lambda problem: (problem.line, problem.column))
