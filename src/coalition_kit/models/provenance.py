"""Where an entry's values came from when no person typed them in.

Imports from data sets, and searches that found nothing.
"""

from __future__ import annotations

from pydantic import Field

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model
from coalition_kit.models.refs import PastDate
from coalition_kit.models.shared import Source
from coalition_kit.models.text import Markdown, OneLine

__all__ = ["ImportRecord", "Search"]


class ImportRecord(Model):
    """An import that filled some of an entry's fields from a data set.

    The fields it names hold *imported* values: copied by the importer, checked by nobody yet. A
    new import may replace them; it never replaces a value a person entered or verified.
    """

    dataset: Source = Field(
        description="The data set: its title, publisher, address and the date it was generated."
    )
    item: HttpUrl | None = Field(
        None, description="The address of the record the values came from (a Wikidata item)."
    )
    fields: list[OneLine] = Field(
        min_length=1, description="The fields whose values are imported: 'city', 'website' ..."
    )
    imported_on: PastDate = Field(description="The day of the import.")


class Search(Model):
    """A search for a value that found none: recorded so that the next volunteer starts further."""

    field: OneLine = Field(description="What was looked for: 'email', 'postal', 'fax' ...")
    date: PastDate = Field(description="The day of the search.")
    queries: list[OneLine] = Field(
        default_factory=list, description="What was searched for, as typed."
    )
    note: Markdown | None = Field(None, description="What was found instead, or why nothing.")
