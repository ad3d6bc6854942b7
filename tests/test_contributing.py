"""The contributors' commands as volunteers run them: ``fmt`` moving every comment with its key."""

from __future__ import annotations

from coalition_kit.contrib.fmt import format_text
from coalition_kit.models import KINDS_BY_FOLDER

MISSIONS = KINDS_BY_FOLDER["missions"]


# --- fmt -----------------------------------------------------------------------------------

# The starter file 'new' used to write: name after city, 'sources' before the optional fields.
OLD_STARTER = """\
# A new mission for coalition-kit.

# The id: the file name without '.yaml', a lowercase slug.
id: cn-embassy-tv
# The state the mission represents: 'CN'.
sending_state: "CN"
# The country the mission is in.
host_country: "TV"
# embassy, consulate-general, consulate, ...
kind: "embassy"
# The city the mission is in.
city: "Funafuti"
# The mission's name as the source writes it.
name: "Embassy in Tuvalu"
# The sources of the facts in this entry; at least one.
sources:
  - url: "https://example.org"  # the list of missions
    # Its title.
    title: "T"

# Optional fields:

# The mission's own website.
# website:
"""


def test_fmt_moves_each_comment_with_its_key() -> None:
    formatted = format_text(OLD_STARTER, MISSIONS)
    lines = formatted.splitlines()
    assert lines[:5] == [
        "# A new mission for coalition-kit.",
        "",
        "# The id: the file name without '.yaml', a lowercase slug.",
        "id: cn-embassy-tv",
        "# The mission's name as the source writes it.",
    ]
    assert lines[5] == 'name: "Embassy in Tuvalu"'
    for comment, key in [
        ("# The state the mission represents: 'CN'.", 'sending_state: "CN"'),
        ("# The city the mission is in.", 'city: "Funafuti"'),
        ("# The sources of the facts in this entry; at least one.", "sources:"),
        ("  # Its title.", '  - title: "T"'),
    ]:
        assert lines[lines.index(comment) + 1] == key
    assert '    url: "https://example.org"  # the list of missions' in lines
    assert lines[-4:] == ["# Optional fields:", "", "# The mission's own website.", "# website:"]
    assert format_text(formatted, MISSIONS) == formatted


def test_fmt_moves_comments_at_every_level() -> None:
    messy = """\
# About this file.
name: Example
# The building.
address:  # as the site gives it
  # The country, last in the canonical order.
  country: NO
  # The street.
  lines:
    # The first line.
    - 1 Example Street
  locality: Oslo  # the city
id: cn-embassy-no
sending_state: CN
host_country: NO
kind: embassy
sources:
  - url: https://example.org/a
    # The publisher of a.
    publisher: A
    # The title of a.
    title: Title A
# Kept at the end.
"""
    formatted = format_text(messy, MISSIONS)
    assert (
        formatted
        == """\
# About this file.
id: cn-embassy-no
name: Example
sending_state: CN
host_country: "NO"
kind: embassy
# The building.
address:  # as the site gives it
  # The street.
  lines:
    # The first line.
    - 1 Example Street
  locality: Oslo  # the city
  # The country, last in the canonical order.
  country: "NO"
sources:
  # The title of a.
  - title: Title A
    # The publisher of a.
    publisher: A
    url: https://example.org/a
# Kept at the end.
"""
    )
    assert format_text(formatted, MISSIONS) == formatted
