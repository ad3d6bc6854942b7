"""What the tabular exports say about themselves: title, description, licences and sources.

The data package (``datapackage.json``) and Datasette's ``metadata.json`` both read these, so
that they say the same thing. ``DATA-LICENSE.md`` is the full statement; ``LICENCES`` and
``LICENCE_NOTE`` are its short form, in one place to change.
"""

from __future__ import annotations

from coalition_kit._project import HOMEPAGE, SOURCE

__all__ = ["DESCRIPTION", "LAYOUT", "LICENCES", "LICENCE_NOTE", "NAME", "SOURCES", "TITLE"]

NAME = "coalition-kit"
"""The data package's name."""

TITLE = "coalition-kit: the coalition's organizations, letters, campaigns and China's missions"
"""The title of the data package and of the Datasette instance."""

DESCRIPTION = (
    "The data of the coalition against China's forced repatriation of North Korean refugees: "
    "the organizations, the letters they sent, the campaigns, and China's embassies and "
    "consulates with the ways to write to them. Personal contact details are never included. "
    "Every entry names its sources."
)
"""What the data is, in a few sentences."""

LAYOUT = (
    "Each kind has a main table (organizations, letters, campaigns, missions) with a row per "
    "entry: its id, a label to show, and a column per value, nested values spread over prefixed "
    "columns (status_state, address_locality). Each list or dict of an entry is a table of its "
    "own (mission_contact_points, letter_signatories, letter_body), whose rows name the entry "
    "(mission_id) and the item's position from 0 or its key (language, path); a list inside an "
    "item adds the item's position (contact_points_position). Columns that hold an id are "
    "foreign keys to the table of that kind. Empty cells are missing values; truth values are "
    "true and false (0 and 1 in SQLite), dates YYYY-MM-DD, partial dates as precise as known."
)
"""How the tables are laid out, for the descriptions of the data package and of Datasette."""

LICENCES: tuple[dict[str, str], ...] = (
    {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    {
        "name": "CC0-1.0",
        "title": "CC0 1.0 (values imported from Wikidata)",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
)
"""The licences, as the data package lists them: the coalition's own work first."""

LICENCE_NOTE = (
    "The coalition's own work (the structure and selection of the data, the directory of "
    "missions, summaries, notes and translations) is under CC BY 4.0: credit "
    "'coalition-kit contributors' with a link to the project. Values imported from Wikidata "
    "(marked 'imported') are CC0. The letters, petitions and campaign texts the data quotes "
    "remain their authors'. See DATA-LICENSE.md."
)
"""The licence terms in a few sentences, for readers of the exports."""

SOURCES: tuple[dict[str, str], ...] = (
    {"title": "coalition-kit", "path": HOMEPAGE},
    {"title": "coalition-kit data (YAML, with every entry's sources)", "path": SOURCE},
)
"""Where the data comes from: the project's site and its repository."""
