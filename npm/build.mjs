#!/usr/bin/env node
// Build the npm package coalition-kit-data into npm/dist/ from the repository's data and schemas.
//
//     (cd tests/js && npm ci)      # once: the pinned build tools (json-schema-to-typescript, Ajv)
//     node npm/build.mjs           # then: npm pack ./npm/dist, or npm publish ./npm/dist
//
// Options: --out DIR (default npm/dist); --python PYTHON, a Python with coalition-kit installed
// (default: $COALITION_KIT_PYTHON, else the repository's .venv, else python3).
//
// What it writes, all generated or copied, none of it edited by hand:
//   data.json          `coalition-kit export --format json` of data/, which validates it first;
//                      refused unless every entity matches its schema as exported (Ajv)
//   schemas/*.json     a copy of schemas/
//   types.d.ts         TypeScript types generated from the schemas (build-types.mjs)
//   index.js, index.d.ts, README.md   from npm/src/ and npm/
//   LICENSE, DATA-LICENSE.md          from the repository's root
//   package.json       npm/package.json with the version of src/coalition_kit/_version.py
// The folder is written beside --out and moved into place when complete, so a failed build
// leaves the previous one. The package has no runtime dependencies; the build tools come from
// tests/js, the test tools' npm project, pinned by its package-lock.json.

import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { KINDS, SchemaShapeError, asExported, generateTypes } from "./build-types.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "..");
const NAME = "coalition-kit-data";
const BUNDLE_FORMAT = 1;

/** A reason to stop that the person running the build can act on. */
class BuildError extends Error {}

/** The version of the Python package, which the npm package carries too. */
function pythonVersion() {
  const text = readFileSync(join(REPO, "src", "coalition_kit", "_version.py"), "utf8");
  const version = /^__version__\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
  if (!version || !/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(version)) {
    throw new BuildError('src/coalition_kit/_version.py has no __version__ = "X.Y.Z" line');
  }
  return version;
}

/** Import a build tool from tests/js/node_modules, or say how to install it. */
async function tool(name) {
  const require = createRequire(join(REPO, "tests", "js", "package.json"));
  let path;
  try {
    path = require.resolve(name);
  } catch {
    throw new BuildError(`${name} is not installed: run \`npm ci\` in tests/js first`);
  }
  return import(pathToFileURL(path).href);
}

function defaultPython() {
  if (process.env.COALITION_KIT_PYTHON) return process.env.COALITION_KIT_PYTHON;
  const venv =
    process.platform === "win32"
      ? join(REPO, ".venv", "Scripts", "python.exe")
      : join(REPO, ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

/** Write data.json with `coalition-kit export --format json`, which validates data/ first. */
function exportData(python, target) {
  const completed = spawnSync(
    python,
    [
      "-m",
      "coalition_kit",
      "export",
      "--format",
      "json",
      "--data",
      join(REPO, "data"),
      "--force",
      target,
    ],
    { cwd: REPO, encoding: "utf8" },
  );
  if (completed.error) {
    throw new BuildError(`cannot run ${python} (${completed.error.message}); pass --python`);
  }
  if (completed.status !== 0) {
    throw new BuildError(`coalition-kit export failed:\n${completed.stderr}${completed.stdout}`);
  }
  return JSON.parse(readFileSync(target, "utf8"));
}

/** Refuse a bundle of another layout or version, or with an entity its schema refuses. */
async function checkBundle(bundle, exported, version) {
  if (bundle.format !== BUNDLE_FORMAT) {
    throw new BuildError(
      `data.json has format ${bundle.format}; this build knows ${BUNDLE_FORMAT}`,
    );
  }
  if (bundle.coalition_kit !== version) {
    throw new BuildError(
      `the Python runs coalition-kit ${bundle.coalition_kit}, the checkout is ${version}: reinstall it (bash scripts/install)`,
    );
  }
  const { default: Ajv2020 } = await tool("ajv/dist/2020.js");
  const { default: addFormats } = await tool("ajv-formats");
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const refused = [];
  for (const [stem, key] of KINDS) {
    const validate = ajv.compile(exported.get(stem));
    for (const entity of bundle[key]) {
      if (!validate(entity)) {
        const error = validate.errors[0];
        refused.push(`${key}/${entity.id}${error.instancePath}: ${error.message}`);
      }
    }
  }
  if (refused.length) {
    throw new BuildError(
      `data.json does not match the schemas as exported:\n  ${refused.join("\n  ")}`,
    );
  }
}

/** Check that `out` is absent, empty or an earlier build of this package, which it replaces. */
function checkOut(out) {
  if (!existsSync(out) || !readdirSync(out).length) return;
  const manifest = join(out, "package.json");
  const ours = existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === NAME;
  if (!ours)
    throw new BuildError(`${out} is not empty and holds no ${NAME} build; choose another --out`);
}

function writeManifest(version, target) {
  const template = JSON.parse(readFileSync(join(HERE, "package.json"), "utf8"));
  const { "//": _note, private: _private, ...manifest } = { ...template, version };
  writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function build({ out, python }) {
  const version = pythonVersion();
  const schemas = new Map(
    KINDS.map(([stem]) => [
      stem,
      JSON.parse(readFileSync(join(REPO, "schemas", `${stem}.schema.json`), "utf8")),
    ]),
  );
  const exported = new Map([...schemas].map(([stem, schema]) => [stem, asExported(schema)]));
  checkOut(out);
  const staging = `${out}.building`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "schemas"), { recursive: true });
  try {
    const bundle = exportData(python, join(staging, "data.json"));
    await checkBundle(bundle, exported, version);
    for (const [stem] of KINDS) {
      copyFileSync(
        join(REPO, "schemas", `${stem}.schema.json`),
        join(staging, "schemas", `${stem}.schema.json`),
      );
    }
    const { compile } = await tool("json-schema-to-typescript");
    writeFileSync(join(staging, "types.d.ts"), await generateTypes(exported, compile));
    for (const name of ["index.js", "index.d.ts"])
      copyFileSync(join(HERE, "src", name), join(staging, name));
    copyFileSync(join(HERE, "README.md"), join(staging, "README.md"));
    for (const name of ["LICENSE", "DATA-LICENSE.md"])
      copyFileSync(join(REPO, name), join(staging, name));
    writeManifest(version, join(staging, "package.json"));
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
    const counts = KINDS.map(([, key]) => `${bundle[key].length} ${key}`).join(", ");
    console.log(`${NAME} ${version} in ${out}: ${counts}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    out: { type: "string", default: join(HERE, "dist") },
    python: { type: "string", default: defaultPython() },
  },
});
try {
  await build({ out: resolve(values.out), python: values.python });
} catch (error) {
  if (!(error instanceof BuildError || error instanceof SchemaShapeError)) throw error;
  console.error(`npm/build.mjs: ${error.message}`);
  process.exitCode = 1;
}
