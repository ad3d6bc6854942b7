"""Comments that move with their key when ``fmt`` reorders a file, or ``close`` edits one.

ruamel.yaml keeps a comment in the ``.ca`` of the value *before* it: the lines above ``country:``
hang on the last value of ``sources:``. Reordering keys would leave them behind, above whatever
key came next. So every comment is read from ruamel's own scanner, with its line, and given to
the key or list item it belongs to; then the comments are taken out of the tree, and put back on
their owners once the keys have moved:

- the comment lines (and blank lines) directly above a key or a list item belong to it;
- an end-of-line comment belongs to the innermost key or item on its line (or whose value ends
  there, such as a flow list ``[a, b]``);
- the lines above the file's first key stay at the top, those after its last value at the end.

Owners are found at every nesting level; flow collections (``[a, b]``) have none inside.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["CommentError", "Comments", "comment_texts"]


class CommentError(ValueError):
    """The comments of a file cannot be told apart safely; the file is best left as it is."""


@dataclass(eq=False)
class _Owner:
    """A key of a mapping, or an item of a list, and the comments that belong to it."""

    node: Any
    key: Any
    line: int
    before: list[tuple[int, str]] = field(default_factory=list)
    """Full lines above it (a blank line is ''), each with its column."""
    eol: tuple[int, str] | None = None
    """The comment at the end of its line, with its column."""


class _Line(NamedTuple):
    line: int
    column: int
    text: str
    eol: bool


def _collections() -> tuple[Any, Any]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return CommentedMap, CommentedSeq


def _is_block(node: Any) -> bool:
    mapping, sequence = _collections()
    return isinstance(node, mapping | sequence) and not node.fa.flow_style()


def _children(node: Any) -> Iterator[tuple[Any, Any]]:
    mapping, _ = _collections()
    return iter(node.items()) if isinstance(node, mapping) else enumerate(node)


def _owners(node: Any) -> Iterator[_Owner]:
    """Every key and list item under ``node``, in the order of the file as it was read."""
    mapping, _ = _collections()
    for key, value in _children(node):
        line = node.lc.key(key)[0] if isinstance(node, mapping) else node.lc.item(key)[0]
        yield _Owner(node, key, line)
        if _is_block(value):
            yield from _owners(value)


def _tokens(text: str) -> Iterator[Any]:
    """Every comment token ruamel's scanner finds in ``text``, once each."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import CommentToken

    seen: set[int] = set()

    def found(value: Any) -> Iterator[Any]:
        if isinstance(value, CommentToken) and id(value) not in seen:
            seen.add(id(value))
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                yield from found(item)

    # The scanner adds a comment to a token after yielding it: read them once all are out.
    for token in list(YAML(typ="rt").scan(text)):
        yield from found(token.comment)


def _lines(text: str) -> list[_Line]:
    """The file's comment lines and blank lines between values, each checked against the text.

    Raises:
        CommentError: A comment is not where the scanner says it is.
    """
    source = text.split("\n")
    by_line: dict[int, _Line] = {}
    for token in _tokens(text):
        value: str = token.value
        parts = value.split("\n")
        if value.endswith("\n"):
            parts.pop()
        starts_here = not value.startswith("\n")
        if not starts_here:
            parts.pop(0)  # the end of the line before: no comment on it
        # The token's line is that of its first comment; blank lines before it count back.
        first_comment = next((index for index, part in enumerate(parts) if part.strip()), 0)
        bases = [token.start_mark.line] if starts_here else []
        bases += [token.start_mark.line - first_comment, token.start_mark.line]
        for base in dict.fromkeys(bases):
            found = _placed(source, parts, base, token.start_mark.column, starts_here)
            if found is not None:
                by_line.update((line.line, line) for line in found)
                break
        else:
            line = token.start_mark.line + 1
            raise CommentError(f"line {line}: cannot tell where a comment belongs")
    return [by_line[number] for number in sorted(by_line)]


def _placed(
    source: list[str], parts: list[str], base: int, column: int, starts_here: bool
) -> list[_Line] | None:
    """The token's lines if they are in the text from line ``base`` on, else None."""
    placed = []
    for offset, part in enumerate(parts):
        number = base + offset
        if not 0 <= number < len(source):
            return None
        found = source[number]
        first = offset == 0 and starts_here
        at = column if first else len(part) - len(part.lstrip())
        eol = first and found[:at].strip() != ""
        fits = found.rstrip().endswith(part.strip()) if eol else found.strip() == part.strip()
        if not fits:
            return None
        placed.append(_Line(number, at, part.strip(), eol))
    return placed


def comment_texts(text: str) -> Counter[str]:
    """Count the comments of ``text`` by their words, to check that none was lost or doubled."""
    return Counter(line.text for line in _lines(text) if line.text)


@dataclass
class Comments:
    """The comments of a loaded file, by the key or list item each belongs to."""

    top: list[tuple[int, str]]
    owners: list[_Owner]
    end: list[tuple[int, str]]

    @classmethod
    def detach(cls, text: str, data: Any) -> Comments:
        """Take every comment out of ``data`` (loaded from ``text``) and remember its owner.

        Raises:
            CommentError: A comment cannot be placed with certainty.
        """
        owners = list(_owners(data)) if _is_block(data) else []
        starts = [owner.line for owner in owners]
        top: list[tuple[int, str]] = []
        end: list[tuple[int, str]] = []
        for line in _lines(text):
            # The first owner below the line; for an end-of-line comment, the last one on it.
            following = bisect_right(starts, line.line)
            if line.eol:
                if following == 0:
                    raise CommentError(f"line {line.line + 1}: a comment after nothing")
                owners[following - 1].eol = (line.column, line.text)
            elif following == 0:
                top.append((line.column, line.text))
            elif following == len(owners):
                end.append((line.column, line.text))
            else:
                owners[following].before.append((line.column, line.text))
        _clear(data)
        return cls(top, owners, end)

    def attach(self, data: Any) -> None:
        """Put every comment back, on its owner wherever it now is; ``data`` may have changed.

        A comment whose key was removed goes with the next key that is still there.
        """
        from ruamel.yaml.comments import CommentedMap

        if not _is_block(data):
            if self.top or self.end or self.owners:
                raise CommentError("a file that is a single value keeps its comments as they are")
            return
        alive = {id(node) for node in _walk(data)}
        carried: list[tuple[int, str]] = []
        kept: list[_Owner] = []
        for owner in self.owners:
            if id(owner.node) in alive and _has(owner.node, owner.key):
                owner.before[:0] = carried
                carried = []
                kept.append(owner)
            else:
                carried.extend(owner.before)
                if owner.eol is not None:
                    carried.append(owner.eol)
        end = carried + self.end
        items = _list_items(data)
        columns = _columns(data, 0)
        for owner in kept:
            node, key = owner.node, owner.key
            if owner.before:
                # Above the first key of a list item is above the item's '- '.
                item = items.get(id(node))
                first = isinstance(node, CommentedMap) and next(iter(node)) == key
                where, at = item if item is not None and first else (node, key)
                _before(where, at, owner.before, columns[id(where), at])
            if owner.eol is not None:
                _after(node, key, owner.eol[0], owner.eol[1])
        if self.top:
            data.ca.comment = [None, [_token(text, column) for column, text in self.top]]
        if end and len(data) > 0:
            node, key = _last_leaf(data)
            lines = "".join(f"\n{' ' * column}{text}" for column, text in end)
            _after(node, key, None, lines)


def _has(node: Any, key: Any) -> bool:
    mapping, _ = _collections()
    return key in node if isinstance(node, mapping) else 0 <= key < len(node)


def _walk(node: Any) -> Iterator[Any]:
    if _is_block(node):
        yield node
        for _, value in _children(node):
            yield from _walk(value)


def _clear(data: Any) -> None:
    from ruamel.yaml.comments import Comment

    mapping, sequence = _collections()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, mapping | sequence):
            setattr(node, Comment.attrib, Comment())
            stack.extend(value for _, value in _children(node))


def _list_items(data: Any) -> dict[int, tuple[Any, int]]:
    """For each mapping that is an item of a list: the list and its index."""
    mapping, sequence = _collections()
    found: dict[int, tuple[Any, int]] = {}
    for node in _walk(data):
        if isinstance(node, sequence):
            for index, value in enumerate(node):
                if isinstance(value, mapping) and not value.fa.flow_style():
                    found[id(value)] = (node, index)
    return found


def _token(text: str, column: int) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(f"{text}\n" if text else "\n", CommentMark(column if text else 0))


def _slot(node: Any, key: Any) -> list[Any]:
    slot: list[Any] = node.ca.items.setdefault(key, [None, None, None, None])
    return slot


def _before(node: Any, key: Any, lines: list[tuple[int, str]], column: int) -> None:
    slot = _slot(node, key)
    slot[1] = (slot[1] or []) + [_token(text, column) for _, text in lines]


def _columns(node: Any, indent: int) -> dict[tuple[int, Any], int]:
    """Where ``fmt`` writes each key and each list item's '- ', by (node, key or index)."""
    found: dict[tuple[int, Any], int] = {}
    for key, value in _children(node):
        found[id(node), key] = indent
        if _is_block(value):
            # A mapping's keys, or a list's '- ', two columns in (indent(mapping=2, offset=2)).
            found.update(_columns(value, indent + 2))
    return found


def _after(node: Any, key: Any, column: int | None, text: str) -> None:
    """Set the comment after a key's value (index 2) or a list item (index 0)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    mapping, _ = _collections()
    index = 2 if isinstance(node, mapping) else 0
    slot = _slot(node, key)
    earlier = slot[index]
    if earlier is not None:
        # An end-of-line comment already there: the lines after it follow it.
        earlier.value = earlier.value.rstrip("\n") + text + "\n"
        return
    slot[index] = CommentToken(f"{text}\n", CommentMark(column or 0))


def _last_leaf(data: Any) -> tuple[Any, Any]:
    """The key or list item whose value is written last (not a collection with items)."""
    node = data
    while True:
        key = list(node)[-1] if isinstance(node, _collections()[0]) else len(node) - 1
        value = node[key]
        if _is_block(value) and len(value) > 0:
            node = value
            continue
        return node, key
