"""A loader for untrusted YAML that keeps the line and column of every value.

It reads the event stream of PyYAML's safe parser (libyaml's, where installed) and builds plain
Python values itself, so that it decides what each unquoted value means:

* YAML 1.2 core meanings only: ``true``/``false``, ``null``/``~``, decimal integers without leading
  zeros and plain decimals. Everything else is the text written.
* Values whose meaning differs between YAML 1.1 and 1.2 (``no``, ``on``, ``0123``, ``12:30``,
  ``0x1F``, ``1e3`` ...) load as the text written and are reported with the advice to quote them,
  so that every YAML reader sees the same thing.
* Duplicate keys, anchors and aliases (the "billion laughs"), explicit tags, several documents,
  and nesting deeper than ``MAX_DEPTH`` are problems, never
  crashes. Nothing in a file can run code: no constructor is ever looked up by tag.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.parser import Parser as _BaseParser
from yaml.reader import Reader
from yaml.scanner import Scanner

from coalition_kit.problems.codes import Code
from coalition_kit.reading.document import Document, Location
from coalition_kit.reading.events import MAX_DEPTH, Builder, read_events
from coalition_kit.reading.syntax import explain_syntax_error
from coalition_kit.support.text import BIDI, FORBIDDEN_IN_FILE

__all__ = ["MAX_DEPTH", "load_text", "normalise_line_ends"]


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

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


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
    forbidden = list(FORBIDDEN_IN_FILE.finditer(text))
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
    check_bidi = BIDI.search(text) is not None
    builder = Builder(document)
    if " #" in text:
        builder.lines = _LINE_BREAK.split(text)
    parser = parser_class(text)
    try:
        read_events(parser, builder, check_bidi)
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
