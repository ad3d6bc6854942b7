"""Social platforms' post length limits, and how each platform counts a post's length."""

from __future__ import annotations

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


def post_length(platform: Platform, text: str) -> int:
    """Return the length of ``text`` as ``platform`` counts it toward its limit."""
    if platform is Platform.X:
        from twitter_text import parse_tweet

        return int(parse_tweet(text).weightedLength)
    return len(unicodedata.normalize("NFC", text))
