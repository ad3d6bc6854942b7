"""YAML syntax errors in words a volunteer understands, at the line they must change.

libyaml says what its grammar expected ("did not find expected '-' indicator") and where it
noticed, which is often a line after the mistake. ``explain_syntax_error`` recognises the usual
mistakes (a line indented like no other, a value holding ``: ``, an unclosed quote or bracket,
a key without its colon) and points at the line to change, with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem

__all__ = ["explain_syntax_error"]


@dataclass(frozen=True)
class _Mistake:
    """Where a mistake is (line and column, from 1) and what to say about it."""

    line: int
    column: int
    message: str
    code: Code = Code.YAML_SYNTAX


@dataclass(frozen=True)
class _Context:
    """What an explanation may look at: the file's lines and libyaml's error."""

    lines: list[str]
    problem: str
    problem_line: int
    problem_column: int
    context: str
    context_line: int | None
    context_column: int | None

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def indent(self, line: int) -> int:
        text = self.text(line)
        return len(text) - len(text.lstrip(" "))

    def content_line_before(self, line: int) -> int | None:
        """The nearest line above ``line`` that holds more than blanks or a comment."""
        for number in range(line - 1, 0, -1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None

    def content_line_from(self, line: int) -> int:
        """``line`` itself, or the nearest line below it that holds more than a comment."""
        for number in range(line, len(self.lines) + 1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return line


_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s#'\"][^:#]*:\s+(\S.*)$")


def _indentation(context: _Context) -> _Mistake | None:
    """A line indented more, or less, than the structure around it allows."""
    line = context.content_line_from(context.problem_line)
    above = context.content_line_before(line)
    if above is None:
        return None
    value = _KEY_VALUE.match(context.text(above))
    if line == context.problem_line and context.problem_line == above:
        return None
    if context.indent(line) > context.indent(above) and value:
        before_above = context.content_line_before(above)
        if before_above is not None and context.indent(before_above) > context.indent(above):
            # A key moved left out of its block: the line to change is the one above.
            return _Mistake(
                above,
                1,
                f"this line is indented less than the lines around it; if it belongs to the "
                f"block above, indent it like line {line}",
            )
        return _Mistake(
            line,
            context.indent(line) + 1,
            f"this line is indented more than line {above}; indent it like line {above}, or, "
            "if it continues the value above, put the whole value in quotes",
        )
    return None


def _mapping_values(context: _Context) -> _Mistake | None:
    """``mapping values are not allowed``: a value holding ': ', or a line indented too far."""
    text = context.text(context.problem_line)
    value = _KEY_VALUE.match(text)
    if value and context.problem_column > value.start(1):
        written = value.group(1).strip()
        quoted = written.replace("\\", "\\\\").replace('"', '\\"')
        return _Mistake(
            context.problem_line,
            value.start(1) + 1,
            f"this value holds ': ', which YAML reads as the start of another field; put the "
            f'whole value in quotes: "{quoted}"',
        )
    return _indentation(context)


def _expected_dash(context: _Context) -> _Mistake | None:
    """``did not find expected '-' indicator``: a line at a list's depth without its dash."""
    line = context.content_line_from(context.problem_line)
    list_line = context.context_line or line
    return _Mistake(
        line,
        context.indent(line) + 1,
        f"this line is indented like the items of the list at line {list_line} but does not "
        "start with '- ': indent it like the line above if it belongs to that item, or start "
        "a new item with '- '",
    )


def _expected_colon(context: _Context) -> _Mistake | None:
    """``could not find expected ':'``: libyaml points past the line that lacks its colon."""
    line = context.context_line or context.problem_line
    return _Mistake(
        line,
        context.indent(line) + 1,
        "this line has no ':' after its field name: write 'name: value', or, if the line "
        "continues the value above, put that whole value in quotes",
    )


def _expected_key(context: _Context) -> _Mistake | None:
    """``did not find expected key``: a line whose indentation matches no level above."""
    line = context.content_line_from(context.problem_line)
    above = context.content_line_before(line)
    hint = f"indent it like line {above}" if above is not None else "check its indentation"
    return _Mistake(
        line,
        context.indent(line) + 1,
        f"this line's indentation does not match the lines above: {hint}",
    )


def _unclosed(opening: str, closing: str) -> Callable[[_Context], _Mistake | None]:
    def explain(context: _Context) -> _Mistake | None:
        line = context.context_line or context.problem_line
        column = context.context_column or 1
        return _Mistake(
            line,
            column,
            f"the {opening} opened here is never closed: add {closing} where the value ends",
        )

    return explain


def _cannot_start(context: _Context) -> _Mistake | None:
    text = context.text(context.problem_line)
    character = text[context.problem_column - 1 : context.problem_column] or "this character"
    return _Mistake(
        context.problem_line,
        context.problem_column,
        f"a value cannot start with '{character}' unless it is in quotes; put the whole value "
        "in quotes",
    )


def _where_noticed(message: str) -> Callable[[_Context], _Mistake | None]:
    """An explanation that points where libyaml noticed the mistake."""

    def explain(context: _Context) -> _Mistake | None:
        return _Mistake(context.problem_line, context.problem_column, message)

    return explain


_UNKNOWN_ESCAPE = _where_noticed(
    "a backslash in double quotes starts an escape YAML does not know: write \\\\ for a "
    "backslash, or use single quotes"
)
_NOT_ON_THE_SAME_LINE = _where_noticed(
    "a list or a field cannot start on the same line as another field's value: put it on a "
    "line of its own, indented under its field"
)


# (what libyaml says, the context it names or "", the explanation), tried in order.
_EXPLANATIONS: tuple[tuple[str, str, Callable[[_Context], _Mistake | None]], ...] = (
    ("mapping values are not allowed", "", _mapping_values),
    ("did not find expected '-' indicator", "", _expected_dash),
    ("could not find expected ':'", "", _expected_colon),
    ("did not find expected key", "", _expected_key),
    ("expected <block end>", "", _expected_key),
    ("found unexpected end of stream", "quoted scalar", _unclosed("quote", "the same quote")),
    ("did not find expected ',' or ']'", "", _unclosed("'['", "']'")),
    ("did not find expected ',' or '}'", "", _unclosed("'{'", "'}'")),
    ("found character that cannot start any token", "", _cannot_start),
    ("expected alphabetic or numeric character", "", _cannot_start),
    ("found unknown escape character", "", _UNKNOWN_ESCAPE),
    ("block sequence entries are not allowed", "", _NOT_ON_THE_SAME_LINE),
    ("mapping keys are not allowed", "", _NOT_ON_THE_SAME_LINE),
)


def _mark(mark: Any) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def explain_syntax_error(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """Return the problem for a YAML syntax ``error`` in ``text``, in plain words where we can."""
    lines = text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    problem_line, problem_column = _mark(error.problem_mark or error.context_mark)
    line = problem_line or 1
    column = problem_column or 1
    if line > len(lines):
        # The end of the stream, past the last line: point at the end of the last line.
        line, column = len(lines), len(lines[-1]) + 1
    line_text = lines[line - 1] if lines else ""
    indentation = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    if "\t" in indentation or "'\\t'" in str(error.problem):
        tab_column = line_text.find("\t") + 1 if "\t" in line_text else column
        return Problem(
            path,
            line,
            tab_column,
            Code.YAML_TAB,
            "a tab is used for indentation; YAML indents with spaces only",
        )
    context_line, context_column = _mark(error.context_mark)
    context = _Context(
        lines,
        str(error.problem or ""),
        line,
        column,
        str(error.context or ""),
        context_line,
        context_column,
    )
    for says, within, explain in _EXPLANATIONS:
        if says in context.problem and within in context.context:
            mistake = explain(context)
            if mistake is not None:
                return Problem(path, mistake.line, mistake.column, mistake.code, mistake.message)
    message = error.problem or "the YAML cannot be read here"
    if error.context:
        message = f"{message} ({error.context}"
        if context_line is not None and context_line != line:
            message += f" at line {context_line}"
        message += ")"
    return Problem(path, line, column, Code.YAML_SYNTAX, message)
