"""The theme's page around an entity's content: rendered once per build, then filled per page.

Material's template takes a millisecond a page, and the entities' pages differ only in a few
places: the title, the description, the content, the table of contents, the skip link and
the address (canonical link, language switch). The shell is the template rendered once with a
marker in each of those places; a page is the shell with its own values put in, each with the
filter the template applies there (found by rendering once more with values that every filter
changes). The shell is trusted only once it reproduces the template's own output; it is
checked again on its next two pages, on the first whose title or description holds a character
a filter changes, and on every 500th page. If ever it differs, the template renders every page
after it. The table of contents, rendered by the theme's own partial, is kept for each outline:
most pages of a kind share theirs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

__all__ = [
    "CHECK_EVERY",
    "PageValues",
    "Shell",
    "ShellRenderer",
    "TableOfContentsHTML",
    "page_values",
    "toc_template",
]

log = logging.getLogger("mkdocs.plugins.coalition_kit")

_SLOTS = ("title", "description", "content", "toc", "address", "skip")
_MARKS = {slot: f"ckshell{slot.upper()}mark" for slot in _SLOTS}
_FIND_MARK = re.compile("|".join(_MARKS.values()))
_SLOT_OF = {mark: slot for slot, mark in _MARKS.items()}
# Values that each filter the template may apply writes differently.
_PROBES = {
    "title": "ckshellTITLEmark&amp;&lt;&quot;&#x27;",
    "description": "ckshellDESCRIPTIONmark&amp;&lt;&quot;&#x27;",
}
_FILTERED = re.compile(r"[&<>\"']")

_Filter = Callable[[str], str]
# As is; without tags; without tags, escaped again; escaped.
_FILTERS: tuple[_Filter, ...] = (
    lambda value: value,
    lambda value: Markup(value).striptags(),
    lambda value: str(escape(Markup(value).striptags())),
    lambda value: str(escape(value)),
)

_TOC = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'
CHECK_EVERY = 500
"""Every this many pages, a page is rendered by the template too and compared."""


@dataclass(frozen=True)
class PageValues:
    """What differs between two entity pages of one build, as the shell puts it in."""

    title: str
    description: str
    content: str
    toc: str
    address: str
    skip: str

    def filtered(self) -> bool:
        """Whether a filter the template applies would change the title or description."""
        return bool(_FILTERED.search(self.title) or _FILTERED.search(self.description))


def toc_template(env: Any) -> Any:
    """The theme's table of contents alone, as the page template includes it."""
    return env.from_string(_TOC)


def _outline(items: Iterable[AnchorLink]) -> tuple[Any, ...]:
    return tuple((item.title, item.id, item.level, _outline(item.children)) for item in items)


class TableOfContentsHTML:
    """The theme's table of contents of a page, rendered once for each outline.

    The theme lists the sections under a page's first heading when it is the page's title (as
    on every entity page), so pages whose sections are the same share one rendering.
    """

    def __init__(self, env: Any) -> None:
        """Render with the theme's environment ``env``."""
        self.template = toc_template(env)
        self.rendered: dict[tuple[Any, ...], str] = {}

    def __call__(self, context: Any, page: Page) -> str:
        """The table of contents of ``page`` in ``context``."""
        first = next(iter(page.toc), None)
        if first is not None and first.level == 1:
            key: tuple[Any, ...] = ("sections", _outline(first.children))
        else:
            key = ("page", _outline(page.toc))
        if key not in self.rendered:
            self.rendered[key] = str(self.template.render(context))
        return self.rendered[key]


def page_values(toc: str, page: Page, address: str) -> PageValues:
    """The values of ``page``, whose content and table of contents (``toc``) are made.

    ``address`` is where the page's entity is in every language (``missions/cn-embassy-kr``).
    """
    first = next(iter(page.toc), None)
    return PageValues(
        title=str(page.meta.get("title", "")),
        description=str(page.meta.get("description", "")),
        content=page.content or "",
        toc=toc,
        address=address,
        skip=first.id if first is not None else "",
    )


@dataclass
class Shell:
    """The template's output for one build's entity pages, with its places to fill."""

    texts: list[str]
    slots: list[tuple[str, _Filter]] = field(default_factory=list)

    def fill(self, values: PageValues) -> str:
        """The page of ``values``."""
        parts = [self.texts[0]]
        for (slot, apply), text in zip(self.slots, self.texts[1:], strict=True):
            parts.append(apply(getattr(values, slot)))
            parts.append(text)
        return "".join(parts)

    @classmethod
    def make(
        cls, env: Any, template: Any, context: Any, page: Page, values: PageValues
    ) -> Shell | None:
        """The shell of ``template`` for pages like ``page``, or None if it cannot be made.

        ``values`` are the page's own; the page is rendered with markers and with probes in
        their place, and left as it was.
        """
        saved = (page.meta, page.content, page.toc)
        try:
            marked = _render_marked(env, template, context, page, values, marks=_MARKS)
            probed = _render_marked(
                env, template, context, page, values, marks={**_MARKS, **_PROBES}
            )
        except _NoShellError:
            return None
        finally:
            page.meta, page.content, page.toc = saved
        texts = _FIND_MARK.split(marked)
        marks = _FIND_MARK.findall(marked)
        slots: list[tuple[str, _Filter]] = []
        position = len(texts[0])
        if not probed.startswith(texts[0]):
            return None
        for mark, text in zip(marks, texts[1:], strict=True):
            slot = _SLOT_OF[mark]
            end = probed.find(text, position) if text else len(probed)
            if end < 0:
                return None
            written = probed[position:end]
            value = _PROBES.get(slot, mark)
            found = next((f for f in _FILTERS if f(value) == written), None)
            if found is None:
                return None
            slots.append((slot, found))
            position = end + len(text)
        return cls(texts, slots)


class ShellRenderer:
    """Renders one build's entity pages: filled into a proven shell, else by the template."""

    def __init__(self, env: Any) -> None:
        """Render with the theme's environment ``env``."""
        self.env = env
        self.toc = TableOfContentsHTML(env)
        # By template and folder; None where the template renders every page.
        self.shells: dict[str, Shell | None] = {}
        self.filtered_checked: set[str] = set()  # the shells checked on a filtered value
        self.pages: dict[str, int] = {}  # the index of the last page of each shell
        self.filled = 0
        self.checked = 0

    def render(self, template: Any, context: Any, page: Page, address: str) -> str:
        """The HTML of ``page``, whose entity is at ``address``, in ``context``."""
        # The theme's links are relative, so that one shell serves one template in one folder.
        name = f"{template.name} {address.rpartition('/')[0]}"
        tried = name in self.shells
        shell = self.shells.get(name)
        if tried and shell is None:
            return str(template.render(context))
        index = self.pages[name] = self.pages.get(name, -1) + 1
        values = page_values(self.toc(context, page), page, address)
        first_filtered = values.filtered() and name not in self.filtered_checked
        if shell is not None and not (index < 3 or index % CHECK_EVERY == 0 or first_filtered):
            self.filled += 1
            return shell.fill(values)
        if first_filtered:
            self.filtered_checked.add(name)
        output = str(template.render(context))
        if not tried:
            shell = Shell.make(self.env, template, context, page, values)
            if shell is None:
                log.info("The theme's page cannot be made into a shell; its template renders")
        if shell is not None:
            if shell.fill(values) == output:
                self.checked += 1
            else:
                log.info(
                    "The shell differs from the template at %s; the template renders", page.url
                )
                shell = None
        self.shells[name] = shell
        return output


class _NoShellError(Exception):
    """The template does not print the table of contents or the content where expected."""


def _render_marked(
    env: Any,
    template: Any,
    context: Any,
    page: Page,
    values: PageValues,
    *,
    marks: dict[str, str],
) -> str:
    """Render ``template`` for ``page`` with ``marks`` in place of its values."""
    heading = AnchorLink(marks["title"], marks["skip"], 1)
    heading.children = [AnchorLink(marks["title"], "ckshellsection", 2)]
    page.meta = {**page.meta, "title": marks["title"], "description": marks["description"]}
    page.content = "<h1>" + marks["content"]
    page.toc = TableOfContents([heading])
    toc = toc_template(env).render(context)
    address = values.address + "/"
    output: str = template.render(context)
    if output.count(toc) != 1 or output.count("<h1>" + marks["content"]) != 1:
        raise _NoShellError
    output = output.replace(toc, marks["toc"]).replace("<h1>" + marks["content"], marks["content"])
    return output.replace(address, marks["address"] + "/")
