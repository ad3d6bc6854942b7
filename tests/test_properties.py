"""Property-based tests: the loader and validator never crash, and nothing is lost on a round trip.

Hypothesis generates hostile text and structures; every outcome must be problems as values,
never an exception, and every valid entity must survive YAML -> model -> YAML/JSON unchanged.
"""

from __future__ import annotations

import copy
import string
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from coalition_kit.check.document import validate_document
from coalition_kit.contrib.fmt import FormatError, format_text
from coalition_kit.models import KINDS, KINDS_BY_FOLDER, Organization
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.problems.report import Problem
from coalition_kit.reading.plain import dump_yaml
from coalition_kit.reading.yaml import load_text, normalise_line_ends
from conftest import DATA

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = [
    "id: x\n",
    "name: ",
    "kind: ngo\n",
    "- ",
    ": ",
    "&a ",
    "*a",
    "!!python/object ",
    "!tag ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "'",
    '"',
    "\\",
    "#",
    " #x",
    "\n",
    "  ",
    "\t",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">-\n",
    "no",
    "on",
    "0123",
    "12:30",
    "1e3",
    "~",
    "null",
    "true",
    "<<: *a\n",
    "%YAML 1.1\n",
    "\ufeff",
    "\u202e",
    "\x07",
    "\x00",
    "é",
    "한국",
    "😀",
    "\r\n",
    "sources:\n",
    "  - url: https://e.org\n",
]

yaml_like = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=6)), max_size=40).map(
    "".join
)


@SETTINGS
@given(st.one_of(st.text(), yaml_like))
def test_loader_never_raises_and_locates_every_problem(text: str) -> None:
    document = load_text(text, "f.yaml")
    # CR and CRLF end lines as LF does (editors show them so).
    lines = max(1, normalise_line_ends(text).count("\n") + 1)
    for problem in document.problems:
        assert isinstance(problem, Problem)
        assert 1 <= problem.line <= lines + 1 and problem.column >= 1


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "name",
                    "kind",
                    "sources",
                    "url",
                    "value",
                    "contact_points",
                    "body",
                    "en",
                    "events",
                    "start",
                    "status",
                    "state",
                    "text",
                    "x",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@SETTINGS
@given(json_like, st.sampled_from(KINDS))
def test_validator_never_raises_on_any_structure(data: Any, kind: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    document = load_text(text, f"data/{kind.folder}/x.yaml")
    entity = validate_document(kind, document, "x")
    assert (entity.model is None) == bool(document.problems)
    assert all(isinstance(problem, Problem) for problem in document.problems)


def _valid(adapter: TypeAdapter[str], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


_ONE_LINE = TypeAdapter(OneLine)
_MARKDOWN = TypeAdapter(Markdown)
texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=80)
one_lines = texts.filter(lambda value: _valid(_ONE_LINE, value))
markdowns = st.one_of(
    texts, st.sampled_from(["a\nb", "- item\n- item", "no", "12:30", "#tag", "  x  "])
).filter(lambda value: _valid(_MARKDOWN, value))
BASE = load_text(
    (DATA / "organizations" / "liberty-in-north-korea.yaml").read_text(encoding="utf-8"), "x"
).data


@SETTINGS
@given(one_lines, one_lines, markdowns, one_lines)
def test_round_trip_yaml_and_json_keep_every_value(
    name: str, other: str, description: str, role: str
) -> None:
    data = copy.deepcopy(BASE)
    data.update(name=name, description=description, acronym=other)
    data["other_names"] = [{"name": other, "language": "ko"}]
    data["people"] = [{"name": name, "role": role}]
    model = Organization.model_validate(data)
    written = dump_yaml(model.model_dump(mode="json", exclude_none=True))
    document = load_text(written, "data/organizations/liberty-in-north-korea.yaml")
    assert document.problems == []
    assert Organization.model_validate(document.data) == model
    assert Organization.model_validate_json(model.model_dump_json()) == model
    formatted = format_text(written, KINDS_BY_FOLDER["organizations"])
    assert Organization.model_validate(load_text(formatted, "f").data) == model


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.yaml")), ids=lambda p: p.name)
def test_every_data_file_round_trips_through_dump_and_fmt(path: Any) -> None:
    kind = KINDS_BY_FOLDER[path.parent.name]
    document = load_text(path.read_text(encoding="utf-8"), str(path))
    model = kind.model.model_validate(document.data)
    again = load_text(dump_yaml(model.model_dump(mode="json", exclude_none=True)), str(path))
    assert again.problems == [] and kind.model.model_validate(again.data) == model
    assert format_text(path.read_text(encoding="utf-8"), kind) == path.read_text(encoding="utf-8")


@SETTINGS
@given(st.text(alphabet=string.printable, max_size=200))
def test_fmt_never_changes_a_value_or_crashes(text: str) -> None:
    try:
        formatted = format_text(text, KINDS_BY_FOLDER["organizations"])
    except FormatError:
        return
    assert load_text(formatted, "f").data == load_text(text, "f").data


def test_fmt_quotes_dates_and_reads_windows_files_the_same() -> None:
    kind = KINDS_BY_FOLDER["organizations"]
    written = (
        "\ufeffid: x\r\nname: X\r\nkind: ngo\r\nsources:\r\n"
        "  - url: https://example.org/a\r\n    published: 2023-11-06\r\n"
    )
    formatted = format_text(written, kind)
    assert formatted == (
        "id: x\nname: X\nkind: ngo\nsources:\n  - url: https://example.org/a\n"
        '    published: "2023-11-06"\n'
    )
