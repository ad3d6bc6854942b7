"""Social platforms' post length limits, and how each platform counts a post's length."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from coalition_kit.models.shared import Platform

__all__ = ["PLATFORM_LIMITS", "PostLimit", "post_length"]


@dataclass(frozen=True)
class PostLimit:
    """A platform's limit on the length of one post, and how it is counted."""

    characters: int
    counting: str


PLATFORM_LIMITS: dict[Platform, PostLimit] = {
    Platform.X: PostLimit(
        280, "weighted as X counts: most CJK characters and emoji count 2, links 23"
    ),
    Platform.BLUESKY: PostLimit(300, "code points (Bluesky counts graphemes, never more)"),
    Platform.MASTODON: PostLimit(500, "code points (the default of Mastodon servers)"),
    Platform.THREADS: PostLimit(500, "code points"),
    Platform.LINKEDIN: PostLimit(3000, "code points"),
    Platform.INSTAGRAM: PostLimit(2200, "code points (caption)"),
    Platform.FACEBOOK: PostLimit(63206, "code points"),
}
"""The post length limit of each platform that has a known one."""


# X's published counting rules (twitter-text configuration v3): a code point weighs 2 unless it
# falls in these ranges (Latin, Greek, Cyrillic, general punctuation ...), which weigh 1; every link
# counts as 23, whatever its length.
_X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_X_LINK_LENGTH = 23
_LINK = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


def _x_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    length = 0
    for part_index, part in enumerate(_LINK.split(text)):
        if part_index:
            length += _X_LINK_LENGTH
        for character in part:
            code = ord(character)
            light = any(low <= code <= high for low, high in _X_LIGHT_RANGES)
            length += 1 if light else 2
    return length


def post_length(platform: Platform, text: str) -> int:
    """Return the length of ``text`` as ``platform`` counts it toward its limit.

    X weighs characters (most CJK characters and emoji count 2, links 23); other platforms count
    code points, which never undercounts their graphemes: an emoji sequence may count more than
    the platform says, never less.
    """
    if platform is Platform.X:
        return _x_length(text)
    return len(unicodedata.normalize("NFC", text))
