"""A loader for untrusted YAML that keeps the line and column of every value.

It reads the event stream of PyYAML's safe parser (libyaml's, where installed) and builds plain
Python values itself, so that it decides what each unquoted value means:

* YAML 1.2 core meanings only: ``true``/``false``, ``null``/``~``, decimal integers without leading
  zeros and plain decimals. Everything else is the text written.
* Values whose meaning differs between YAML 1.1 and 1.2 (``no``, ``on``, ``0123``, ``12:30``,
  ``0x1F``, ``1e3`` ...) load as the text written and are reported with the advice to quote them,
  so that every YAML reader sees the same thing.
* Duplicate keys, anchors and aliases (the "billion laughs"), explicit tags, several documents,
  nesting deeper than ``MAX_DEPTH`` and files larger than ``MAX_FILE_BYTES`` are problems, never
  crashes. Nothing in a file can run code: no constructor is ever looked up by tag.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.parser import Parser as _BaseParser
from yaml.reader import Reader
from yaml.scanner import Scanner

from coalition_kit.codes import Code
from coalition_kit.problems import Problem
from coalition_kit.yamlerrors import explain_syntax_error


class _PythonParser(Reader, Scanner, _BaseParser):
    """PyYAML's parser in Python: slower than libyaml's, but with no nesting limit of its own."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _BaseParser.__init__(self)

    def dispose(self) -> None:
        pass


try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = _PythonParser  # type: ignore[misc,assignment]


__all__ = [
    "AMBIGUOUS",
    "DATE",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Document",
    "FileTooLargeError",
    "Location",
    "NodePath",
    "decode",
    "dump_yaml",
    "interpret_plain",
    "load_file",
    "load_text",
    "needs_quotes",
    "normalise_line_ends",
    "read_data_file",
]

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest data file read, in bytes: ten times the largest real entity with room to spare."""

MAX_DEPTH = 32
"""The deepest nesting of mappings and lists read; real entities nest at most six levels."""

NodePath = tuple[str | int, ...]
"""Where a value sits in a document: the keys and list indexes leading to it."""


class Location(NamedTuple):
    """A line and column in a file, both counted from 1."""

    line: int
    column: int


@dataclass
class Document:
    """A YAML file loaded into plain values, with the location of every value and key.

    Attributes:
        path: The file it was read from.
        data: The plain value (dict, list, str, int, float, bool, None), or None when unreadable.
        values: The location of each value (mapping, list or scalar), by its path.
        keys: The location of each mapping key, by the path of its value.
        plain_scalars: The text as written of unquoted values that did not load as text.
        problems: What was wrong with the file as YAML.
    """

    path: str
    data: Any = None
    values: dict[NodePath, Location] = field(default_factory=dict)
    keys: dict[NodePath, Location] = field(default_factory=dict)
    plain_scalars: dict[NodePath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, location: Location, code: Code, message: str) -> None:
        """Record a problem at ``location``."""
        self.problems.append(Problem(self.path, location.line, location.column, code, message))

    def locate(self, path: NodePath, *, key: bool = False) -> Location:
        """Return the location of the value at ``path``, or of its closest existing ancestor.

        Args:
            path: Keys and indexes; elements that name nothing here (such as the tags pydantic
                adds for unions) are skipped.
            key: Point at the key of the value rather than the value itself.
        """
        found, _ = self.resolved_path(path)
        if key and found in self.keys:
            return self.keys[found]
        return self.values.get(found, Location(1, 1))

    def strings(self) -> Iterator[tuple[NodePath, str]]:
        """Yield every text value of the document with its path, depth first."""
        pending: list[tuple[NodePath, Any]] = [((), self.data)]
        while pending:
            path, value = pending.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                pending.extend(((*path, key), item) for key, item in reversed(value.items()))
            elif isinstance(value, list):
                pending.extend(
                    ((*path, index), item) for index, item in reversed(list(enumerate(value)))
                )

    def resolved_path(self, path: NodePath) -> tuple[NodePath, bool]:
        """Return the longest existing path along ``path`` and whether its last element was used.

        Elements that name nothing here (union tags, a missing field) are skipped.
        """
        found: NodePath = ()
        used_last = False
        for element in path:
            candidate = (*found, element)
            used_last = candidate in self.values
            if used_last:
                found = candidate
        return found, used_last


_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")

# Plain values that some YAML reader (1.1 or 1.2) takes for something other than the text.
_AMBIGUOUS = re.compile(
    r"""(?x)
    y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF         # YAML 1.1 booleans
    |[-+]?0[0-9_]+                                            # leading zeros: octal in 1.1
    |[-+]?0[xXoObB][0-9a-fA-F_]+                              # hex, octal, binary
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?         # sexagesimal: 12:30 is 750
    |[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+  # exponents
    |[-+]?[0-9][0-9_]*\.[0-9_]*                               # decimals such as 1. or 1_0.5
    |[-+]?\.[0-9_]+                                           # decimals such as .5
    |[-+]?[0-9]+(?:_[0-9]+)+                                  # underscores: 1_000
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)                 # infinities and not-a-number
    |=|<<                                                     # 1.1 value and merge keys
    """
)
# A comment that starts right after a plain value with no space after '#' is most likely a hashtag.
# The line breaks libyaml counts, so that its line numbers index these lines.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_HASHTAG_COMMENT = re.compile(r"\s+(#\S.*)$")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# What YAML forbids: C0 controls but tab/newline/return, DEL, C1 controls, surrogates, non-characters.
_FORBIDDEN_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _what_yaml11_reads(text: str) -> str:
    if _INT.fullmatch(text) or _FLOAT.fullmatch(text):
        return "a number they cannot hold exactly (JavaScript keeps about 16 digits)"
    if text.lower() in {"y", "yes", "n", "no", "on", "off"}:
        return "true or false"
    if text in {"=", "<<"}:
        return "a special key"
    if ":" in text:
        return "a number in base 60 (12:30 is 750)"
    if re.fullmatch(r"[-+]?0[0-9_]+", text):
        return "an octal number or a number without its leading zero"
    return "a number"


def needs_quotes(text: str) -> bool:
    """Return True when ``text`` written unquoted would not read back as that text everywhere."""
    loaded, concern = interpret_plain(text)
    return concern is not None or not isinstance(loaded, str)


# Unquoted values starting with one of these letters are text in every YAML version.
_ALWAYS_TEXT_START = frozenset(
    "abcdeghijklmpqrsuvwxzABCDEGHIJKLMPQRSUVWXZ"
    "\"'`@#%&*!|>?,[]{}"  # (characters that cannot start a plain scalar never get here)
)

AMBIGUOUS = "ambiguous"
"""A plain value some YAML reader takes for something else than the text (``no``, ``0123``)."""
DATE = "date"
"""A plain value YAML 1.1 readers (PyYAML, js-yaml) turn into a date object (``2023-11-06``)."""

# YAML 1.1's timestamp: a date, or a date and a time with seconds.
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
# The largest whole number every reader holds exactly: JavaScript's numbers lose digits beyond it.
_SAFE_INTEGER = 2**53
_SAFE_INTEGER_DIGITS = len(str(_SAFE_INTEGER))
# Decimals longer than this are kept as text: no field needs them and readers round them apart.
_LONGEST_DECIMAL = 32


@lru_cache(maxsize=8192)
def interpret_plain(text: str) -> tuple[Any, str | None]:
    """Return the value of an unquoted scalar and what, if anything, other readers make of it.

    The second item is None when every YAML reader reads the value the same way, ``AMBIGUOUS``
    when some reader takes it for something else, and ``DATE`` when YAML 1.1 readers turn it
    into a date. Ambiguous values and dates load as the text written.
    """
    if text and (text[0] in _ALWAYS_TEXT_START or text[0] > "\x7f"):
        return text, None
    if text in _NULL:
        return None, None
    if text in _BOOL_TRUE:
        return True, None
    if text in _BOOL_FALSE:
        return False, None
    if _INT.fullmatch(text):
        # Python refuses to convert very long digit strings at all; JavaScript rounds long ones.
        if len(text.lstrip("+-")) > _SAFE_INTEGER_DIGITS or abs(int(text)) > _SAFE_INTEGER:
            return text, AMBIGUOUS
        return int(text), None
    if _FLOAT.fullmatch(text):
        if len(text) > _LONGEST_DECIMAL:
            return text, AMBIGUOUS
        return float(text), None
    if _AMBIGUOUS.fullmatch(text):
        return text, AMBIGUOUS
    if _TIMESTAMP.fullmatch(text):
        return text, DATE
    return text, None


def _location(mark: Any) -> Location:
    return Location(mark.line + 1, mark.column + 1)


class _Builder:
    """Builds plain values from parser events, iteratively, recording locations and problems."""

    def __init__(self, document: Document) -> None:
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


def _read_events(parser: Any, builder: _Builder, check_bidi: bool) -> None:
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


def normalise_line_ends(text: str) -> str:
    """Return ``text`` with Windows (CRLF) and old Mac (CR) line endings made LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(text: str, path: str) -> Document:
    """Load YAML ``text`` (already decoded) as if read from ``path``; never raises for bad input.

    Line endings are read as LF whatever they are (CRLF, CR), so that line numbers count the
    lines an editor shows.
    """
    text = normalise_line_ends(text)
    document = Document(path)
    if not _load_events(text, document, _Parser):
        # libyaml looks ahead and stops at its own nesting limit (1,000) before this loader's
        # lower one is reached; PyYAML's parser reads lazily, so it finds the problem at its place.
        document = Document(path)
        _load_events(text, document, _PythonParser)
    return document


def _load_events(text: str, document: Document, parser_class: Any) -> bool:
    """Load ``text`` into ``document`` with ``parser_class``; False if it hit its nesting limit."""
    path = document.path
    forbidden = list(_FORBIDDEN.finditer(text))
    if forbidden:
        for match in forbidden[:20]:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            document.problem(
                Location(line, column),
                Code.CONTROL_CHARACTER,
                f"invisible control character U+{ord(match.group()):04X}; delete it",
            )
        return True
    check_bidi = _BIDI.search(text) is not None
    builder = _Builder(document)
    if " #" in text:
        builder.lines = _LINE_BREAK.split(text)
    parser = parser_class(text)
    try:
        _read_events(parser, builder, check_bidi)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):
            return False
        document.problems.append(explain_syntax_error(path, text, error))
        return True
    except yaml.YAMLError as error:  # pragma: no cover - reader errors are caught before parsing
        document.problem(Location(1, 1), Code.YAML_SYNTAX, str(error))
        return True
    finally:
        parser.dispose()
    if not builder.has_root and not document.problems:
        document.problem(Location(1, 1), Code.FILE_EMPTY, "the file holds no data")
    document.data = builder.root
    return True


def _node_event(builder: _Builder, event: Any, check_bidi: bool) -> bool:
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


def _scalar_event(builder: _Builder, event: Any, location: Location, check_bidi: bool) -> None:
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
                f"some YAML readers take {shown} for {_what_yaml11_reads(text)}; "
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
    bidi = _BIDI.search(text) if check_bidi or event.style == '"' else None
    if bidi:
        document.problem(
            location,
            Code.BIDI_CONTROL,
            "this value holds an invisible character that reorders text "
            f"(U+{ord(bidi.group()):04X}); delete it",
        )
    # A double-quoted value can spell a control character as an escape such as "\x07".
    control = _FORBIDDEN_IN_VALUE.search(text) if event.style == '"' else None
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


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8, reporting a byte-order mark and undecodable bytes at their line."""
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                path,
                1,
                1,
                Code.BYTE_ORDER_MARK,
                "the file starts with a byte-order mark (read all the same); "
                "coalition-kit fmt removes it",
            )
        )
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(path, 1, 1, Code.ENCODING, "the file is UTF-16; save it as UTF-8"))
        return None, problems
    try:
        return raw.decode("utf-8"), problems
    except UnicodeDecodeError as error:
        before = normalise_line_ends(raw[: error.start].decode("utf-8", "replace"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        problems.append(
            Problem(
                path,
                line,
                column,
                Code.ENCODING,
                f"byte 0x{raw[error.start]:02X} is not UTF-8; save the file as UTF-8",
            )
        )
        return None, problems


def read_data_file(file: Path) -> bytes:
    """Return the bytes of the regular file at ``file``, at most ``MAX_FILE_BYTES`` + 1 of them.

    A named pipe, a device or a folder is refused without blocking on it.

    Raises:
        OSError: The file cannot be read; ``strerror`` says why in words for a contributor.
    """
    # O_NONBLOCK: opening a named pipe must not wait for a writer that never comes.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(file, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            what = "a folder" if stat.S_ISDIR(status.st_mode) else "a named pipe, socket or device"
            raise OSError(
                errno.EINVAL, f"this is {what}, not a data file; data files are plain text files"
            )
        if status.st_size > MAX_FILE_BYTES:
            raise FileTooLargeError(status.st_size)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise FileTooLargeError(len(raw))
        return raw
    finally:
        os.close(descriptor)


class FileTooLargeError(OSError):
    """A data file is over ``MAX_FILE_BYTES``."""

    def __init__(self, size: int) -> None:
        """Record the size found."""
        self.size = size
        super().__init__(
            errno.EFBIG,
            f"the file is {size:,} bytes; data files are limited to {MAX_FILE_BYTES:,}",
        )


def load_file(file: Path, shown_as: str | None = None) -> Document:
    """Load the YAML file at ``file``; ``shown_as`` is the path to put in problems."""
    path = shown_as if shown_as is not None else str(file)
    try:
        raw = read_data_file(file)
    except FileTooLargeError as error:
        document = Document(path)
        document.problem(Location(1, 1), Code.FILE_TOO_LARGE, str(error.strerror))
        return document
    except OSError as error:
        document = Document(path)
        document.problem(Location(1, 1), Code.FILE_UNREADABLE, error.strerror or str(error))
        return document
    text, problems = decode(raw, path)
    if text is None:
        document = Document(path)
        document.problems.extend(problems)
        return document
    document = load_text(text, path)
    document.problems[:0] = problems
    return document


class _Dumper(yaml.SafeDumper):
    """Writes values so that the loader above reads back exactly what was written."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if needs_quotes(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value and not any(c in value for c in "\r\t") and value == value.strip(" "):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    """Write plain values (from ``model_dump(mode="json")``) as YAML this loader reads back the same."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    return text
