"""Writing files safely: atomically, and never over a file the user did not ask to replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    A reader never sees a half-written file, and a failure leaves the old file as it was.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is False.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists; pass overwrite=True (or --force) to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
