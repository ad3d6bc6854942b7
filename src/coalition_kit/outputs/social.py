"""Social posts: whether a call to action's template fits its platform, and what to post if not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.shared import Platform
from coalition_kit.models.social import PLATFORM_LIMITS, post_length

__all__ = ["SocialPostCheck", "check_social_post", "split_post"]


@dataclass(frozen=True)
class SocialPostCheck:
    """A social post's text and whether it fits its platform, with the thread to post if not."""

    text: str
    length: int
    limit: int | None
    parts: tuple[str, ...]

    @property
    def fits(self) -> bool:
        """True when the text can be posted as one post."""
        return self.limit is None or self.length <= self.limit


_SENTENCE_END = re.compile("(?<=[.!?\u3002\uff01\uff1f])\\s+")


def split_post(platform: Platform, text: str, limit: int) -> tuple[str, ...]:
    """Split ``text`` into parts that each fit ``limit``, at sentence ends where it can.

    The parts join with single spaces into ``text``: nothing is added, dropped or reworded. A
    sentence longer than the limit is split at word breaks.
    """
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if post_length(platform, sentence) <= limit:
            pieces.append(sentence)
        else:
            pieces.extend(_words_within(platform, sentence, limit))
    parts: list[str] = []
    for piece in pieces:
        joined = f"{parts[-1]} {piece}" if parts else piece
        if parts and post_length(platform, joined) <= limit:
            parts[-1] = joined
        else:
            parts.append(piece)
    return tuple(parts)


def _words_within(platform: Platform, sentence: str, limit: int) -> list[str]:
    parts: list[str] = []
    for word in sentence.split(" "):
        joined = f"{parts[-1]} {word}" if parts else word
        if parts and post_length(platform, joined) <= limit:
            parts[-1] = joined
        else:
            parts.append(word)
    return parts


def check_social_post(action: SocialPostAction) -> SocialPostCheck:
    """Measure a social-post call to action against its platform's limit.

    ``parts`` is what to post: the text alone when it fits; else the campaign's own thread if
    it published one, or the text split at sentence ends into parts that fit (a suggestion of
    the tool, which keeps every word as written).
    """
    limit = PLATFORM_LIMITS.get(action.platform)
    length = post_length(action.platform, action.text)
    fits = limit is None or length <= limit.characters
    if fits or limit is None:
        parts: tuple[str, ...] = (action.text,)
    elif action.thread:
        parts = tuple(action.thread)
    else:
        parts = split_post(action.platform, action.text, limit.characters)
    return SocialPostCheck(action.text, length, limit.characters if limit else None, parts)
