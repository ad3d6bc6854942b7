"""Repository files for contributors: every command documented, hooks and workflow that work."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from coalition_kit.cli import command_help
from conftest import REPO, run_cli

COMMANDS = [name for name in command_help() if name != "coalition-kit"]


def test_every_command_has_help_with_examples_and_is_in_the_cli_reference(built_site: Path) -> None:
    page = (built_site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert set(COMMANDS) == {
        "validate",
        "new",
        "fmt",
        "close",
        "diff",
        "stale",
        "schemas",
        "export",
        "import-missions",
    }
    for name in COMMANDS:
        result = run_cli(name, "--help")
        assert result.code == 0 and "examples:" in result.stdout, name
        assert f'<h2 id="{name}">' in page


def test_contributing_walks_through_adding_an_organization_with_real_commands() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for phrase in (
        "coalition-kit new organization",
        "coalition-kit validate",
        "coalition-kit fmt",
        "published_by_owner",
        "embargo",
        "public",
    ):
        assert phrase in guide
    # Every command the guide shows, in a code block or in backticks, is a real one.
    shown = re.findall(r"(?:^|`) *coalition-kit ([a-z-]+)", guide, re.MULTILINE)
    assert {"new", "validate", "fmt", "close", "stale"} <= set(shown)
    for name in shown:
        assert name in COMMANDS, name


def test_pre_commit_hooks_run_our_commands() -> None:
    for file in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        text = (REPO / file).read_text(encoding="utf-8")
        hooks = yaml.safe_load(text)
        hooks = hooks if isinstance(hooks, list) else hooks["repos"][0]["hooks"]
        for hook in hooks:
            program, command, *_ = hook["entry"].split()
            assert program == "coalition-kit" and command in COMMANDS
            assert re.compile(hook["files"])


def test_workflow_validates_checks_schemas_and_formatting_tests_and_builds_the_site() -> None:
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    )
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    for command in (
        "coalition-kit validate --format github --changed-since",
        "coalition-kit schemas --check",
        "coalition-kit fmt --check",
        "bash scripts/test",
        "mkdocs build --strict",
        "coalition-kit diff",
    ):
        assert command in steps
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key 'on' as true
    assert "pull_request" in triggers


def test_pull_requests_from_forks_get_annotations_and_one_summary_comment() -> None:
    check = _workflow("ci.yml")
    # The job that runs a fork's code can write nothing.
    assert check["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in check["jobs"].values())
    steps = check["jobs"]["check"]["steps"]
    assert any("--format github --changed-since" in step.get("run", "") for step in steps)
    assert not any("github-script" in step.get("uses", "") for step in steps)
    (upload,) = [step for step in steps if "upload-artifact" in step.get("uses", "")]
    assert upload["with"]["name"] == "pr-summary"
    comment = _workflow("pr-summary.yml")
    assert comment["on"] == {"workflow_run": {"workflows": [check["name"]], "types": ["completed"]}}
    (job,) = comment["jobs"].values()
    assert job["permissions"] == {"pull-requests": "write", "actions": "read"}
    assert not any("checkout" in step.get("uses", "") for step in job["steps"])
    script = next(step for step in job["steps"] if "github-script" in step.get("uses", ""))
    code = script["with"]["script"]
    assert "updateComment" in code and "coalition-kit: data summary" in code
    assert "head_sha" in code  # never comments for a pull request that moved on


def _workflow(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(
        (REPO / ".github" / "workflows" / name).read_text(encoding="utf-8")
    )
    if True in workflow:  # YAML 1.1 reads the key 'on' as true
        workflow["on"] = workflow.pop(True)
    return workflow


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_ci_installs_from_the_lock_as_scripts_test_does() -> None:
    runs = _runs(_workflow("ci.yml")["jobs"]["check"])
    assert "bash scripts/install test" in runs and "bash scripts/test" in runs
    assert "pip install" not in runs and "COALITION_KIT_NEWEST" not in runs
    assert "newest" not in (REPO / ".ci" / "run").read_text(encoding="utf-8").lower()
    install = (REPO / "scripts" / "install").read_text(encoding="utf-8")
    for command in (
        "install --require-hashes -r requirements/pip.txt",
        'install --require-hashes -r "requirements/$extra.txt"',
        "install --no-deps --no-build-isolation -e .",
    ):
        assert command in install
    assert "bash scripts/install test" in (REPO / "scripts" / "test").read_text(encoding="utf-8")
    assert "bash scripts/install docs" in (REPO / "scripts" / "start").read_text(encoding="utf-8")


def test_a_scheduled_workflow_runs_the_checks_with_the_newest_releases() -> None:
    workflow = _workflow("newest.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert workflow["on"]["schedule"][0]["cron"]
    (job,) = workflow["jobs"].values()
    (step,) = [step for step in job["steps"] if "bash scripts/test" in step.get("run", "")]
    assert step["env"] == {"COALITION_KIT_NEWEST": "1"}
    assert "requirements/" not in _runs(job)
    # ...where scripts/test installs unpinned, not from the lock.
    test = (REPO / "scripts" / "test").read_text(encoding="utf-8")
    assert "bash scripts/install --newest test" in test
    install = (REPO / "scripts" / "install").read_text(encoding="utf-8")
    assert 'install --upgrade --upgrade-strategy eager -e ".[$extra]"' in install


def test_issue_and_pull_request_templates() -> None:
    form = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / "outdated-contact.yml").read_text(encoding="utf-8")
    )
    assert form["name"] == "Report an outdated contact"
    assert [field["id"] for field in form["body"] if "id" in field] == [
        "entry",
        "what",
        "correct",
        "source",
        "how",
    ]
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "published_by_owner" in template and "- [ ]" in template


def test_the_data_is_formatted() -> None:
    assert run_cli("fmt", "--check", "data").code == 0
