"""How many cores this process may use, and whether forking it is safe."""

from __future__ import annotations

import os
import threading

__all__ = ["can_fork", "usable_cores"]


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether a fork of this process is safe: the system has it and no other thread runs.

    A thread holding a lock at the fork leaves that lock held forever in the child.
    """
    return hasattr(os, "fork") and threading.active_count() == 1
