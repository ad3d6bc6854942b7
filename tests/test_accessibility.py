"""Every page type of the built site, checked by axe-core (from npm) in Chromium.

No critical and no serious violation is allowed. axe-core is injected from
``tests/js/node_modules`` (``npm ci`` in ``tests/js``, as ``scripts/test`` does).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from browsing import AXE

PAGES = [
    "/",
    "/act/link-urgent-call-2023/?country=US&region=IL",
    "/act/link-urgent-call-2023/?country=BT",
    "/missions/",
    "/missions/cn-consulate-us-chicago/",
    "/missions/cn-consulate-us-houston/",
    "/organizations/",
    "/organizations/liberty-in-north-korea/",
    "/letters/",
    "/letters/wang-yi-template-2023/",
    "/letters/joint-letter-biden-2023/",
    "/campaigns/",
    "/campaigns/link-urgent-call-2023/",
    "/campaigns/nkfc-appeal-2012/",
    "/about/",
    "/privacy/",
    "/contribute/",
    "/contribute/quality/",
    "/ko/",
    "/ko/act/link-urgent-call-2023/?country=KR",
    "/ko/missions/cn-embassy-kr/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Page, site_url: str, path: str) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is needed: run `npm ci` in tests/js (scripts/test does it)")
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    serious = [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in results["violations"]
        if violation["impact"] in ("critical", "serious")
    ]
    assert serious == [], json.dumps(serious, indent=1)
