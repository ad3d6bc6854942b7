"""The npm package coalition-kit-data, built, packed, installed and used as a campaign site would.

``npm/build.mjs`` builds it from ``data/`` and ``schemas/``; these tests pack it with ``npm pack``,
install the tarball into an empty project without the network (the package has no dependencies),
import it with Node.js, compare what it answers with the Python library, and type-check
TypeScript consumers with ``tsc --strict``. The tools (json-schema-to-typescript, Ajv, TypeScript)
come from ``tests/js`` (``npm ci``), as for the Ajv test of test_schemas.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import coalition_kit
import conftest
from coalition_kit._version import __version__
from coalition_kit.library import Library
from coalition_kit.library.public import public_library
from coalition_kit.outputs.json_export import to_json
from conftest import DATA, JS, REPO, node_tools_or_skip

NPM = REPO / "npm"
KIND_FOLDERS = ("organizations", "letters", "campaigns", "missions")
PACKAGE_FILES = {
    "DATA-LICENSE.md",
    "LICENSE",
    "README.md",
    "data.json",
    "index.d.ts",
    "index.js",
    "package.json",
    "schemas/campaign.schema.json",
    "schemas/letter.schema.json",
    "schemas/mission.schema.json",
    "schemas/organization.schema.json",
    "types.d.ts",
}


def node_and_npm_or_skip() -> tuple[str, str]:
    """Node.js and npm, when they and the build and test tools (tests/js/node_modules) are there.

    See ``node_tools_or_skip``: skipped by a bare ``pytest``, a failure in scripts/test.
    """
    node = node_tools_or_skip(
        "json-schema-to-typescript",
        ".bin/tsc",
        missing="the npm package's tests need Node.js, npm and tests/js/node_modules "
        "(json-schema-to-typescript, typescript)",
        skipping="the npm tests",
        npm=True,
    )
    npm = shutil.which("npm")
    assert npm is not None
    return node, npm


def offline_env(cache: Path) -> dict[str, str]:
    """The environment for npm: a private cache, and a registry nothing listens on."""
    return {
        **os.environ,
        "npm_config_cache": str(cache),
        "npm_config_registry": "http://127.0.0.1:9/",
        "npm_config_update_notifier": "false",
        "npm_config_audit": "false",
        "npm_config_fund": "false",
    }


def run(
    *command: str | Path, cwd: Path, env: Mapping[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    if check and completed.returncode != 0:
        pytest.fail(f"{command[0]} {command[1]} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed


def build(
    node: str, out: Path, *, python: str = sys.executable
) -> subprocess.CompletedProcess[str]:
    return run(node, NPM / "build.mjs", "--out", out, "--python", python, cwd=REPO, check=False)


@dataclass(frozen=True)
class Installed:
    """The package built, packed and installed into an empty project."""

    node: str
    dist: Path
    pack: dict[str, Any]
    project: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    node, npm = node_and_npm_or_skip()
    root = tmp_path_factory.mktemp("npm")
    env = offline_env(root / "cache")
    built = build(node, root / "dist")
    assert built.returncode == 0, built.stderr
    packed = run(
        npm,
        "pack",
        root / "dist",
        "--json",
        "--ignore-scripts",
        "--pack-destination",
        root,
        cwd=root,
        env=env,
    )
    pack: dict[str, Any] = json.loads(packed.stdout)[0]
    project = root / "site"
    project.mkdir()
    manifest = {"name": "campaign-site", "private": True, "type": "module"}
    (project / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    run(
        npm,
        "install",
        root / pack["filename"],
        "--offline",
        "--ignore-scripts",
        cwd=project,
        env=env,
    )
    return Installed(node, root / "dist", pack, project)


@pytest.fixture(scope="module")
def library() -> Library:
    return public_library(coalition_kit.load(DATA))


def node_json(installed: Installed, script: str, *arguments: str) -> Any:
    """Run an ES module in the site's project and return what it printed, as JSON."""
    completed = run(
        installed.node, "--input-type=module", "-e", script, *arguments, cwd=installed.project
    )
    return json.loads(completed.stdout)


def tsc(installed: Installed, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run(
        JS / "node_modules" / ".bin" / "tsc",
        "--noEmit",
        "--strict",
        "--target",
        "es2022",
        "--types",
        "",
        *arguments,
        cwd=installed.project,
        check=False,
    )


def test_package_carries_the_exported_data_the_schemas_and_the_python_version(
    installed: Installed, library: Library
) -> None:
    package = installed.project / "node_modules" / "coalition-kit-data"
    assert (package / "data.json").read_bytes() == to_json(library)
    for schema in (REPO / "schemas").glob("*.schema.json"):
        assert (package / "schemas" / schema.name).read_bytes() == schema.read_bytes()
    manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "coalition-kit-data"
    assert manifest["version"] == __version__
    assert manifest["license"] == "MIT"
    assert manifest["exports"]["."] == {"types": "./index.d.ts", "default": "./index.js"}
    assert manifest["engines"]["node"]
    assert manifest["repository"]["url"].endswith("github.com/coalition-kit/coalition-kit.git")
    assert not {"dependencies", "peerDependencies", "optionalDependencies"} & set(manifest)
    assert not {"private", "//"} & set(manifest), "the template's own fields are not published"
    assert "DATA-LICENSE.md" in (package / "README.md").read_text(encoding="utf-8")


def test_tarball_holds_the_package_and_nothing_else(installed: Installed) -> None:
    assert {entry["path"] for entry in installed.pack["files"]} == PACKAGE_FILES
    assert installed.pack["name"] == "coalition-kit-data"
    assert installed.pack["size"] < 1_000_000, "a data package a site can afford to install"


LOOKUPS = """
import * as kit from "coalition-kit-data";
const [countries, organizationIds] = JSON.parse(process.argv[1]);
let unknown;
try { kit.mission("cn-embassy-nowhere"); } catch (error) {
  unknown = [error instanceof kit.UnknownIdError, error.kind, error.id, error.message];
}
console.log(JSON.stringify({
  version: kit.version,
  counts: Object.fromEntries(
    ["organizations", "letters", "campaigns", "missions"].map((kind) => [kind, Object.keys(kit[kind]).length]),
  ),
  emails: Object.fromEntries(Object.values(kit.missions).map((mission) => [
    mission.id,
    kit.mission(mission.id).contact_points.filter((c) => c.kind === "email").map((c) => c.value),
  ])),
  open: Object.values(kit.missions).filter(kit.isOpen).map((mission) => mission.id),
  missionsIn: Object.fromEntries(countries.map((code) => [code, kit.missionsIn(code).map((m) => m.id)])),
  openEmbassiesIn: Object.fromEntries(countries.map((code) => [
    code, kit.missionsIn(code.toLowerCase(), { open: true, kind: "embassy" }).map((m) => m.id),
  ])),
  signed: Object.fromEntries(organizationIds.map((id) => [id, kit.lettersSignedBy(id).map((l) => l.id)])),
  unknown,
  noPrototype: kit.missions.constructor === undefined && Object.isFrozen(kit.missions),
  notACode: (() => { try { kit.missionsIn("USA"); } catch (error) { return error.name; } })(),
}));
"""


def test_node_answers_as_the_python_library(installed: Installed, library: Library) -> None:
    countries = sorted({mission.host_country for mission in library.missions.values()})
    organizations = sorted(library.organizations)
    result = node_json(installed, LOOKUPS, json.dumps([countries, organizations]))
    assert result["version"] == __version__
    assert result["counts"] == {kind: len(library[kind]) for kind in KIND_FOLDERS}
    emails = {
        mission.id: [c.value for c in mission.contact_points if c.kind == "email"]
        for mission in library.missions.values()
    }
    assert result["emails"] == emails
    with_email = next(mission_id for mission_id, found in emails.items() if found)
    assert result["emails"][with_email] == emails[with_email] != []
    assert result["open"] == [m.id for m in library.missions.values() if m.is_open]
    assert result["missionsIn"] == {
        code: [m.id for m in library.find_missions(host_country=code)] for code in countries
    }
    assert result["openEmbassiesIn"] == {
        code: [m.id for m in library.find_missions(host_country=code, kind="embassy", is_open=True)]
        for code in countries
    }
    assert result["signed"] == {
        org: [letter.id for letter in library.letters_signed_by(org)] for org in organizations
    }
    assert result["unknown"] == [
        True,
        "mission",
        "cn-embassy-nowhere",
        'no mission has the id "cn-embassy-nowhere"',
    ]
    assert result["noPrototype"] is True
    assert result["notACode"] == "TypeError"


def readme_block(language: str) -> str:
    """The first fenced code block of ``language`` in npm/README.md."""
    text = (NPM / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert found, f"npm/README.md has no {language} example"
    return found.group(1)


def test_readme_javascript_example_runs(installed: Installed, library: Library) -> None:
    completed = run(
        installed.node, "--input-type=module", "-e", readme_block("js"), cwd=installed.project
    )
    printed = [line.split(" ", 1)[0] for line in completed.stdout.splitlines()]
    assert printed == [m.id for m in library.find_missions(host_country="DE", is_open=True)]


CONSUMER = """
import {
  data, isOpen, mission, missions, missionsIn, organization, UnknownIdError,
  type CountryCode, type EmailContact, type Letter, type Mission,
} from "coalition-kit-data";

const home: CountryCode = "DE";
const embassies: Mission[] = missionsIn(home, { open: true, kind: "embassy" });
const emails: string[] = embassies.flatMap((m) =>
  m.contact_points.filter((c): c is EmailContact => c.kind === "email").map((c) => c.value),
);
const maybe: Mission | undefined = missions["cn-embassy-us"];
const state: "open" | "closed" | "suspended" | "relocated" = mission("cn-embassy-us").status.state;
const letters: Letter[] = data.letters;
const open: boolean = isOpen(data.missions[0]!);
const name: string = organization("chinese-foreign-ministry").name;
try { mission("x"); } catch (error) { if (error instanceof UnknownIdError) console.log(error.id); }
console.log(emails, maybe?.city, state, letters.length, open, name);
"""

MISUSE = {
    'missionsIn("UK");': "TS2345",  # not a country code: the United Kingdom is GB
    'const n: number = mission("cn-embassy-us").host_country;': "TS2322",
    'mission("cn-embassy-us").emial;': "TS2339",
    'missions["cn-embassy-us"].city;': "TS2532",  # possibly undefined: check the id first
    'missionsIn("DE", { kind: "embasy" });': "TS2820",  # did you mean "embassy"?
}


@pytest.mark.parametrize("resolution", ["nodenext", "bundler"])
def test_typescript_consumers_type_check_strictly(installed: Installed, resolution: str) -> None:
    (installed.project / "consumer.ts").write_text(CONSUMER, encoding="utf-8")
    (installed.project / "readme.ts").write_text(readme_block("ts"), encoding="utf-8")
    module = "nodenext" if resolution == "nodenext" else "preserve"
    checked = tsc(
        installed,
        "--noUncheckedIndexedAccess",
        "--module",
        module,
        "--moduleResolution",
        resolution,
        "consumer.ts",
        "readme.ts",
    )
    assert checked.returncode == 0, checked.stdout


def test_typescript_refuses_what_the_data_cannot_be(installed: Installed) -> None:
    imports = 'import { mission, missions, missionsIn } from "coalition-kit-data";\n'
    (installed.project / "misuse.ts").write_text(imports + "\n".join(MISUSE), encoding="utf-8")
    checked = tsc(installed, "--noUncheckedIndexedAccess", "--module", "nodenext", "misuse.ts")
    errors = re.findall(r"^misuse\.ts\((\d+),\d+\): error (TS\d+)", checked.stdout, re.MULTILINE)
    assert dict(errors) == {str(line): code for line, code in enumerate(MISUSE.values(), start=2)}


def test_module_type_checks_against_its_own_jsdoc(installed: Installed) -> None:
    package = installed.project / "node_modules" / "coalition-kit-data"
    checked = tsc(
        installed,
        "--allowJs",
        "--checkJs",
        "--resolveJsonModule",
        "--module",
        "nodenext",
        str(package / "index.js"),
    )
    assert checked.returncode == 0, checked.stdout


def test_build_refuses_data_the_types_do_not_describe(tmp_path: Path, library: Library) -> None:
    node, _ = node_and_npm_or_skip()
    bundle = json.loads(to_json(library))
    del bundle["missions"][0]["status"]  # data.json always writes it: the types promise it
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(bundle), encoding="utf-8")
    fake = tmp_path / "python"  # stands in for `python -m coalition_kit export ... OUTPUT`
    fake.write_text(
        f"#!{sys.executable}\nimport shutil, sys\nshutil.copy({str(broken)!r}, sys.argv[-1])\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    out = tmp_path / "dist"
    refused = build(node, out, python=str(fake))
    assert refused.returncode == 1
    mission_id = bundle["missions"][0]["id"]
    assert f"missions/{mission_id}: must have required property 'status'" in refused.stderr
    assert not out.exists() and not (tmp_path / "dist.building").exists()


def test_build_never_empties_a_folder_it_did_not_write(tmp_path: Path) -> None:
    node, _ = node_and_npm_or_skip()
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    refused = build(node, tmp_path)
    assert refused.returncode == 1
    assert "holds no coalition-kit-data build" in refused.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_without_node_a_bare_pytest_skips_but_scripts_test_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(conftest, "JS", tmp_path)  # no node_modules here
    monkeypatch.delenv("COALITION_KIT_REQUIRE_NODE", raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"run `npm ci` in tests/js, or bash scripts/test"
    ):
        node_and_npm_or_skip()
    monkeypatch.setenv("COALITION_KIT_REQUIRE_NODE", "1")
    with pytest.raises(pytest.fail.Exception, match="forbids skipping the npm tests"):
        node_and_npm_or_skip()
