"""Social posts: whether a call to action's template fits its platform, and what to post if not."""

from __future__ import annotations

from dataclasses import dataclass

from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.social import PLATFORM_LIMITS, post_length

__all__ = ["SocialPostCheck", "check_social_post"]


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


def check_social_post(action: SocialPostAction) -> SocialPostCheck:
    """Measure a social-post call to action against its platform's limit.

    ``parts`` is what to post: the text alone when it fits, else the campaign's thread.
    """
    limit = PLATFORM_LIMITS.get(action.platform)
    length = post_length(action.platform, action.text)
    fits = limit is None or length <= limit.characters
    parts = (action.text,) if fits or not action.thread else tuple(action.thread)
    return SocialPostCheck(action.text, length, limit.characters if limit else None, parts)
