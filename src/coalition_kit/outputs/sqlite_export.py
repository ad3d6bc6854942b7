"""The SQLite export: a table per kind and link tables with foreign keys, ready for Datasette."""

from __future__ import annotations

import errno
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from coalition_kit.library import Library, campaign_letter_ids, campaign_mission_ids
from coalition_kit.library.public import public_library
from coalition_kit.models import KINDS, Campaign
from coalition_kit.outputs.tables import rows, table_columns
from coalition_kit.support.files import write_atomically

__all__ = ["export_sqlite"]

_LINK_TABLES = """
CREATE TABLE letter_signatories (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    position INTEGER NOT NULL,
    organization_id TEXT REFERENCES organizations(id),
    name TEXT,
    PRIMARY KEY (letter_id, position)
);
CREATE TABLE organization_memberships (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    coalition_id TEXT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (organization_id, coalition_id)
);
CREATE TABLE campaign_organizers (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (campaign_id, organization_id)
);
CREATE TABLE campaign_letters (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    letter_id TEXT NOT NULL REFERENCES letters(id),
    PRIMARY KEY (campaign_id, letter_id)
);
CREATE TABLE campaign_missions (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    mission_id TEXT NOT NULL REFERENCES missions(id),
    PRIMARY KEY (campaign_id, mission_id)
);
CREATE TABLE events (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    timezone TEXT,
    city TEXT,
    country TEXT,
    venue_name TEXT,
    mission_id TEXT REFERENCES missions(id),
    status TEXT NOT NULL,
    online INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, id)
);
CREATE TABLE contact_points (
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT,
    display TEXT,
    label TEXT,
    PRIMARY KEY (owner_kind, owner_id, position)
);
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_entity_tables(connection: sqlite3.Connection) -> None:
    for kind in KINDS:
        columns = [
            f"{_quote(name)} TEXT" + (" PRIMARY KEY" if name == "id" else "")
            for name, _ in table_columns(kind.model)
        ]
        connection.execute(f"CREATE TABLE {kind.folder} ({', '.join(columns)})")


def _insert_links(connection: sqlite3.Connection, library: Library) -> None:
    for letter in library.letters.values():
        connection.executemany(
            "INSERT INTO letter_signatories VALUES (?, ?, ?, ?)",
            [(letter.id, i, s.organization, s.name) for i, s in enumerate(letter.signatories)],
        )
    for organization in library.organizations.values():
        connection.executemany(
            "INSERT INTO organization_memberships VALUES (?, ?)",
            [(organization.id, coalition) for coalition in organization.member_of],
        )
    for campaign in library.campaigns.values():
        _insert_campaign_links(connection, campaign)
    for kind, entities in (("organization", library.organizations), ("mission", library.missions)):
        for entity in entities.values():
            connection.executemany(
                "INSERT INTO contact_points VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        kind,
                        entity.id,
                        i,
                        c.kind,
                        *_contact_value(c.model_dump(mode="json")),
                        c.label,
                    )
                    for i, c in enumerate(entity.contact_points)
                ],
            )


def _contact_value(contact: dict[str, Any]) -> tuple[str | None, str | None]:
    if "address" in contact:
        return json.dumps(contact["address"], ensure_ascii=False), None
    if "account" in contact:
        return contact["account"].get("url") or contact["account"].get("handle"), None
    return contact.get("value") or contact.get("url"), contact.get("display")


def _insert_campaign_links(connection: sqlite3.Connection, campaign: Campaign) -> None:
    connection.executemany(
        "INSERT INTO campaign_organizers VALUES (?, ?)",
        [(campaign.id, organization) for organization in dict.fromkeys(campaign.organizers)],
    )
    connection.executemany(
        "INSERT INTO campaign_letters VALUES (?, ?)",
        [(campaign.id, letter) for letter in campaign_letter_ids(campaign)],
    )
    connection.executemany(
        "INSERT INTO campaign_missions VALUES (?, ?)",
        [(campaign.id, mission) for mission in campaign_mission_ids(campaign)],
    )
    connection.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                campaign.id,
                e.id,
                e.title,
                e.kind.value,
                e.start,
                e.end,
                e.timezone,
                e.city,
                e.country,
                e.venue.name if e.venue else None,
                e.venue.mission if e.venue else None,
                e.status.value,
                int(e.online),
            )
            for e in campaign.events
        ],
    )


def export_sqlite(library: Library, path: Path, *, overwrite: bool = False) -> Path:
    """Write a SQLite database: a table per kind plus link tables, with foreign keys (Datasette).

    Text, number, date and choice fields are columns; lists and nested fields are JSON text, which
    SQLite's JSON functions read.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(
            errno.EEXIST, "exists; pass overwrite=True (or --force) to replace it", str(path)
        )
    library = public_library(library)
    with tempfile.TemporaryDirectory() as folder:
        temporary = Path(folder) / "export.db"
        connection = sqlite3.connect(temporary)
        try:
            _create_entity_tables(connection)
            connection.executescript(_LINK_TABLES)
            for kind in KINDS:
                columns = table_columns(kind.model)
                marks = ", ".join("?" for _ in columns)
                connection.executemany(
                    # Table names come from the fixed list of kinds, never from data.
                    f"INSERT INTO {kind.folder} VALUES ({marks})",  # noqa: S608
                    list(rows(library[kind.folder].values(), columns)),
                )
            _insert_links(connection, library)
            connection.commit()
        finally:
            connection.close()
        return write_atomically(path, temporary.read_bytes(), overwrite=overwrite)
