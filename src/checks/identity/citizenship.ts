// citizenship (一、1.(1)(2)): the notice gives documents by whether a person
// is a Chinese citizen, so the citizenship of an individual owner and of the
// principal has to name a country: CN, or another country's ISO 3166-1
// alpha-2 code. HK, MO and TW are reported with their own message (residents
// of Hong Kong, Macao and Taiwan are Chinese citizens: CN with the permit they
// hold); a code no country has (XX, UK for GB) with another. The list of
// countries is the rule file's data; what is no citizenship is
// src/domain/citizenship.ts.

import type { FromSchema } from 'json-schema-to-ts';
import { HMT_REGIONS, checkCitizenship } from '../../domain/citizenship.js';
import { SUBJECT_NAMES, documentTypesWithCode, localized } from '../../domain/vocabulary.js';
import type { RecordCheck } from '../api.js';
import { SUBJECTS, citizenshipOf, isCountryCode } from './shared.js';

const codeSchema = { type: 'string', pattern: '^[A-Z]{2}$' } as const;

export const citizenshipOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['countries'],
  properties: {
    // ISO 3166-1 alpha-2 codes officially assigned.
    countries: { type: 'array', items: codeSchema, uniqueItems: true, minItems: 1 },
    // Codes that are no country's but are commonly written for one (UK → GB).
    suggestions: { type: 'object', propertyNames: codeSchema, additionalProperties: codeSchema },
  },
} as const;

export type CitizenshipOptions = FromSchema<typeof citizenshipOptionsSchema>;

export const citizenshipMessageIds = ['default', 'unknown-code', 'unknown-code-suggestion'] as const;

/** The options' list as a set, built once per options object (the rule's options are fixed for a run). */
const countrySets = new WeakMap<readonly string[], ReadonlySet<string>>();

function countrySet(countries: readonly string[]): ReadonlySet<string> {
  let set = countrySets.get(countries);
  if (!set) {
    set = new Set(countries);
    countrySets.set(countries, set);
  }
  return set;
}

export const citizenship: RecordCheck<CitizenshipOptions, (typeof citizenshipMessageIds)[number]> = (ctx) => {
  const { record, options } = ctx;
  const countries = countrySet(options.countries);
  for (const subject of SUBJECTS) {
    // A unit owner has no citizenship (the schema reports one given).
    const code = citizenshipOf(record, subject);
    // Other shapes (cn, China) are the schema rule's.
    if (!isCountryCode(code)) continue;
    const verdict = checkCitizenship(code, countries, options.suggestions);
    if (verdict.ok) continue;
    const path = `/${subject}/citizenship`;
    const data = { subject: SUBJECT_NAMES[subject], value: code };
    if (verdict.problem === 'hmt-region') {
      const region = HMT_REGIONS[verdict.region];
      ctx.report({ path, data: { ...data, region: localized(region), permits: documentTypesWithCode(region.permits) } });
    } else if (verdict.suggestion !== undefined) {
      ctx.report({ path, messageId: 'unknown-code-suggestion', data: { ...data, suggestion: verdict.suggestion } });
    } else {
      ctx.report({ path, messageId: 'unknown-code', data });
    }
  }
};
