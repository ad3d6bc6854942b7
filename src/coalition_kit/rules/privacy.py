"""Privacy: a person's own phone number or e-mail is recorded only if they published it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.codes import Code
from coalition_kit.dataset import Entity
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.models.shared import Visibility
from coalition_kit.problems import Problem
from coalition_kit.rules.registry import RuleContext, rule


@rule(
    "personal-contacts-published",
    "Personal contact details carry proof that the person published them.",
)
def personal_contacts_published(
    entity: Entity[Any], model: AnyEntity, context: RuleContext
) -> Iterator[Problem]:
    """Report personal contact points without ``published_by_owner``."""
    if not isinstance(model, Organization | Mission):
        return
    for index, contact in enumerate(model.contact_points):
        if contact.visibility is Visibility.PERSONAL and contact.published_by_owner is None:
            yield entity.problem(
                ("contact_points", index, "visibility"),
                Code.CONTACT_PERSONAL_UNPUBLISHED,
                "a personal contact detail needs 'published_by_owner': the source where the "
                "person published it themselves; otherwise leave it out",
            )


@rule(
    "people-at-risk-sourced-and-flagged",
    "Named people at risk have a public source and publish_name: true.",
)
def people_at_risk_sourced_and_flagged(
    entity: Entity[Any], model: AnyEntity, context: RuleContext
) -> Iterator[Problem]:
    """Report people at risk named without a public source or without the decision to name them."""
    if not isinstance(model, Letter | Campaign):
        return
    for index, person in enumerate(model.people_at_risk):
        base = ("people_at_risk", index)
        if person.source.url is None:
            yield entity.problem(
                (*base, "source"),
                Code.PERSON_AT_RISK_UNSOURCED,
                "a person at risk may be named only with a public source: give its 'url'",
            )
        if not person.publish_name:
            yield entity.problem(
                (*base, "publish_name"),
                Code.PERSON_AT_RISK_UNFLAGGED,
                "'publish_name' is false: remove this name from the entry (and from its text)",
            )
