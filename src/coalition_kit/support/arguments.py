"""Checks of what callers pass to the public functions, with messages that say what was expected.

Data problems are values (``Problem``); a wrong argument is a programming mistake of the caller
and raises ``TypeError`` at once, naming the function, the parameter and what it takes, rather
than failing later inside with an opaque message.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["require", "require_path", "require_text_mapping", "require_texts"]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def require(value: object, expected: type | tuple[type, ...], where: str, what: str) -> None:
    """Raise ``TypeError`` unless ``value`` is an instance of ``expected``.

    Args:
        value: What the caller passed.
        expected: The accepted type or types.
        where: The function and parameter, as ``"where_to_write(): campaign_id"``.
        what: What the parameter takes, in words: ``"a campaign id (text)"``.
    """
    # bool is an int to isinstance; no parameter that takes a number takes true or false.
    is_bool = isinstance(value, bool) and bool not in (
        expected if isinstance(expected, tuple) else (expected,)
    )
    if not isinstance(value, expected) or is_bool:
        raise TypeError(f"{where} takes {what}, not {type(value).__name__} {_shown(value)}")


def require_path(value: object, where: str) -> None:
    """Raise ``TypeError`` unless ``value`` is a path (text or ``os.PathLike``)."""
    require(value, (str, os.PathLike), where, "a path (text or pathlib.Path)")


def require_texts(value: object, where: str, what: str) -> list[str]:
    """Return ``value`` as a list of texts: one text, or an iterable of texts.

    Raises:
        TypeError: ``value`` is neither, or an item is not text.
    """
    if isinstance(value, str):
        return [value]
    if not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise TypeError(f"{where} takes {what}, not {type(value).__name__} {_shown(value)}")
    items: list[Any] = list(value)
    for item in items:
        require(item, str, where, what)
    return items


def require_text_mapping(value: object, where: str, what: str) -> Mapping[str, str]:
    """Return ``value`` if it maps texts to texts.

    Raises:
        TypeError: ``value`` is not a mapping, or a key or value is not text.
    """
    require(value, Mapping, where, what)
    assert isinstance(value, Mapping)
    for key, item in value.items():
        require(key, str, where, what)
        require(item, str, f"{where}[{key!r}]", "text")
    return value
