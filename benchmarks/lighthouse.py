"""Measure the built site with Lighthouse and write what the data quality page shows.

    python benchmarks/lighthouse.py        # needs Node.js, npm and Debian's chromium

Builds the site from ``data/`` as it is published (a ``site_url``, both languages), serves it
on 127.0.0.1 and runs Lighthouse (installed from npm into ``.cache/lighthouse``, at the version
pinned below) on the home, action and mission pages in English and Korean, with its default
mobile emulation. Writes ``docs/contribute/lighthouse.json``: the scores per page and category,
and the audits that failed; the quality page renders it. Lighthouse is not run in CI: one page
takes tens of seconds, and the accessibility it checks is also checked by axe-core in the tests.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.8.2"
TOOLS = REPO / ".cache" / "lighthouse"
OUTPUT = REPO / "docs" / "contribute" / "lighthouse.json"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
PAGES = {
    "Home": "/",
    "Action page (United States, Illinois)": "/act/link-urgent-call-2023/?country=US&region=IL",
    "Mission page": "/missions/cn-consulate-us-chicago/",
    "Home, Korean": "/ko/",
    "Action page, Korean (South Korea)": "/ko/act/link-urgent-call-2023/?country=KR",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _build(site: Path) -> None:
    environment = {
        **os.environ,
        "COALITION_KIT_SITE_URL": "https://coalition-kit.example/",
        "NO_MKDOCS_2_WARNING": "1",
    }
    mkdocs = REPO / ".venv" / "bin" / "mkdocs"
    subprocess.run(  # noqa: S603 - our own command on our own data
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=REPO,
        env=environment,
        check=True,
    )


def _measure(url: str, chromium: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(  # noqa: S603 - the pinned Lighthouse on our own pages
            [
                str(TOOLS / "node_modules" / ".bin" / "lighthouse"),
                url,
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            check=True,
            timeout=300,
        )
        found = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(found["categories"][name]["score"] * 100) for name in CATEGORIES}
    failed = sorted(
        {
            found["audits"][ref["id"]]["title"]
            for name in CATEGORIES
            if name != "performance"
            for ref in found["categories"][name]["auditRefs"]
            if ref["weight"] > 0 and (found["audits"][ref["id"]]["score"] or 1) < 1
        }
    )
    return {"scores": scores, "failed": failed}


def main() -> None:
    """Install Lighthouse, build and serve the site, measure the pages, write the results."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run(  # noqa: S603 - npm installs the pinned version
        [
            shutil.which("npm") or "npm",
            "install",
            "--prefix",
            str(TOOLS),
            "--no-audit",
            "--no-fund",
            "--silent",
            LIGHTHOUSE,
        ],
        check=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        _build(site)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            results = {label: _measure(origin + path, chromium) for label, path in PAGES.items()}
        finally:
            server.shutdown()
    lighthouse_version = LIGHTHOUSE.split("@")[1]
    OUTPUT.write_text(
        json.dumps(
            {
                "measured": dt.date.today().isoformat(),
                "lighthouse": lighthouse_version,
                "pages": [
                    {"page": label, "path": PAGES[label], **value}
                    for label, value in results.items()
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    for label, value in results.items():
        print(f"{label}: {value['scores']}")


if __name__ == "__main__":
    main()
