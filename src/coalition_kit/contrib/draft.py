"""A mission as one imported row describes it, and how it folds into the file on disk.

Imported values fill what is empty and replace what an earlier import wrote; a value a person
entered is kept, with the disagreement put on the review list; contact points a person verified
are never touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from coalition_kit.contrib.places import city_key
from coalition_kit.contrib.review import Review

__all__ = ["Draft"]


@dataclass
class Draft:
    """A mission as one row describes it, before it is merged with the file on disk."""

    id: str
    base: dict[str, Any]
    fields: dict[str, Any]
    contacts: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    dataset: dict[str, Any]
    item: str | None

    def merge_into(
        self, existing: dict[str, Any] | None, day: dt.date, review: Review
    ) -> dict[str, Any]:
        """Return the mission file's data with this row folded in.

        Imported values fill what is empty and replace what an earlier import wrote; a value a
        person entered is kept, and a different imported value is put on ``review``. Contact
        points a person verified are never touched.
        """
        data: dict[str, Any] = dict(existing) if existing is not None else dict(self.base)
        prior = set((existing or {}).get("imported", {}).get("fields", []))
        imported: set[str] = set()
        for name, value in self.fields.items():
            current = data.get(name)
            if current in (None, [], {}) or name in prior:
                data[name] = value
                imported.add(name)
            elif not _same(current, value):
                review.conflicts.append(
                    {"mission": self.id, "field": name, "kept": current, "imported": value}
                )
        for name in ("sending_state", "host_country", "kind"):
            if name in data and data[name] != self.base[name]:
                review.conflicts.append(
                    {
                        "mission": self.id,
                        "field": name,
                        "kept": data[name],
                        "imported": self.base[name],
                    }
                )
        contacts = self._merged_contacts(data.get("contact_points", []), review)
        if contacts:
            data["contact_points"] = contacts
        if any(contact.get("imported") for contact in contacts):
            imported.add("contact_points")
        data["sources"] = _merged_sources(data.get("sources", []), self.sources)
        if imported:
            record = {
                "dataset": self.dataset,
                **({"item": self.item} if self.item else {}),
                "fields": sorted(imported),
                "imported_on": day.isoformat(),
            }
            earlier = (existing or {}).get("imported")
            if isinstance(earlier, dict) and {**earlier, "imported_on": None} == {
                **record,
                "imported_on": None,
            }:
                record["imported_on"] = earlier["imported_on"]
            data["imported"] = record
        return data

    def _merged_contacts(
        self, current: list[dict[str, Any]], review: Review
    ) -> list[dict[str, Any]]:
        # An earlier import's contacts make way for this one's, unless a person verified them.
        kept = [c for c in current if not (c.get("imported") and "verified" not in c)]
        known = {_contact_key(c) for c in kept}
        for contact in self.contacts:
            if _contact_key(contact) not in known:
                kept.append(contact)
                known.add(_contact_key(contact))
        return kept


def _contact_key(contact: dict[str, Any]) -> tuple[str, str]:
    value = str(contact.get("value") or contact.get("url") or contact.get("address") or "")
    return str(contact.get("kind")), value.casefold().rstrip("/")


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) and isinstance(value, str):
        return current.casefold().rstrip("/") == value.casefold().rstrip("/") or (
            city_key(current) == city_key(value) != ""
        )
    return bool(current == value)


def _merged_sources(
    current: list[dict[str, Any]], added: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    merged = list(current)
    for source in added:
        if not any(_source_key(source) == _source_key(other) for other in merged):
            merged.append(source)
    return merged


def _source_key(source: dict[str, Any]) -> tuple[Any, ...]:
    return (source.get("url"), source.get("archived_copy"))
