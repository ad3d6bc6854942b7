"""The loader for untrusted YAML: YAML 1.1 traps, hostile structures, positions, encodings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coalition_kit.problems.codes import Code
from coalition_kit.reading.files import MAX_FILE_BYTES, load_file
from coalition_kit.reading.plain import needs_quotes
from coalition_kit.reading.yaml import MAX_DEPTH, load_text


def codes(text: str) -> list[Code]:
    return [problem.code for problem in load_text(text, "f.yaml").problems]


@pytest.mark.parametrize(
    "written",
    [
        "no",
        "No",
        "NO",
        "yes",
        "Yes",
        "YES",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "y",
        "Y",
        "n",
        "N",
        "0123",
        "02138",
        "007",
        "0o17",
        "0x1F",
        "0b101",
        "12:30",
        "1:20:30",
        "190:20:30.15",
        "1e3",
        "1E-3",
        "6.02e23",
        "1_000",
        "1.",
        ".5",
        "+.inf",
        "-.Inf",
        ".nan",
        "=",
        "<<",
    ],
)
def test_yaml_1_1_trap_loads_as_written_and_is_reported(written: str) -> None:
    document = load_text(f"value: {written}\n", "f.yaml")
    assert document.data == {"value": written}
    [problem] = document.problems
    assert problem.code is Code.YAML_AMBIGUOUS_VALUE
    assert (problem.line, problem.column) == (1, 8)
    assert f'"{written}"' in problem.message


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("false", False),
        ("True", True),
        ("FALSE", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("+12024952138", 12024952138),
        ("1.5", 1.5),
        ("-0.25", -0.25),
        ("2024-04-22T13:30", "2024-04-22T13:30"),
        ("2023-10", "2023-10"),
        ("hello", "hello"),
        ("e3", "e3"),
        ("NOT", "NOT"),
        ("12:30pm", "12:30pm"),
        ('"no"', "no"),
        ("'0123'", "0123"),
        ('"12:30"', "12:30"),
    ],
)
def test_unambiguous_values_load_with_their_yaml_1_2_meaning(written: str, value: object) -> None:
    document = load_text(f"value: {written}\n", "f.yaml")
    assert document.problems == []
    assert document.data == {"value": value}
    assert type(document.data["value"]) is type(value)


@pytest.mark.parametrize(
    "written", ["2023-10-16", "2023-1-6", "2024-04-22T13:30:00", "2024-04-22 13:30:00Z"]
)
def test_unquoted_dates_load_as_text_with_a_warning_that_other_readers_make_dates(
    written: str,
) -> None:
    document = load_text(f"value: {written}\n", "f.yaml")
    assert document.data == {"value": written}
    [problem] = document.problems
    assert problem.code is Code.YAML_DATE_UNQUOTED
    assert not problem.is_error
    assert f'"{written}"' in problem.message
    assert needs_quotes(written)


@pytest.mark.parametrize("digits", [17, 400, 5_000, 100_000])
def test_whole_numbers_too_long_for_every_reader_load_as_text_with_a_problem(digits: int) -> None:
    written = "9" * digits
    document = load_text(f"count: {written}\n", "f.yaml")
    assert document.data == {"count": written}
    [problem] = document.problems
    assert problem.code is Code.YAML_AMBIGUOUS_VALUE
    assert len(problem.message) < 200


def test_the_largest_whole_number_every_reader_holds_exactly_is_a_number() -> None:
    assert load_text(f"n: {2**53}\n", "f.yaml").data == {"n": 2**53}
    assert load_text(f"n: {2**53 + 1}\n", "f.yaml").problems[0].code is Code.YAML_AMBIGUOUS_VALUE


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_read_like_unix_ones(ending: str) -> None:
    text = "id: x\nname: Ella\nkind: no\n"
    unix = load_text(text, "f.yaml")
    other = load_text(text.replace("\n", ending), "f.yaml")
    assert other.data == unix.data
    assert other.problems == unix.problems
    assert other.problems[0].line == 3


def test_block_scalars_are_text() -> None:
    document = load_text("value: |\n  no\n  12:30\n", "f.yaml")
    assert document.data == {"value": "no\n12:30\n"}
    assert document.problems == []


def test_positions_of_values_and_keys_are_one_based_and_count_characters() -> None:
    text = "name: 한국어 이름\nafter: x\nlist:\n  - a\n  - key: v\n    other: w\n"
    document = load_text(text, "f.yaml")
    assert document.locate(("after",)) == document.values[("after",)]
    assert (document.values[("after",)].line, document.values[("after",)].column) == (2, 8)
    assert (
        document.values[("list", 1, "other")].line,
        document.values[("list", 1, "other")].column,
    ) == (6, 12)
    assert (
        document.keys[("list", 1, "other")].line,
        document.keys[("list", 1, "other")].column,
    ) == (6, 5)


def test_locate_falls_back_to_the_closest_existing_parent() -> None:
    document = load_text("outer:\n  inner: 1\n", "f.yaml")
    missing = document.locate(("outer", "absent", 3))
    assert (missing.line, missing.column) == (2, 3)


def test_duplicate_key_is_reported_at_the_second_and_the_first_is_kept() -> None:
    document = load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    [problem] = document.problems
    assert problem.code is Code.YAML_DUPLICATE_KEY
    assert (problem.line, problem.column) == (3, 1)
    assert "line 1" in problem.message
    assert document.data == {"a": 1, "b": 2}


def test_non_text_keys_are_reported_and_kept_as_written() -> None:
    document = load_text("1: one\ntrue: yes-value\n", "f.yaml")
    assert document.data == {"1": "one", "true": "yes-value"}
    assert [problem.code for problem in document.problems] == [Code.YAML_KEY_NOT_STRING] * 2


def test_billion_laughs_is_refused_quickly_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    document = load_text("\n".join(lines) + "\n", "f.yaml")
    assert time.perf_counter() - started < 5
    reported = {problem.code for problem in document.problems}
    assert reported == {Code.YAML_ALIAS}
    # Aliases load as nothing: the data holds one list of nine and nine-element lists of None.
    assert document.data["i"] == [None] * 9


def test_deep_nesting_stops_with_a_problem_instead_of_recursing() -> None:
    document = load_text("[" * 100_000 + "]" * 100_000, "f.yaml")
    [problem] = document.problems
    assert problem.code is Code.YAML_TOO_DEEP
    assert problem.column == MAX_DEPTH + 1


def test_explicit_tags_never_construct_objects() -> None:
    document = load_text(
        "a: !!python/object/apply:os.system [echo pwned]\nb: !custom x\n", "f.yaml"
    )
    assert [problem.code for problem in document.problems] == [Code.YAML_TAG, Code.YAML_TAG]
    assert document.data == {"a": ["echo pwned"], "b": "x"}


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\n---\nb: 2\n", Code.YAML_MULTIPLE_DOCUMENTS, 2, 1),
        ("a:\n\tb: 1\n", Code.YAML_TAB, 2, 1),
        # Unclosed brackets and quotes are shown where they open; a value holding ': ' where
        # it starts, with the advice to quote it.
        ("a: [1, 2\n", Code.YAML_SYNTAX, 1, 4),
        ("a: 'unclosed\n", Code.YAML_SYNTAX, 1, 4),
        ("a: b: c\n", Code.YAML_SYNTAX, 1, 4),
        ("", Code.FILE_EMPTY, 1, 1),
        ("# only a comment\n", Code.FILE_EMPTY, 1, 1),
        ("a: x\x07y\n", Code.CONTROL_CHARACTER, 1, 5),
        ("a: abc\u202edef\n", Code.BIDI_CONTROL, 1, 4),
        ("a: abc\u2067def\u2069\n", Code.BIDI_CONTROL, 1, 4),
    ],
)
def test_broken_input_is_one_problem_at_its_place(
    text: str, code: Code, line: int, column: int
) -> None:
    problems = load_text(text, "f.yaml").problems
    assert [(p.code, p.line, p.column) for p in problems] == [(code, line, column)]


def test_byte_order_mark_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(b"\xef\xbb\xbfname: ok\n")
    document = load_file(file)
    assert [problem.code for problem in document.problems] == [Code.BYTE_ORDER_MARK]
    assert document.data == {"name": "ok"}


def test_undecodable_bytes_are_reported_at_their_line_and_column(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(b"id: x\nname: Caf" + b"\xe9\n")
    [problem] = load_file(file).problems
    assert (problem.code, problem.line, problem.column) == (Code.ENCODING, 2, 10)


def test_files_over_the_size_limit_are_not_read(tmp_path: Path) -> None:
    file = tmp_path / "big.yaml"
    file.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    [problem] = load_file(file).problems
    assert problem.code is Code.FILE_TOO_LARGE


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    [problem] = load_file(tmp_path / "missing.yaml").problems
    assert problem.code is Code.FILE_UNREADABLE


def test_a_hashtag_read_as_a_comment_is_reported_at_the_hash() -> None:
    document = load_text(
        "text: Join us #FreeNK\nnote: fine # a real comment\nok: 'quoted #tag'\n", "f.yaml"
    )
    assert document.data == {"text": "Join us", "note": "fine", "ok": "quoted #tag"}
    [problem] = document.problems
    assert (problem.code, problem.line, problem.column) == (Code.YAML_COMMENT_IN_VALUE, 1, 15)
    assert "'#FreeNK'" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "{*lae #38]2b",  # found by the fuzzer: an empty value past the last line, then a comment
        "a: x #t\u2028b: y #u\n",
        "a: x\r #t\rb: y #u",
    ],
)
def test_inputs_found_by_fuzzing_give_problems_not_exceptions(text: str) -> None:
    load_text(text, "f.yaml")


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("a:\n  - b: 1\n  c: 2\n", 3, "does not start with '- '"),
        ("name: Note: this\n", 1, 'put the whole value in quotes: "Note: this"'),
        ("id: x\nname\n# a comment\nkind: ngo\n", 2, "has no ':' after its field name"),
        ("a:\n  b:\n    - c\nd: e\n  f: g\n", 4, "indented less than the lines around it"),
        ("a: b\n  c: d\n", 2, "indented more than line 1"),
        ("a:\n  - b: 1\n  - c: 2\n d: 3\n", 4, "does not match the lines above"),
        ("a: 'open\nb: c\n", 1, "quote opened here is never closed"),
        ("a: [1, 2\nb: c\n", 1, "'[' opened here is never closed"),
        ("a: @home\n", 1, "cannot start with '@'"),
        ('a: "x\\qy"\n', 1, "escape YAML does not know"),
        ("a: b\nc: - d\n", 2, "on a line of its own"),
    ],
)
def test_syntax_errors_speak_plainly_at_the_line_to_change(text: str, line: int, says: str) -> None:
    [problem] = load_text(text, "f.yaml").problems
    assert problem.code is Code.YAML_SYNTAX
    assert problem.line == line
    assert says in problem.message
