"""Social posts: each template fits its platform, or is split into a thread that does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import Campaign
from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.social import PLATFORM_LIMITS, post_length
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


@entity_rule("social-post-length", "Social post templates fit the platform's length limit.")
def social_post_length(
    entity: Entity[Any], model: Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report templates over the limit without a thread, and threads that do not fit or match."""
    campaign = model
    for index, action in enumerate(campaign.calls_to_action):
        if not isinstance(action, SocialPostAction):
            continue
        limit = PLATFORM_LIMITS.get(action.platform)
        base = ("calls_to_action", index)
        if action.thread and " ".join(action.thread) != action.text:
            yield entity.problem(
                (*base, "thread"),
                Code.SOCIAL_THREAD_MISMATCH,
                "the parts of 'thread' joined with single spaces differ from 'text'",
                key=True,
            )
        if limit is None:
            continue
        length = post_length(action.platform, action.text)
        if length > limit.characters and not action.thread:
            yield entity.problem(
                (*base, "text"),
                Code.SOCIAL_POST_TOO_LONG,
                f"the post is {length} long and {action.platform.value} allows "
                f"{limit.characters} ({limit.counting}); the site offers it as a thread of parts "
                "that fit, or shorten it",
            )
        for part_index, part in enumerate(action.thread):
            part_length = post_length(action.platform, part)
            if part_length > limit.characters:
                yield entity.problem(
                    (*base, "thread", part_index),
                    Code.SOCIAL_POST_TOO_LONG,
                    f"this part of the thread is {part_length} long and "
                    f"{action.platform.value} allows {limit.characters}",
                )
