"""Reading data files from disk: only regular files, at most ``MAX_FILE_BYTES``, as UTF-8.

Named pipes, devices and folders named like data files are refused without blocking on them; a
byte-order mark is read (and reported as a warning); undecodable bytes are a problem at their line.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import Document, Location
from coalition_kit.reading.yaml import load_text, normalise_line_ends

__all__ = ["MAX_FILE_BYTES", "FileTooLargeError", "decode", "load_file", "read_data_file"]

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest data file read, in bytes: ten times the largest real entity with room to spare."""


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8, reporting a byte-order mark and undecodable bytes at their line."""
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                path,
                1,
                1,
                Code.BYTE_ORDER_MARK,
                "the file starts with a byte-order mark (read all the same); "
                "coalition-kit fmt removes it",
            )
        )
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(path, 1, 1, Code.ENCODING, "the file is UTF-16; save it as UTF-8"))
        return None, problems
    try:
        return raw.decode("utf-8"), problems
    except UnicodeDecodeError as error:
        before = normalise_line_ends(raw[: error.start].decode("utf-8", "replace"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        problems.append(
            Problem(
                path,
                line,
                column,
                Code.ENCODING,
                f"byte 0x{raw[error.start]:02X} is not UTF-8; save the file as UTF-8",
            )
        )
        return None, problems


def read_data_file(file: Path) -> bytes:
    """Return the bytes of the regular file at ``file``, at most ``MAX_FILE_BYTES`` + 1 of them.

    A named pipe, a device or a folder is refused without blocking on it.

    Raises:
        OSError: The file cannot be read; ``strerror`` says why in words for a contributor.
    """
    # O_NONBLOCK: opening a named pipe must not wait for a writer that never comes.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(file, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            what = "a folder" if stat.S_ISDIR(status.st_mode) else "a named pipe, socket or device"
            raise OSError(
                errno.EINVAL, f"this is {what}, not a data file; data files are plain text files"
            )
        if status.st_size > MAX_FILE_BYTES:
            raise FileTooLargeError(status.st_size)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            # As much as the file holds, and one byte more to notice one that grew meanwhile.
            raw = handle.read(status.st_size + 1)
            if len(raw) > status.st_size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
        if len(raw) > MAX_FILE_BYTES:
            raise FileTooLargeError(len(raw))
        return raw
    finally:
        os.close(descriptor)


class FileTooLargeError(OSError):
    """A data file is over ``MAX_FILE_BYTES``."""

    def __init__(self, size: int) -> None:
        """Record the size found."""
        self.size = size
        super().__init__(
            errno.EFBIG,
            f"the file is {size:,} bytes; data files are limited to {MAX_FILE_BYTES:,}",
        )


def load_file(file: Path, shown_as: str | None = None) -> Document:
    """Load the YAML file at ``file``; ``shown_as`` is the path to put in problems."""
    path = shown_as if shown_as is not None else str(file)
    try:
        raw = read_data_file(file)
    except FileTooLargeError as error:
        document = Document(path)
        document.problem(Location(1, 1), Code.FILE_TOO_LARGE, str(error.strerror))
        return document
    except OSError as error:
        document = Document(path)
        document.problem(Location(1, 1), Code.FILE_UNREADABLE, error.strerror or str(error))
        return document
    text, problems = decode(raw, path)
    if text is None:
        document = Document(path)
        document.problems.extend(problems)
        return document
    document = load_text(text, path)
    document.problems[:0] = problems
    return document
