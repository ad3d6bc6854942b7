"""Check many files on several cores, with the same results, in the same order, as on one.

Each worker loads a chunk of files, validates them and runs the rules that look at one entity at
a time; it sends back the problems, each entity's id and links, and its model only when asked
(a report needs none, and unpickling models costs more than checking the files). Positions stay
behind: the few files a dataset-wide rule reports on are read again where that rule runs.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.document import validate_document
from coalition_kit.check.rules import RuleContext, run_entity_rules
from coalition_kit.check.withheld import WithheldNames
from coalition_kit.models import KINDS, Kind
from coalition_kit.models.formats import warm_up
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import Document
from coalition_kit.reading.files import load_file
from coalition_kit.support.memory import paused_collector
from coalition_kit.support.processes import can_fork, usable_cores

__all__ = ["PARALLEL_FROM", "CheckedFile", "check_files"]

PARALLEL_FROM = 1_000
"""Trees with fewer files than this are checked in one process: starting workers costs more."""

_CHUNK = 100

FileJob = tuple[Path, str, Kind]
"""A file to check: its path, how problems show it, and its kind."""


@dataclass
class CheckedFile:
    """What checking one file gives: its entity (id, links, model) and its problems."""

    entity: Entity[Any]
    problems: list[Problem]


def _check_one(job: FileJob, context: RuleContext, withheld: WithheldNames | None) -> CheckedFile:
    path, shown_as, kind = job
    document = load_file(path, shown_as)
    entity = validate_document(kind, document, path.stem)
    entity.path = path
    problems = list(document.problems)
    if entity.model is not None:
        problems.extend(run_entity_rules(entity, entity.model, context))
    if withheld is not None:
        problems.extend(withheld.find(document))
    return CheckedFile(entity, problems)


_Chunk = tuple[list[FileJob], RuleContext, WithheldNames | None, bool]


def _trimmed(result: CheckedFile, keep_models: bool) -> CheckedFile:
    """Keep what the tree's checks need: the problems, the id and links, the model if asked."""
    entity = result.entity
    entity.document = Document(entity.document.path, problems=entity.document.problems)
    entity.marked = []
    if not keep_models:
        entity.model = None
    return result


def _check_chunk(chunk: _Chunk) -> list[CheckedFile]:
    jobs, context, withheld, keep_models = chunk
    with paused_collector():
        return [_trimmed(_check_one(job, context, withheld), keep_models) for job in jobs]


def check_files(
    files: Sequence[FileJob],
    context: RuleContext,
    *,
    withheld: WithheldNames | None = None,
    keep_models: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[CheckedFile]:
    """Load, validate and check each file; yield the results in the order of ``files``."""
    workers = usable_cores()
    if workers < 2 or len(files) < PARALLEL_FROM:
        for start in range(0, len(files), _CHUNK):
            yield from _check_chunk(
                (list(files[start : start + _CHUNK]), context, withheld, keep_models)
            )
            if progress is not None:
                progress(min(start + _CHUNK, len(files)), len(files))
        return
    warm_up()
    # The models' validators are built when first used (a script that only loads the bundle
    # never needs them): build them once here, before the workers fork, not once in each.
    for kind in KINDS:
        kind.model.model_rebuild()
    # fork starts workers at once with everything imported; it is safe only without threads.
    method = "fork" if can_fork() else "spawn"
    chunks: list[_Chunk] = [
        (list(files[start : start + _CHUNK]), context, withheld, keep_models)
        for start in range(0, len(files), _CHUNK)
    ]
    done = 0
    context_of = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context_of) as pool:
        for checked in pool.map(_check_chunk, chunks):
            yield from checked
            done += len(checked)
            if progress is not None:
                progress(done, len(files))
