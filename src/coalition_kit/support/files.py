"""Writing files safely: atomically, and never over a file the user did not ask to replace."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["ensure_folder", "write_atomically"]


def ensure_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed; return it.

    Raises:
        NotADirectoryError: ``folder``, or a folder on its way, is a file.
    """
    for ancestor in [folder, *folder.parents]:
        if ancestor.exists() and not ancestor.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR, "is a file, not a folder; choose another place", str(ancestor)
            )
        if ancestor.is_dir():
            break
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _umask() -> int:
    # The umask can only be read by setting it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    A reader never sees a half-written file, and a failure leaves the old file as it was. The
    file gets the permissions a new file usually gets (readable by others unless the umask says
    otherwise), or keeps those of the file it replaces.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is False.
        IsADirectoryError: ``path`` is a folder.
        OSError: ``path`` is a device, pipe or socket (it is never replaced), or cannot be
            written.
    """
    existing = path.stat() if path.exists() else None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(
            errno.EISDIR, "is a folder; give the path of a file to write", str(path)
        )
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise OSError(
            errno.EINVAL, "is a device, pipe or socket, which is never replaced", str(path)
        )
    if existing is not None and not overwrite:
        raise FileExistsError(
            errno.EEXIST, "exists; pass overwrite=True (or --force) to replace it", str(path)
        )
    ensure_folder(path.parent)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
