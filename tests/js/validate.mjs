// Validate YAML data files against coalition-kit's JSON Schemas with Ajv (JSON Schema 2020-12).
// Usage: node validate.mjs SCHEMA_DIR KIND=FILE [KIND=FILE ...]
// Prints a JSON object mapping each FILE to the list of Ajv error messages (empty when valid).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [schemaDir, ...pairs] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validators = {};
const results = {};
for (const pair of pairs) {
  const [kind, file] = pair.split("=", 2);
  validators[kind] ??= ajv.compile(
    JSON.parse(readFileSync(join(schemaDir, `${kind}.schema.json`), "utf8")),
  );
  const data = parse(readFileSync(file, "utf8"));
  const validate = validators[kind];
  results[file] = validate(data)
    ? []
    : validate.errors.map((error) => `${error.instancePath} ${error.message}`);
}
console.log(JSON.stringify(results));
