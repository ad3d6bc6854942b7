"""Building plain values from the YAML parser's events, with the line and column of each.

The builder keeps a stack of open mappings and lists instead of recursing, records where every
value and key was written, and reports what a data file may not hold as it goes: duplicate keys,
keys that are not text, anchors and aliases, tags, a second document, nesting deeper than
``MAX_DEPTH``, values YAML readers disagree on, hashtags read as comments, invisible characters.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from coalition_kit.problems.codes import Code
from coalition_kit.reading.document import Document, Location, NodePath
from coalition_kit.reading.plain import AMBIGUOUS, DATE, interpret_plain, what_yaml11_reads
from coalition_kit.support.text import BIDI, FORBIDDEN_IN_VALUE

__all__ = ["MAX_DEPTH", "Builder", "read_events"]

MAX_DEPTH = 32
"""The deepest nesting of mappings and lists read; real entities nest at most six levels."""

_HASHTAG_COMMENT = re.compile(r"\s+(#\S.*)$")


def _location(mark: Any) -> Location:
    return Location(mark.line + 1, mark.column + 1)


class Builder:
    """Builds plain values from parser events, iteratively, recording locations and problems."""

    def __init__(self, document: Document) -> None:
        """Start building into ``document``, which collects locations and problems."""
        self.doc = document
        # Each open container: [value, path, pending key, pending key location, seen keys].
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.has_root = False
        # The file's lines, kept only when it has a comment that may follow a value on its line.
        self.lines: list[str] | None = None

    def add(
        self, value: Any, location: Location, is_key_candidate: bool, raw: str | None
    ) -> NodePath:
        """Attach a finished scalar or a new container to its parent; return its path."""
        if not self.stack:
            self.root, self.has_root = value, True
            self.doc.values[()] = location
            return ()
        top = self.stack[-1]
        container, path, key, key_location, seen = top
        if isinstance(container, list):
            child_path = (*path, len(container))
            container.append(value)
        elif key is _NO_KEY:
            if not is_key_candidate:
                # A mapping or list used as a key: YAML allows it, our data never does.
                self.doc.problem(location, Code.YAML_KEY_NOT_STRING, "a key must be text")
                top[2], top[3] = _SKIP_KEY, location
                return (*path, "<complex key>")
            top[2], top[3] = self._key_text(value, raw, location), location
            return (*path, top[2])
        else:
            child_path = (*path, key)
            if key is _SKIP_KEY:
                pass
            elif key in seen:
                self.doc.problem(
                    key_location,
                    Code.YAML_DUPLICATE_KEY,
                    f"'{key}' appears twice in this mapping (first at line {seen[key].line}); "
                    "keep one",
                )
            else:
                seen[key] = key_location
                container[key] = value
                self.doc.keys[child_path] = key_location
            top[2] = _NO_KEY
        self.doc.values.setdefault(child_path, location)
        return child_path

    def _key_text(self, value: Any, raw: str | None, location: Location) -> str:
        if isinstance(value, str):
            return value
        written = raw if raw is not None else str(value)
        self.doc.problem(
            location,
            Code.YAML_KEY_NOT_STRING,
            f"the key {written!r} is read as {type(value).__name__ if value is not None else 'null'}"
            f', not text; quote it: "{written}"',
        )
        return written


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY: Any = _Marker("<no key>")
_SKIP_KEY: Any = _Marker("<skipped key>")


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def read_events(parser: Any, builder: Builder, check_bidi: bool) -> None:
    """Build the document from the parser's events; stop at its end, or where reading must stop."""
    document = builder.doc
    get_event = parser.get_event
    documents = 0
    aliases_reported: set[str] = set()
    while True:
        event = get_event()
        kind = event.__class__
        if kind is _SCALAR:
            # The common case, handled here: a plain or quoted value without anchor or tag.
            if event.anchor is None and event.tag is None:
                _scalar_event(
                    builder,
                    event,
                    Location(event.start_mark.line + 1, event.start_mark.column + 1),
                    check_bidi,
                )
            elif not _node_event(builder, event, check_bidi):
                return
        elif kind in _STARTS:
            if not _node_event(builder, event, check_bidi):
                return
        elif kind in _ENDS:
            builder.stack.pop()
        elif kind is _ALIAS:
            # One report per anchor: a "billion laughs" file repeats its aliases by the dozen.
            anchor = event.anchor or ""
            if anchor not in aliases_reported:
                aliases_reported.add(anchor)
                document.problem(
                    _location(event.start_mark),
                    Code.YAML_ALIAS,
                    f"alias '*{event.anchor}': anchors and aliases are not accepted; "
                    "write the value out in full",
                )
            builder.add(None, _location(event.start_mark), True, None)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                document.problem(
                    _location(event.start_mark),
                    Code.YAML_MULTIPLE_DOCUMENTS,
                    "a second YAML document starts here; a file holds one entity",
                )
                return
        elif kind is yaml.StreamEndEvent:
            return


def _node_event(builder: Builder, event: Any, check_bidi: bool) -> bool:
    """Handle a scalar or container start; return False when reading must stop."""
    document = builder.doc
    location = _location(event.start_mark)
    if event.anchor is not None:
        document.problem(
            location,
            Code.YAML_ALIAS,
            f"anchor '&{event.anchor}': anchors and aliases are not accepted; "
            "write the value out in full",
        )
    tag = event.tag
    if tag is not None and tag != "!":
        document.problem(
            location, Code.YAML_TAG, f"explicit tag '{tag}' is not accepted; remove it"
        )
    if isinstance(event, yaml.ScalarEvent):
        _scalar_event(builder, event, location, check_bidi)
        return True
    if len(builder.stack) >= MAX_DEPTH:
        document.problem(
            location,
            Code.YAML_TOO_DEEP,
            f"nesting deeper than {MAX_DEPTH} levels; reading stopped here",
        )
        return False
    container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
    child_path = builder.add(container, location, False, None)
    builder.stack.append([container, child_path, _NO_KEY, None, {}])
    return True


def _scalar_event(builder: Builder, event: Any, location: Location, check_bidi: bool) -> None:
    document = builder.doc
    text: str = event.value
    raw: str | None = None
    # libyaml reports the plain style as an empty string, the pure-Python parser as None.
    if not event.style and (event.tag is None or event.tag == "!"):
        value, concern = interpret_plain(text)
        if concern == AMBIGUOUS:
            shown = text if len(text) <= 40 else text[:20] + "..."
            document.problem(
                location,
                Code.YAML_AMBIGUOUS_VALUE,
                f"some YAML readers take {shown} for {what_yaml11_reads(text)}; "
                + ("put it in quotes" if shown != text else f'put it in quotes: "{text}"'),
            )
        elif concern == DATE:
            document.problem(
                location,
                Code.YAML_DATE_UNQUOTED,
                f"some YAML readers turn {text} into a date object, not text; "
                f'put it in quotes: "{text}" (coalition-kit fmt does)',
            )
        elif not isinstance(value, str):
            raw = text
    else:
        value = text
    line_number = event.end_mark.line
    if builder.lines is not None and not event.style and line_number < len(builder.lines):
        rest = builder.lines[line_number][event.end_mark.column :]
        comment = _HASHTAG_COMMENT.match(rest)
        if comment:
            hash_column = event.end_mark.column + len(rest) - len(rest.lstrip()) + 1
            document.problem(
                Location(event.end_mark.line + 1, hash_column),
                Code.YAML_COMMENT_IN_VALUE,
                f"'{comment.group(1)}' is read as a YAML comment, not as part of the value; "
                "put the whole value in quotes if it belongs to it",
            )
    bidi = BIDI.search(text) if check_bidi or event.style == '"' else None
    if bidi:
        document.problem(
            location,
            Code.BIDI_CONTROL,
            "this value holds an invisible character that reorders text "
            f"(U+{ord(bidi.group()):04X}); delete it",
        )
    # A double-quoted value can spell a control character as an escape such as "\x07".
    control = FORBIDDEN_IN_VALUE.search(text) if event.style == '"' else None
    if control:
        document.problem(
            location,
            Code.CONTROL_CHARACTER,
            f"this value holds an invisible control character (U+{ord(control.group()):04X}), "
            "written as an escape; delete it",
        )
    path = builder.add(value, location, True, raw)
    if raw is not None:
        document.plain_scalars[path] = raw
