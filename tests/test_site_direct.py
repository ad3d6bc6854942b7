"""The entity and action pages written outside mkdocs' page loop equal the pages mkdocs writes.

``site/direct.py`` writes them as their templates wrote them, in HTML, and ``site/shell.py``
fills them into the theme's page rendered once; ``COALITION_KIT_SITE_DIRECT=0`` leaves them to
mkdocs, whose loop then gives them the same HTML.
The search plugin's sections are cut by ``site/search.py``'s tokenizer, or by Material's own
parser with ``COALITION_KIT_SITE_FAST_SEARCH=0``. Also where the build stages its pages for
mkdocs: in memory where they fit.
"""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.structure.toc import AnchorLink, TableOfContents

from coalition_kit.site import hooks
from coalition_kit.site.shell import (
    Shell,
    ShellRenderer,
    TableOfContentsHTML,
    page_values,
    toc_template,
)
from conftest import DATA, SITE_URL, run_mkdocs, site_files

WRITTEN = "entity and action pages outside mkdocs' page loop"


def _entries(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])


def test_entity_pages_written_directly_equal_those_mkdocs_writes(tmp_path: Path) -> None:
    own, direct = tmp_path / "mkdocs", tmp_path / "direct"
    jobs = {"COALITION_KIT_SITE_JOBS": "1"}
    mkdocs_way = {"COALITION_KIT_SITE_DIRECT": "0", "COALITION_KIT_SITE_FAST_SEARCH": "0"}
    first = run_mkdocs(DATA, own, environment={**jobs, **mkdocs_way})
    second = run_mkdocs(DATA, direct, environment=jobs)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert WRITTEN not in first.stderr
    # Both languages, nearly every page from the shell, none of mkdocs' notes about the pages.
    written = [line for line in second.stderr.splitlines() if WRITTEN in line]
    assert len(written) == 2, second.stderr
    assert "filled into the theme's page" in written[0]
    assert "excluded from the built site" not in second.stderr
    # One build's search sections cut by Material's parser, the other's by ours.
    assert "by the fast tokenizer" not in first.stderr
    cut = re.findall(r"Cut (\d+) pages into search sections: (\d+) by the fast", second.stderr)
    assert cut and all(int(fast) > 0.9 * int(pages) for pages, fast in cut), cut

    files = site_files(own)
    assert files == site_files(direct)
    missions = [name for name in files if name.startswith(("missions/", "ko/missions/"))]
    assert "ko/missions/cn-embassy-kr/index.html" in missions and len(missions) > 250
    # Every file is the same (the canonical links, the language switch, the sitemap and its
    # language pairs) but the search index, whose entries come in another order: the same
    # entries, though Material's parser cut one site's pages and ours the other's.
    _, differ, errors = filecmp.cmpfiles(own, direct, files, shallow=False)
    assert differ == ["search/search_index.json"] and not errors
    assert _entries(own) == _entries(direct)
    page = (direct / "missions" / "cn-embassy-kr" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}missions/cn-embassy-kr/">' in page
    assert f'<meta property="og:url" content="{SITE_URL}missions/cn-embassy-kr/">' in page


_LANGUAGE = "{% macro t(key) %}{{ key }}{% endmacro %}"
_TOC = (
    '<nav class="toc">{% for item in (page.toc | first).children %}'
    '<a href="{{ item.url }}">{{ item.title }}</a>{% endfor %}</nav>'
)
_MAIN = """<html><head><title>{{ page.meta.title }} - Site</title>
<meta name="description" content="{{ page.meta.description }}">
<meta property="og:title" content="{{ page.meta.title | striptags | e }}">
<meta property="og:description" content="{{ page.meta.description | striptags | e }}">
<link rel="alternate" href="/ko/{{ page.url }}"></head>
<body><a href="{{ (page.toc | first).url }}" class="skip">skip</a>
<h2>{{ page.meta.title | striptags }}</h2>{% include "partials/toc.html" %}
<article>{% if "<h1" not in page.content %}<h1>{{ page.title }}</h1>{% endif %}{{ page.content }}</article>
<footer>{{ extra }}</footer></body></html>"""


def _page(
    slug: str, title: str, description: str, sections: list[str], folder: str = "missions"
) -> Any:
    heading = AnchorLink(title, slug + "-heading", 1)
    heading.children = [AnchorLink(name, name.lower(), 2) for name in sections]
    content = f'<h1 id="{slug}-heading">{title}</h1>' + "".join(
        f'<h2 id="{name.lower()}">{name}</h2><p>About {name}.</p>' for name in sections
    )
    return SimpleNamespace(
        meta={"title": title, "description": description},
        title=title,
        content=content,
        toc=TableOfContents([heading]),
        slug=slug,
        url=f"{folder}/{slug}/",
    )


def _environment(main: str = _MAIN) -> Environment:
    return Environment(
        loader=DictLoader(
            {
                "main.html": main,
                "partials/toc.html": _TOC,
                "partials/language.html": _LANGUAGE,
            }
        )
    )


def _context(page: Any, extra: str = "") -> dict[str, Any]:
    return {"page": page, "extra": extra, "config": {}}


def test_a_shell_filled_with_a_page_equals_the_template_for_that_page() -> None:
    env = _environment()
    template = env.get_template("main.html")
    first = _page("cn-embassy-kr", "Embassy of China in Korea", "In Seoul", ["Reach", "Sources"])
    toc = TableOfContentsHTML(env)
    shell = Shell.make(
        env,
        template,
        _context(first),
        first,
        page_values(toc(_context(first), first), first, "missions/cn-embassy-kr"),
    )
    assert shell is not None
    # The title is written as it is, without tags, and without tags escaped again.
    assert len({apply for slot, apply in shell.slots if slot == "title"}) == 3
    # The page the shell was made from is left as it was.
    assert first.meta["title"] == "Embassy of China in Korea" and "Reach" in first.content
    # A title and description that each filter writes differently, and another outline.
    other = _page(
        "cn-consulate-us-new-york",
        "Consulate &amp; &lt;Office&gt; &quot;NY&quot; People&#x27;s",
        "Tom &amp; Jerry&#x27;s &lt;b&gt;",
        ["Write", "Visit", "Sources"],
    )
    values = page_values(toc(_context(other), other), other, "missions/cn-consulate-us-new-york")
    assert values.filtered()
    assert shell.fill(values) == template.render(_context(other))


def test_a_template_that_prints_the_content_twice_gives_no_shell() -> None:
    env = _environment(_MAIN.replace("{{ page.content }}", "{{ page.content }}{{ page.content }}"))
    template = env.get_template("main.html")
    page = _page("cn-embassy-kr", "Embassy", "In Seoul", ["Reach"])
    values = page_values(toc_template(env).render(_context(page)), page, "missions/cn-embassy-kr")
    assert Shell.make(env, template, _context(page), page, values) is None


@pytest.mark.parametrize("changes_at", [1, 7])
def test_a_page_the_shell_does_not_reproduce_is_rendered_by_the_template(changes_at: int) -> None:
    # The template prints something of the context the shell knows nothing about: the shell
    # is checked on the first pages and on any page whose title a filter changes, and given up.
    env = _environment()
    template = env.get_template("main.html")
    renderer = ShellRenderer(env)
    pages = [_page(f"m{index}", f"Mission {index}", "d", ["Reach"]) for index in range(10)]
    pages[7].meta["title"] = pages[7].title = "Mission &amp; 7"
    outputs = []
    for index, page in enumerate(pages):
        context = _context(page, extra="changed" if index >= changes_at else "")
        outputs.append(renderer.render(template, context, page, f"missions/{page.slug}"))
        assert outputs[-1] == template.render(context)
    assert renderer.shells["main.html missions"] is None
    assert renderer.filled == (0 if changes_at == 1 else 4)


def test_pages_are_filled_once_the_shell_is_proven() -> None:
    env = _environment()
    template = env.get_template("main.html")
    renderer = ShellRenderer(env)
    # The theme's links are relative: each folder has its shell, checked on its first pages.
    missions = [
        (_page(f"m{index}", f"Mission {index}", "d", ["A", "B"][: index % 2 + 1]), "missions")
        for index in range(20)
    ]
    letters = [
        (_page(f"l{index}", f"Letter {index}", "d", ["A"], folder="letters"), "letters")
        for index in range(5)
    ]
    for page, folder in missions + letters:
        context = _context(page)
        written = renderer.render(template, context, page, f"{folder}/{page.slug}")
        assert written == template.render(context)
    assert renderer.shells["main.html missions"] is not None
    assert renderer.shells["main.html letters"] is not None
    assert (renderer.filled, renderer.checked) == (17 + 2, 3 + 3)  # the first three of each
    assert len(renderer.toc.rendered) == 2  # two outlines: sections A, and A and B


def test_the_staging_folder_is_in_memory_only_where_it_fits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(hooks, "_IN_MEMORY", memory)
    monkeypatch.setattr(hooks, "_STAGING", {})
    monkeypatch.setattr(hooks, "_SOURCE", {})
    free = shutil.disk_usage(memory).free
    small = hooks._staging_for(tmp_path / "docs", size=1_000)
    large = hooks._staging_for(tmp_path / "other-docs", size=free)
    assert small.parent == memory and large.parent != memory
    assert large.is_dir() and oct(small.stat().st_mode)[-3:] == "700"
    # A folder is made once per docs folder: a second build finds the first one's.
    assert hooks._staging_for(tmp_path / "docs", size=free) == small


def test_staging_writes_a_first_build_whole_and_a_later_one_as_it_changed(tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    hooks._stage(staging, {"index.md": b"home", "missions/a.md": b"A", "missions/b.md": b"B"})
    assert sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*.md")) == [
        "index.md",
        "missions/a.md",
        "missions/b.md",
    ]
    unchanged = (staging / "missions" / "a.md").stat().st_mtime_ns
    # A rebuild (mkdocs serve): what is gone is removed, what is the same is not written again.
    (staging / "missions" / "a.md").touch()
    touched = (staging / "missions" / "a.md").stat().st_mtime_ns
    hooks._stage(staging, {"index.md": b"new home", "missions/a.md": b"A"})
    assert (staging / "index.md").read_bytes() == b"new home"
    assert not (staging / "missions" / "b.md").exists()
    assert (staging / "missions" / "a.md").stat().st_mtime_ns == touched >= unchanged
    hooks._stage(staging, {"index.md": b"new home"})
    assert not (staging / "missions").exists()
