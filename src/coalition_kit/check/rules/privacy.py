"""Privacy: a person's own phone number or e-mail is recorded only where they published it.

Contact points that look personal (a free-mail address, a mobile number) are refused unless the
entry declares them, with the page where the owner published them; the same details written in
any text of an entry are refused unless that entry declares them as its contact points.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.personal import contacts_in_text, free_mail_domain, is_mobile
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.models.contacts import EmailContact, PhoneContact, Visibility
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import NodePath


@entity_rule(
    "personal-contacts-published",
    "Personal contact details carry proof that the person published them.",
)
def personal_contacts_published(
    entity: Entity[Any], model: Organization | Mission, context: RuleContext
) -> Iterator[Problem]:
    """Report personal contact points without ``published_by_owner``."""
    for index, contact in enumerate(model.contact_points):
        if contact.visibility is Visibility.PERSONAL and contact.published_by_owner is None:
            yield entity.problem(
                ("contact_points", index, "visibility"),
                Code.CONTACT_PERSONAL_UNPUBLISHED,
                "a personal contact detail needs 'published_by_owner': the source where the "
                "person published it themselves; otherwise leave it out",
            )


def _looks_personal(contact: object) -> str | None:
    """Why a contact looks like a person's own, or None (never repeating the detail itself)."""
    if isinstance(contact, EmailContact):
        domain = free_mail_domain(contact.value)
        return f"this address is at the free-mail provider {domain}" if domain else None
    if isinstance(contact, PhoneContact) and is_mobile(contact.value):
        return "this is a mobile number"
    return None


def _declared(contact: Any) -> bool:
    """True when the entry says whose the contact is, with the page its owner published it on."""
    return "visibility" in contact.model_fields_set and contact.published_by_owner is not None


@entity_rule(
    "likely-personal-contacts-declared",
    "A free-mail address or a mobile number is recorded only when declared, with its evidence.",
)
def likely_personal_contacts_declared(
    entity: Entity[Any], model: Organization | Mission, context: RuleContext
) -> Iterator[Problem]:
    """Report free-mail addresses and mobile numbers that are not declared with evidence."""
    for index, contact in enumerate(model.contact_points):
        why = _looks_personal(contact)
        if why is not None and not _declared(contact):
            yield entity.problem(
                ("contact_points", index, "value"),
                Code.CONTACT_LIKELY_PERSONAL,
                f"{why}, so it probably belongs to a person: leave it out, "
                "or declare it with 'visibility: institutional' (or 'personal') and "
                "'published_by_owner:' citing the page where its owner published it",
            )


def _regions(model: AnyEntity) -> list[str]:
    if isinstance(model, Mission):
        return [model.host_country]
    if isinstance(model, Organization) and model.country:
        return [model.country]
    return []


@entity_rule(
    "no-personal-contacts-in-text",
    "No text holds a free-mail address or a mobile number its entry does not declare.",
)
def no_personal_contacts_in_text(
    entity: Entity[Any], model: AnyEntity, context: RuleContext
) -> Iterator[Problem]:
    """Report free-mail addresses and mobile numbers written in texts (a sender line, a note)."""
    declared: set[str] = set()
    contacts: set[NodePath] = set()
    if isinstance(model, Organization | Mission):
        for index, contact in enumerate(model.contact_points):
            contacts.add(("contact_points", index))
            if _declared(contact) and isinstance(contact, EmailContact):
                declared.add(contact.value.casefold())
            elif _declared(contact) and isinstance(contact, PhoneContact):
                declared.add(contact.value)
    regions = _regions(model)
    for path, text in entity.document.strings():
        if path[:2] in contacts and path[2:3] in (("value",), ("display",)):
            continue  # the contact itself, checked by the rule above
        for found in contacts_in_text(text, regions):
            if found.canonical in declared:
                continue
            yield entity.problem(
                path,
                Code.CONTACT_IN_TEXT,
                f"this text holds {found.value[:4]}... ({found.reason}), which probably belongs "
                "to a person: leave it out (an office's published contact goes in "
                "'contact_points', declared with its source)",
            )


@entity_rule(
    "people-at-risk-sourced-and-flagged",
    "Named people at risk have a public source and publish_name: true.",
)
def people_at_risk_sourced_and_flagged(
    entity: Entity[Any], model: Letter | Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report people at risk named without a public source or without the decision to name them."""
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
