"""The site built on several cores gives the site built on one.

Two levers: the pages and downloads generated in forked workers (``site/pages.py``) and the
languages rendered side by side (``site/parallel.py``).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import run  # benchmarks/run.py: conftest puts benchmarks/ on the path

from coalition_kit.support.processes import usable_cores
from conftest import DATA, REPO, run_mkdocs, site_files
from test_scale import _generate

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or usable_cores() < 2,
    reason="the site is built side by side only with fork and two cores",
)

SPLIT = "in a second process"


def test_side_by_side_build_equals_the_sequential_one(tmp_path: Path) -> None:
    sequential, parallel = tmp_path / "sequential", tmp_path / "parallel"
    one = run_mkdocs(DATA, sequential, environment={"COALITION_KIT_SITE_JOBS": "1"})
    two = run_mkdocs(DATA, parallel)
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert SPLIT not in one.stderr and SPLIT in two.stderr

    files = site_files(sequential)
    assert files == site_files(parallel)
    assert (
        "ko/organizations/north-korea-freedom-coalition/index.html" in files
        and "sitemap.xml" in files
    )
    # The root 404 page is the last language's in both; the sequential build gives its
    # language links the address of the last page that build rendered, the split build its home.
    # The API inventory names the English pages, not the last language's.
    _, differ, errors = filecmp.cmpfiles(sequential, parallel, files, shallow=False)
    assert differ == ["404.html", "objects.inv"] and not errors
    entries = zlib.decompress((parallel / "objects.inv").read_bytes().split(b"\n", 4)[4])
    assert b" reference/api/#coalition_kit" in entries and b" ko/reference/api/" not in entries

    index = json.loads((parallel / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert any(location.startswith("ko/organizations/") for location in locations)
    assert any(location.startswith("organizations/") for location in locations)


def test_a_failing_language_fails_the_build_with_its_messages(tmp_path: Path) -> None:
    # A copy of the site's configuration whose Korean edition alone has a broken link.
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "broken.ko.md").write_text("# 깨진 링크\n\n[없는 쪽](nowhere.md)\n", encoding="utf-8")
    config = run.site_config(docs, tmp_path / "mkdocs.yml")

    completed = run_mkdocs(DATA, tmp_path / "site", config=config)

    assert completed.returncode == 1
    assert SPLIT in completed.stderr
    assert "'broken.ko.md' contains a link 'nowhere.md'" in completed.stderr
    assert "The other languages' pages were not built" in completed.stderr
    assert "Traceback" not in completed.stderr


_COMPARE = """
import datetime as dt, sys
from coalition_kit.library import load
from coalition_kit.site import pages
from coalition_kit.support.processes import can_fork
assert can_fork()
library = load(sys.argv[1])
pages._PARALLEL_FROM = 0
day = dt.date(2026, 11, 1)
forked, alone = pages.build_pages(library, today=day), pages.build_pages(library, today=day, workers=1)
print(len(alone.pages), len(alone.downloads))
print(forked.pages == alone.pages, forked.downloads == alone.downloads)
"""


def test_pages_made_in_forked_workers_equal_those_made_in_one_process(tmp_path: Path) -> None:
    # In a fresh process: this one may run threads (browsers, servers), and then never forks.
    tree = tmp_path / "tree"
    assert _generate(tree, "0.02").returncode == 0
    completed = subprocess.run(
        [sys.executable, "-c", _COMPARE, str(tree)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    counts, same = completed.stdout.splitlines()
    pages_made, downloads_made = map(int, counts.split())
    assert pages_made > 900 and downloads_made > 0
    assert same == "True True"
