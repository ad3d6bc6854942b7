"""Bulk work without the garbage collector's repeated passes.

CPython starts a collection every few hundred new container objects, and the oldest generation's
passes walk everything alive; building tens of thousands of small models (or parsing and checking
thousands of files) spends most of its time there. Nothing built in bulk here forms cycles that
need collecting before the work ends, so the collector is paused for its duration, then
restored as it was.

Restoring it alone would leave every object made in the block in the youngest generation, with
the count of new objects far past its threshold: the next allocation would start a collection
that walks them all, and they would be walked again on their way to the oldest generation
(0.2 to 0.3 s each time for the 225,000 objects of a large library's models). So what is alive
when the block ends is moved to the oldest generation at once, as those passes would have left
it: ``gc.freeze()`` then ``gc.unfreeze()``, which move the lists without walking them. A caller
that keeps objects frozen itself (``gc.get_freeze_count()``) keeps them so: then the move is
skipped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause automatic garbage collection inside the block; restore the caller's setting after.

    What the block leaves alive is moved to the oldest generation without being walked.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
