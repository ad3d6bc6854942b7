/**
 * The coalition-kit data as an ES module: every organization, letter, campaign and mission of
 * data.json, by id, with a few lookups that mirror the Python library's (`coalition_kit.load()`).
 *
 * The entities are the objects of data.json, shared by every importer: treat them as read-only
 * (copy one with `structuredClone` before changing it). Lists come in id order.
 *
 * The entity types (`Mission`, `Organization` ...) are generated from the JSON Schemas in
 * `schemas/` and exported from here too.
 *
 * @module coalition-kit-data
 */

import type {
  Campaign,
  CoalitionData,
  CountryCode,
  Letter,
  Mission,
  MissionKind,
  Organization,
} from "./types.js";

export type * from "./types.js";

/** The whole data set, as `coalition-kit export --format json` wrote it. */
export declare const data: CoalitionData;

/** The version of coalition-kit that exported the data, which is also this package's version. */
export declare const version: string;

/** A lookup of an id that no entity of the kind has. */
export declare class UnknownIdError extends Error {
  constructor(kind: string, id: string);
  readonly name: "UnknownIdError";
  /** The kind looked up: "organization", "letter", "campaign" or "mission". */
  readonly kind: string;
  /** The id that was not found. */
  readonly id: string;
}

/** Every organization by id. */
export declare const organizations: Readonly<Record<string, Organization>>;
/** Every letter, template letter and petition by id. */
export declare const letters: Readonly<Record<string, Letter>>;
/** Every campaign by id. */
export declare const campaigns: Readonly<Record<string, Campaign>>;
/** Every mission (embassy, consulate, mission to the UN) by id. */
export declare const missions: Readonly<Record<string, Mission>>;

/**
 * The organization with this id.
 * @throws {UnknownIdError} when no organization has it.
 */
export declare function organization(id: string): Organization;

/**
 * The letter, template letter or petition with this id.
 * @throws {UnknownIdError} when no letter has it.
 */
export declare function letter(id: string): Letter;

/**
 * The campaign with this id.
 * @throws {UnknownIdError} when no campaign has it.
 */
export declare function campaign(id: string): Campaign;

/**
 * The mission with this id, such as "cn-embassy-us".
 * @throws {UnknownIdError} when no mission has it.
 */
export declare function mission(id: string): Mission;

/** Whether a mission is working (its status is open), as Python's `Mission.is_open`. */
export declare function isOpen(mission: Mission): boolean;

/** What `missionsIn` keeps. */
export interface MissionFilter {
  /** Only open missions (true), or only closed, suspended and relocated ones (false). */
  open?: boolean;
  /** Only missions of this kind. */
  kind?: MissionKind;
}

/**
 * The missions in a country, in id order, as Python's `find_missions(host_country=...)`.
 *
 * A mission to the UN is in the country of its UN office (US for New York, CH for Geneva).
 *
 * @param country An ISO 3166-1 alpha-2 code: "US", "GB" (any case).
 * @example
 * missionsIn("DE", { open: true }).map((mission) => mission.city)
 */
export declare function missionsIn(
  country: CountryCode | Lowercase<CountryCode>,
  options?: MissionFilter,
): Mission[];

/**
 * The letters an organization signed, in id order, as Python's `letters_signed_by`.
 * @throws {UnknownIdError} when no organization has the id.
 */
export declare function lettersSignedBy(organizationId: string): Letter[];
