"""Broken and hostile input: bounded time and memory, links out of the tree, private data."""

from __future__ import annotations

import json
import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

import coalition_kit
from coalition_kit.check.tree import validate_tree
from coalition_kit.library import Library
from coalition_kit.models import Organization
from coalition_kit.outputs.csv_export import to_csv
from coalition_kit.outputs.json_export import to_json
from coalition_kit.outputs.vcard_export import to_vcard
from coalition_kit.problems.codes import Code
from coalition_kit.reading import discover as discovery
from conftest import DATA, EXAMPLES, run_cli

CORPUS = EXAMPLES / "invalid" / "hostile-corpus" / "data"


def test_hostile_corpus_in_bounded_time_and_memory_with_valid_files_still_checked(
    tmp_path: Path,
) -> None:
    tree = tmp_path / "data"
    shutil.copytree(CORPUS, tree)
    # A file over the size limit, made here rather than committed.
    (tree / "organizations" / "too-large.yaml").write_bytes(
        b"id: too-large\nname: " + b"x" * 5_000_000 + b"\n"
    )
    tracemalloc.start()
    started = time.perf_counter()
    report = validate_tree(tree).report
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 30
    assert peak < 200 * 1024 * 1024
    codes = {(Path(p.file).name, p.code) for p in report}
    assert ("too-large.yaml", Code.FILE_TOO_LARGE) in codes
    assert ("linked.yaml", Code.LINK_UNKNOWN) in codes, "rules still run on the valid files"
    assert not any(Path(p.file).name == "fine.yaml" for p in report)


def test_symbolic_links_out_of_the_tree_are_refused(tmp_path: Path) -> None:
    tree = tmp_path / "data"
    shutil.copytree(EXAMPLES / "valid", tree)
    secret = tmp_path / "secret.yaml"
    secret.write_text(
        "id: secret\nname: Outside the tree\nkind: ngo\nsources:\n  - url: https://e.org\n"
    )
    (tree / "organizations" / "secret.yaml").symlink_to(secret)
    (tree / "missions" / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    (tree / "organizations" / "inside.yaml").symlink_to(
        tree / "organizations" / "example-coalition.yaml"
    )
    report = validate_tree(tree).report
    outside = sorted(p.file for p in report if p.code is Code.FILE_OUTSIDE_TREE)
    assert outside == [
        str(tree / "missions" / "elsewhere"),
        str(tree / "organizations" / "secret.yaml"),
    ]
    assert not any("Outside the tree" in p.message for p in report)


def test_a_runaway_tree_stops_at_the_file_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discovery, "MAX_FILES", 3)
    tree = tmp_path / "data"
    shutil.copytree(EXAMPLES / "valid", tree)
    report = validate_tree(tree).report
    assert report.files_checked == 3
    assert [p.code for p in report if p.code is Code.TREE_TOO_LARGE] == [Code.TREE_TOO_LARGE]


def test_withheld_names_are_refused_without_repeating_them(tmp_path: Path) -> None:
    names = tmp_path / "withheld.txt"
    names.write_text("# people not to name\nPerson Three\n  hong   gil-DONG \n", encoding="utf-8")
    case = EXAMPLES / "invalid" / "privacy"
    result = run_cli("validate", "--withheld-names", str(names), "data", cwd=case)
    withheld = [line for line in result.stdout.splitlines() if "withheld-name" in line]
    assert withheld == [
        "data/letters/named-people.yaml:20:11: withheld-name this text contains name 1 of the withheld list; remove it"
    ]
    assert "Person Three" not in result.stdout
    os.environ["COALITION_KIT_WITHHELD_NAMES"] = str(names)
    try:
        assert run_cli("validate", "data", cwd=DATA.parent).code == 0, (
            "the real data names none of them"
        )
    finally:
        del os.environ["COALITION_KIT_WITHHELD_NAMES"]
    assert run_cli("validate", "--withheld-names", str(tmp_path / "missing.txt")).code == 2


@pytest.mark.parametrize(
    "written",
    [
        "Nam Ha\u200b-neul",  # a zero-width space
        "Nam Ha\u2011neul",  # a non-breaking hyphen
        "NAM\u00a0HA-NEUL",  # a no-break space, capitals
        "\uff2e\uff41\uff4d Ha neul",  # fullwidth letters, a space for the hyphen
        "Nam Haneul",  # no hyphen at all
        "Nam Ha\u00ad-neul",  # a soft hyphen
    ],
)
def test_withheld_names_are_found_however_they_are_disguised(tmp_path: Path, written: str) -> None:
    tree = tmp_path / "data"
    shutil.copytree(EXAMPLES / "valid", tree)
    letter = tree / "letters" / "example-joint-letter.yaml"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("title: ", f"title: About {written}, ", 1), encoding="utf-8")
    report = validate_tree(tree, withheld_names=["Nam Ha-neul"]).report
    assert [p.code for p in report] == [Code.WITHHELD_NAME], written


def _with_personal_contact() -> Library:
    library = coalition_kit.load(EXAMPLES / "valid")
    organization = library.organizations["korean-example-org"]
    personal = Organization.model_validate(
        {
            **organization.model_dump(mode="json", exclude_none=True),
            "contact_points": [
                {"kind": "email", "value": "office@example.org"},
                {
                    "kind": "phone",
                    "value": "+821020000000",
                    "visibility": "personal",
                    "published_by_owner": {"url": "https://example.org/their-own-page"},
                },
            ],
        }
    )
    others = [o for o in library.organizations.values() if o.id != organization.id]
    return Library(
        [personal, *others],
        library.letters.values(),
        library.campaigns.values(),
        library.missions.values(),
    )


def test_personal_contacts_never_reach_the_exports() -> None:
    library = _with_personal_contact()
    assert "+821020000000" not in to_json(library).decode()
    assert "+821020000000" not in "".join(to_csv(library).values())
    assert "office@example.org" in json.dumps(json.loads(to_json(library)))
    assert "+821020000000" not in to_vcard(library)


def test_personal_contacts_never_reach_the_site() -> None:
    from coalition_kit.library.public import public_library
    from coalition_kit.site.pages import build_pages

    pages = build_pages(public_library(_with_personal_contact()))
    text = "".join(pages.pages.values()) + "".join(
        p.decode("utf-8", "replace") for p in pages.downloads.values()
    )
    assert "+821020000000" not in text and "2000-0000" not in text
    assert "office@example.org" in text


def test_thousands_of_misspelt_links_are_checked_in_linear_time(tmp_path: Path) -> None:
    from synthetic import write_misspelt_links_tree

    write_misspelt_links_tree(tmp_path / "data", organizations=600, misspellings=1_500)
    started = time.perf_counter()
    report = validate_tree(tmp_path / "data").report
    elapsed = time.perf_counter() - started
    unknown = [p for p in report if p.code is Code.LINK_UNKNOWN]
    assert len(unknown) == 1_500
    assert sum("did you mean" in p.message for p in unknown) >= 400, "suggestions still given"
    # Quadratic "did you mean" took 35 s here; linear takes about one.
    assert elapsed < 10
