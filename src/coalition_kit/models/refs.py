"""Field markers and a walker that finds marked values in a model tree.

A reference field is a ``Slug`` annotated with ``Ref("organization")`` (and so on); a date that
cannot lie in the future is annotated with ``NotFuture()``. Dataset-wide rules find every marked
value with ``iter_marked`` instead of listing field paths by hand, so a new field that links to
an organization is checked the moment it is declared with ``OrganizationId``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field

from coalition_kit.models.dates import IsoDate
from coalition_kit.models.formats import Slug
from coalition_kit.models.introspect import field_annotations, leaves, models_in

__all__ = [
    "CampaignId",
    "EventId",
    "LastVerified",
    "LetterId",
    "MissionId",
    "NotFuture",
    "OrganizationId",
    "PastDate",
    "Ref",
    "iter_marked",
]


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of an entity of ``kind``.

    ``kind`` is an entity kind ('organization', 'letter', 'campaign', 'mission') or 'event', an
    event of the same campaign.
    """

    kind: str


@dataclass(frozen=True)
class NotFuture:
    """Marks a date that records something done (a check, a retrieval): it cannot be in the future."""


OrganizationId = Annotated[Slug, Ref("organization")]
"""The id of an organization."""
LetterId = Annotated[Slug, Ref("letter")]
"""The id of a letter."""
CampaignId = Annotated[Slug, Ref("campaign")]
"""The id of a campaign."""
MissionId = Annotated[Slug, Ref("mission")]
"""The id of a mission."""
EventId = Annotated[Slug, Ref("event")]
"""The id of an event of the same campaign."""
PastDate = Annotated[IsoDate, NotFuture()]
"""A date on which something was done: today or earlier."""

_Marker = Ref | NotFuture
_NodePath = tuple[str | int, ...]


def _markers_and_models(annotation: Any) -> tuple[tuple[_Marker, ...], bool]:
    """Return the markers on the leaves of ``annotation`` and whether it can hold a model."""
    found = list(leaves(annotation))
    markers = tuple(
        dict.fromkeys(
            item for leaf in found for item in leaf.metadata if isinstance(item, Ref | NotFuture)
        )
    )
    return markers, bool(models_in(annotation))


@cache
def _plan(model_class: type[BaseModel]) -> tuple[tuple[str, tuple[_Marker, ...], bool], ...]:
    """The fields of ``model_class`` worth walking: their markers and whether they hold models."""
    plan = []
    for name, annotation in field_annotations(model_class).items():
        markers, holds_model = _markers_and_models(annotation)
        if markers or holds_model:
            plan.append((name, markers, holds_model))
    return tuple(plan)


def iter_marked(model: BaseModel, path: _NodePath = ()) -> Iterator[tuple[_NodePath, Any, _Marker]]:
    """Yield ``(path, value, marker)`` for every marked value in ``model``, depth first."""
    for name, markers, holds_model in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk_value(value, (*path, name), markers, holds_model)


def _walk_value(
    value: Any, path: _NodePath, markers: tuple[_Marker, ...], holds_model: bool
) -> Iterator[tuple[_NodePath, Any, _Marker]]:
    if isinstance(value, BaseModel):
        yield from iter_marked(value, path)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk_value(item, (*path, index), markers, holds_model)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, (*path, key), markers, holds_model)
    else:
        for marker in markers:
            yield path, value, marker


LastVerified = Annotated[
    PastDate | None,
    Field(description="When someone last checked this entry against its sources."),
]
"""When an entry was last checked; leave it out until someone has."""
