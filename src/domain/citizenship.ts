// Citizenship (国籍) of an individual owner and of a principal (一、1.(1)(2)).
//
// The notice sorts people into 中国公民 and 非中国公民 and gives each their
// documents. Residents of Hong Kong, Macao and Taiwan are Chinese citizens:
// the notice itself lists the 台胞证 among the documents of a Chinese citizen.
// Their citizenship is CN. HK, MO and TW are ISO 3166-1 codes (the standard
// codes territories as well as states), but they are not citizenships, and a
// record that gives one has misfiled a Chinese citizen.
//
// Which codes are countries is data (the ISO 3166-1 list in the citizenship
// rule's options); that HK, MO and TW are no citizenships is law, so it lives
// here, where every identity rule reads it.

/** The regions whose residents are Chinese citizens although ISO 3166-1 gives them a code. */
export const HMT_REGIONS = Object.freeze({
  HK: { zh: '香港', en: 'Hong Kong', permits: ['hk-macao-permit', 'hmt-residence-permit'] },
  MO: { zh: '澳门', en: 'Macao', permits: ['hk-macao-permit', 'hmt-residence-permit'] },
  TW: { zh: '台湾', en: 'Taiwan', permits: ['taiwan-compatriot-permit', 'hmt-residence-permit'] },
} as const);

export type HmtRegionCode = keyof typeof HMT_REGIONS;

/** Whether a citizenship field names Hong Kong, Macao or Taiwan (whose residents are CN). */
export function isHmtRegionCode(code: unknown): code is HmtRegionCode {
  return typeof code === 'string' && Object.hasOwn(HMT_REGIONS, code);
}

export type CitizenshipVerdict =
  | { readonly ok: true }
  /** HK, MO or TW: a Chinese citizen filed under the region's code. */
  | { readonly ok: false; readonly problem: 'hmt-region'; readonly region: HmtRegionCode }
  /** Two capital letters that no country has; `suggestion` when the code is a known slip (UK for GB). */
  | { readonly ok: false; readonly problem: 'not-a-country'; readonly suggestion?: string };

/**
 * Checks a citizenship code against a list of country codes. `code` is
 * expected in the schema's form (two capital letters); the caller stays
 * silent on other shapes, which the schema rule reports.
 */
export function checkCitizenship(
  code: string,
  countries: ReadonlySet<string>,
  suggestions: Readonly<Record<string, string>> = {},
): CitizenshipVerdict {
  if (isHmtRegionCode(code)) return { ok: false, problem: 'hmt-region', region: code };
  if (countries.has(code)) return { ok: true };
  const suggestion = Object.hasOwn(suggestions, code) ? suggestions[code] : undefined;
  return suggestion === undefined ? { ok: false, problem: 'not-a-country' } : { ok: false, problem: 'not-a-country', suggestion };
}

/**
 * How a message names the holder of a citizenship, in both languages: a
 * Chinese citizen, or a citizen of another country. HK, MO and TW are named
 * as the residents they describe, who are Chinese citizens; no wording here
 * calls them foreign.
 */
export function describeCitizenship(code: string): { zh: string; en: string } {
  if (code === 'CN') return { zh: '中国公民', en: 'a Chinese citizen' };
  if (isHmtRegionCode(code)) {
    const region = HMT_REGIONS[code];
    return { zh: `${region.zh}居民（中国公民）`, en: `a resident of ${region.en} (a Chinese citizen)` };
  }
  return { zh: `国籍为 ${code} 的人`, en: `a citizen of another country (${code})` };
}
