"""Bulk work without the garbage collector's repeated passes.

CPython starts a collection every few hundred new container objects, and the oldest generation's
passes walk everything alive; building tens of thousands of small models (or parsing and checking
thousands of files) spends most of its time there. Nothing built in bulk here forms cycles that
need collecting before the work ends, so the collector is paused for its duration, then
restored as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause automatic garbage collection inside the block; restore the caller's setting after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
