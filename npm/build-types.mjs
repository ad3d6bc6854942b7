// From the JSON Schemas of schemas/ to the schema of data.json and its TypeScript types.
//
// Pure functions over schema objects; npm/build.mjs reads the files and runs the tools.
//
// asExported: the schemas describe the YAML files of data/, where a field with a default may be
// left out. data.json is written by pydantic's model_dump(exclude_none=True), so there every
// field that cannot be null is present (its default filled in) and every null field is left out.
// asExported marks the first kind required, so that TypeScript users write `mission.status.state`
// rather than `mission.status?.state`; the build checks data.json against these stricter schemas
// with Ajv, so a change in the export that broke this promise would stop the build.
//
// typesSchema: one schema holding every type, as json-schema-to-typescript should read it so that
// each type is declared once under its own name. The values a type accepts do not change, except
// where noted:
// - pydantic's per-field titles ("Name", "Label") are dropped, so that fields are typed inline
//   instead of as a hundred aliases (Name1, Label4 ...); so are the examples;
// - a reference with a description beside it becomes `tsType`, the generator's keyword for "this
//   field has the named type" (it would otherwise declare copies: Address1, Visibility3 ...); a
//   field whose enum is the list of country codes is typed CountryCode the same way;
// - left out: a choice that only says which fields are required (a source gives a `url` or an
//   `archived_copy`), which the generator turns into an index signature that accepts any field.
//   The schemas and the build's check of data.json still enforce it.

import { isDeepStrictEqual } from "node:util";

/** The kinds, in the bundle's order: schema file stem, bundle key, type name, what it is. */
export const KINDS = [
  ["organization", "organizations", "Organization", "organization"],
  ["letter", "letters", "Letter", "letter, template letter and petition"],
  ["campaign", "campaigns", "Campaign", "campaign"],
  ["mission", "missions", "Mission", "mission (embassy, consulate, mission to the UN)"],
];

/** A schema this module cannot turn into types as promised. */
export class SchemaShapeError extends Error {}

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_VALUES = new Set([
  "items",
  "not",
  "additionalProperties",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
]);
const DEFINITION = /^#\/\$defs\/([A-Za-z][A-Za-z0-9]*)$/;

/** Rebuild `schema` bottom-up: `visit` gets each subschema with its subschemas rebuilt. */
function walk(schema, visit) {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, walk(sub, visit)]),
      );
    } else if (SCHEMA_LISTS.has(key)) {
      out[key] = value.map((sub) => walk(sub, visit));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = walk(value, visit);
    } else {
      out[key] = value;
    }
  }
  return visit(out);
}

function nullable(schema) {
  if (schema.default === null || schema.type === "null") return true;
  if (Array.isArray(schema.type) && schema.type.includes("null")) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(nullable);
}

/** `schema` as data.json holds it: every property of a model that cannot be null is required.
 *
 * Only object types (the models) change; a condition (`if`, `not`) keeps its meaning.
 */
export function asExported(schema) {
  return walk(schema, (node) => {
    if (!node.properties || node.type !== "object") return node;
    const present = Object.entries(node.properties)
      .filter(([, property]) => !nullable(property))
      .map(([name]) => name);
    const required = [...new Set([...(node.required ?? []), ...present])];
    return required.length ? { ...node, required } : node;
  });
}

function forTypes(schema, countryCodes) {
  return walk(schema, (node) => {
    const { title: _title, examples: _examples, ...out } = node;
    for (const key of ["anyOf", "oneOf"]) {
      if (out[key]?.every((sub) => Object.keys(sub).every((name) => name === "required"))) {
        delete out[key];
      }
    }
    if (countryCodes && isDeepStrictEqual(out.enum, countryCodes)) {
      const { enum: _enum, type: _type, ...rest } = out;
      return { ...rest, tsType: "CountryCode" };
    }
    if (out.$ref && Object.keys(out).length > 1) {
      const { $ref, ...rest } = out;
      const name = DEFINITION.exec($ref)?.[1];
      if (!name) throw new SchemaShapeError(`a reference outside $defs: ${$ref}`);
      return { ...rest, tsType: name };
    }
    return out;
  });
}

/** One schema for every type: the layout of data.json, each kind, and their definitions.
 *
 * `schemas` maps each kind's file stem to its schema (as data.json holds it).
 */
export function typesSchema(schemas) {
  const definitions = {};
  const define = (name, schema, origin) => {
    if (name in definitions && !isDeepStrictEqual(definitions[name], schema)) {
      throw new SchemaShapeError(
        `${origin} defines ${name} unlike another schema; the types need one`,
      );
    }
    definitions[name] = schema;
  };
  for (const [stem, , typeName] of KINDS) {
    const { $schema: _draft, $id: _id, $defs = {}, ...entity } = schemas.get(stem);
    for (const [name, schema] of Object.entries($defs)) define(name, schema, `${stem}.schema.json`);
    define(typeName, entity, `${stem}.schema.json`);
  }
  const countryCodes = definitions.CountryCode?.enum;
  const named = Object.fromEntries(
    Object.entries(definitions).map(([name, schema]) => [
      name,
      { ...forTypes(schema, name === "CountryCode" ? undefined : countryCodes), title: name },
    ]),
  );
  const kinds = Object.fromEntries(
    KINDS.map(([, key, typeName, what]) => [
      key,
      {
        type: "array",
        items: { $ref: `#/$defs/${typeName}` },
        description: `Every ${what}, sorted by id.`,
      },
    ]),
  );
  return {
    title: "CoalitionData",
    description:
      "The whole data set as `coalition-kit export --format json` writes it (data.json): every entity of the public view, kinds in order and entities sorted by id.",
    type: "object",
    additionalProperties: false,
    required: ["format", "coalition_kit", "source_digest", ...Object.keys(kinds)],
    properties: {
      format: { const: 1, description: "The version of the bundle's layout." },
      coalition_kit: {
        type: "string",
        description: "The version of coalition-kit that exported the data.",
      },
      source_digest: {
        type: ["string", "null"],
        description: "The SHA-256 of the data files it was made from, when recorded.",
      },
      ...kinds,
    },
    $defs: named,
  };
}

const BANNER = `/* eslint-disable */
/**
 * The types of coalition-kit's data, generated from its JSON Schemas (schemas/*.schema.json) by
 * json-schema-to-typescript in npm/build.mjs. Do not edit: change the Python models, regenerate
 * the schemas (coalition-kit schemas), then rebuild.
 */`;

/** Drop the generator's "This interface was referenced by ... via the `definition` ..." notes. */
function withoutProvenanceNotes(text) {
  const note = String.raw`\* This interface was referenced by [^\n]*\n[ ]*\* via the [^\n]*\n`;
  return text
    .replace(new RegExp(String.raw`[ ]*/\*\*\n[ ]*${note}[ ]*\*/\n`, "g"), "")
    .replace(new RegExp(String.raw`[ ]*\*\n[ ]*${note}`, "g"), "");
}

/** The text of types.d.ts, with `compile` from json-schema-to-typescript. */
export async function generateTypes(schemas, compile) {
  const text = await compile(typesSchema(schemas), "CoalitionData", {
    bannerComment: BANNER,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    $refOptions: { resolve: { http: false, file: false } },
  });
  return withoutProvenanceNotes(text);
}
