/**
 * The coalition-kit data as an ES module: every organization, letter, campaign and mission of
 * data.json, by id, with a few lookups that mirror the Python library's (`coalition_kit.load()`).
 *
 * The entities are the objects of data.json, shared by every importer: treat them as read-only
 * (copy one with `structuredClone` before changing it). Lists come in id order.
 *
 * @module coalition-kit-data
 */

import json from "./data.json" with { type: "json" };

/** @typedef {import("./types.js").CoalitionData} CoalitionData */
/** @typedef {import("./types.js").Organization} Organization */
/** @typedef {import("./types.js").Letter} Letter */
/** @typedef {import("./types.js").Campaign} Campaign */
/** @typedef {import("./types.js").Mission} Mission */
/** @typedef {import("./types.js").MissionKind} MissionKind */

// The build checked every entity of data.json against its schema, which the types come from.
const bundle = /** @type {CoalitionData} */ (/** @type {unknown} */ (json));

/**
 * The whole data set, as `coalition-kit export --format json` wrote it.
 * @type {CoalitionData}
 */
export const data = bundle;

/**
 * The version of coalition-kit that exported the data, which is also this package's version.
 * @type {string}
 */
export const version = bundle.coalition_kit;

/**
 * A lookup of an id that no entity of the kind has.
 */
export class UnknownIdError extends Error {
  /**
   * @param {string} kind The kind looked up: "organization", "letter", "campaign" or "mission".
   * @param {string} id The id that was not found.
   */
  constructor(kind, id) {
    super(`no ${kind} has the id ${JSON.stringify(id)}`);
    this.name = "UnknownIdError";
    /** @type {string} */
    this.kind = kind;
    /** @type {string} */
    this.id = id;
  }
}

/**
 * A frozen record of `entities` by id, without a prototype (so "constructor" is no id).
 * @template {{ id: string }} T
 * @param {T[]} entities
 * @returns {Readonly<Record<string, T>>}
 */
function byId(entities) {
  const record = Object.create(null);
  for (const entity of entities) record[entity.id] = entity;
  return Object.freeze(record);
}

/** Every organization by id. @type {Readonly<Record<string, Organization>>} */
export const organizations = byId(bundle.organizations);
/** Every letter, template letter and petition by id. @type {Readonly<Record<string, Letter>>} */
export const letters = byId(bundle.letters);
/** Every campaign by id. @type {Readonly<Record<string, Campaign>>} */
export const campaigns = byId(bundle.campaigns);
/**
 * Every mission (embassy, consulate, mission to the UN) by id.
 * @type {Readonly<Record<string, Mission>>}
 */
export const missions = byId(bundle.missions);

/**
 * @template T
 * @param {Readonly<Record<string, T>>} record
 * @param {string} kind
 * @param {unknown} id
 * @returns {T}
 */
function lookUp(record, kind, id) {
  if (typeof id !== "string")
    throw new TypeError(`${kind}(): the id must be a string, not ${typeof id}`);
  const entity = record[id];
  if (entity === undefined) throw new UnknownIdError(kind, id);
  return entity;
}

/**
 * The organization with this id.
 * @param {string} id
 * @returns {Organization}
 * @throws {UnknownIdError} when no organization has it.
 */
export function organization(id) {
  return lookUp(organizations, "organization", id);
}

/**
 * The letter, template letter or petition with this id.
 * @param {string} id
 * @returns {Letter}
 * @throws {UnknownIdError} when no letter has it.
 */
export function letter(id) {
  return lookUp(letters, "letter", id);
}

/**
 * The campaign with this id.
 * @param {string} id
 * @returns {Campaign}
 * @throws {UnknownIdError} when no campaign has it.
 */
export function campaign(id) {
  return lookUp(campaigns, "campaign", id);
}

/**
 * The mission with this id, such as "cn-embassy-us".
 * @param {string} id
 * @returns {Mission}
 * @throws {UnknownIdError} when no mission has it.
 */
export function mission(id) {
  return lookUp(missions, "mission", id);
}

/**
 * Whether a mission is working (its status is open), as Python's `Mission.is_open`.
 * @param {Mission} mission
 * @returns {boolean}
 */
export function isOpen(mission) {
  return mission.status.state === "open";
}

/**
 * The missions in a country, in id order, as Python's `find_missions(host_country=...)`.
 *
 * A mission to the UN is in the country of its UN office (US for New York, CH for Geneva).
 *
 * @param {string} country An ISO 3166-1 alpha-2 code: "US", "GB" (any case).
 * @param {{ open?: boolean, kind?: MissionKind }} [options] Only open (or only not open)
 *     missions; only missions of one kind ("embassy", "consulate-general" ...).
 * @returns {Mission[]}
 * @example
 * missionsIn("DE", { open: true }).map((mission) => mission.city)
 */
export function missionsIn(country, options = {}) {
  if (typeof country !== "string" || !/^[A-Za-z]{2}$/.test(country)) {
    throw new TypeError(
      `missionsIn(): the country must be a two-letter code such as "US", not ${JSON.stringify(country)}`,
    );
  }
  const code = country.toUpperCase();
  const { open, kind } = options;
  return bundle.missions.filter(
    (mission) =>
      mission.host_country === code &&
      (open === undefined || isOpen(mission) === open) &&
      (kind === undefined || mission.kind === kind),
  );
}

/**
 * The letters an organization signed, in id order, as Python's `letters_signed_by`.
 * @param {string} organizationId
 * @returns {Letter[]}
 * @throws {UnknownIdError} when no organization has the id.
 */
export function lettersSignedBy(organizationId) {
  organization(organizationId);
  return bundle.letters.filter((letter) =>
    letter.signatories.some((signatory) => signatory.organization === organizationId),
  );
}
