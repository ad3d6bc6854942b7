"""Checking one loaded file against its kind's model: id, schema, and what rules need of it."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from coalition_kit.check.dataset import Entity
from coalition_kit.check.errors import problems_from_errors
from coalition_kit.check.rules import entity_facts, entity_links
from coalition_kit.models import Kind
from coalition_kit.models.formats import SLUG_PATTERN
from coalition_kit.models.refs import iter_marked
from coalition_kit.problems.codes import Code
from coalition_kit.reading.discover import YAML_SUFFIX
from coalition_kit.reading.document import Document, Location

__all__ = ["SLUG", "validate_document"]

SLUG = re.compile(SLUG_PATTERN)
"""An entity id: lowercase letters and digits in words joined by single hyphens."""


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
