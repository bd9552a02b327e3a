// Unified social credit codes (统一社会信用代码), GB 32100-2015.
//
// 18 characters from a 31-character set (digits and upper-case letters
// without I O S V Z, so that none can be misread as 1 0 5 U 2):
//   1     registration authority (登记管理部门代码)
//   2     category (机构类别代码), defined per authority
//   3-8   region code of the registration authority, after GB/T 2260
//         (100000 for the national level)
//   9-17  the organisation code, GB 11714 (主体标识码), with its own check
//   18    check character: 31 - (Σ Ci·Wi mod 31), mod 31, over positions 1-17
//
// Problem codes (stable):
//   empty            nothing given
//   characters       a character outside the 31-character set (this includes
//                    lower-case letters and I O S V Z)
//   length           not 18 characters
//   check-character  position 18 is wrong; `expected`
//   org-code         the check character is right, but positions 9-17 fail the
//                    GB 11714 check (`expected` is the organisation code's
//                    check character). Codes like this were issued by mistake
//                    or made up; either way they are no valid code.
//   region           positions 3-8 are not 6 digits starting with a GB/T 2260
//                    province code (nor 100000); see checkUscc for why only
//                    the province is checked
//
// The first two characters are not checked against the category table below:
// codes get added (A and N post-date the standard's first edition: the CMC
// office behind A was set up in 2016, and agriculture departments began
// registering rural collectives, N, in 2018). An unknown pair is left to the
// uscc-category rule (a warning), through usccFitsUnitType() returning
// undefined, not made an error here.

import { isKnownRegionCode } from './citizen-id.js';
import { verifyOrgCode } from './org-code.js';
import {
  EMPTY,
  asString,
  codePointLength,
  findBadCharacter,
  lengthProblem,
  type CharactersProblem,
  type CheckCharacterProblem,
  type EmptyProblem,
  type LengthProblem,
} from './verdict.js';

/** The code set of GB 32100-2015, in value order: a character's index is its value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// GB 32100-2015: W_i = 3^(i-1) mod 31 for positions 1-17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface UsccOk {
  readonly ok: true;
  readonly normalized: string;
  /** Position 1. */
  readonly registrationAuthority: string;
  /** Positions 1-2, the key of USCC_CATEGORIES. */
  readonly category: string;
  readonly regionCode: string;
  /** Positions 9-17. */
  readonly orgCode: string;
}

export interface UsccOrgCodeProblem {
  readonly ok: false;
  readonly problem: 'org-code';
  readonly orgCode: string;
  /** The check character (position 17) that GB 11714 gives for positions 9-16. */
  readonly expected: string;
}

export interface UsccRegionProblem {
  readonly ok: false;
  readonly problem: 'region';
  readonly regionCode: string;
}

export type UsccProblem =
  | EmptyProblem
  | CharactersProblem
  | LengthProblem
  | CheckCharacterProblem
  | UsccOrgCodeProblem
  | UsccRegionProblem;
export type UsccVerdict = UsccOk | UsccProblem;
export type UsccProblemCode = UsccProblem['problem'];

function isUsccChar(ch: string): boolean {
  return ch.length === 1 && USCC_ALPHABET.includes(ch);
}

/** The check character of the first 17 characters, or undefined if they are not 17 characters of the set. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (typeof first17 !== 'string' || first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Registration authorities at national level write 100000 as their region
 * (GB 32100-2015); it is not a GB/T 2260 code.
 */
const NATIONAL_REGION = '100000';

/**
 * Checks a unified social credit code. Problems in order: form, check
 * character (covers all 17 positions, so it catches most typos), embedded
 * organisation code, region. Never throws.
 */
export function checkUscc(input: string): UsccVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, isUsccChar);
  if (bad) return bad;
  if (s.length !== 18) return lengthProblem(codePointLength(s), 18);

  const expected = usccCheckCharacter(s.slice(0, 17))!;
  const actual = s[17]!;
  if (actual !== expected) return { ok: false, problem: 'check-character', expected, actual };

  const orgCode = s.slice(8, 17);
  const org = verifyOrgCode(orgCode);
  if (!org.ok) return { ok: false, problem: 'org-code', orgCode, expected: org.expected };

  // GB 32100-2015 says "with reference to GB/T 2260": the registration
  // systems fill in their authority's code, and authorities of development
  // zones use codes GB/T 2260 does not have (320594, Suzhou Industrial Park,
  // is on many real, correctly checked codes). So only the province part is
  // required to exist; a full code check would reject real codes.
  const regionCode = s.slice(2, 8);
  // The region code is digits only ("使用阿拉伯数字表示").
  const digits = /^[0-9]{6}$/u.test(regionCode);
  if (!digits || (regionCode !== NATIONAL_REGION && !isKnownRegionCode(regionCode.slice(0, 2) + '0000'))) {
    return { ok: false, problem: 'region', regionCode };
  }
  return { ok: true, normalized: s, registrationAuthority: s[0]!, category: s.slice(0, 2), regionCode, orgCode };
}

// ---------------------------------------------------------------------------
// Registration authorities and categories (GB 32100-2015 code table, with the
// later additions A 中央军委改革和编制办公室 and N 农业), and which of the
// contract's unit types each fits.

export type UnitType = 'government' | 'institution' | 'social-group' | 'enterprise' | 'military';

export interface UsccCategory {
  /** 登记管理部门 */
  readonly authority: { readonly zh: string; readonly en: string };
  /** 机构类别 */
  readonly category: { readonly zh: string; readonly en: string };
  /**
   * Unit types of the contract (机关 事业单位 社会团体 企业 军队, notice 一、1.(1))
   * an owner with this category can be. Empty when none of the five fits (the
   * notice's unit types do not cover representative offices of foreign bodies,
   * nor those of Hong Kong, Macao and Taiwan bodies): the uscc-category rule
   * then warns.
   */
  readonly unitTypes: readonly UnitType[];
}

const ALL_UNIT_TYPES: readonly UnitType[] = ['government', 'institution', 'social-group', 'enterprise', 'military'];

const EDITORIAL = { zh: '机构编制', en: 'institutional establishment' } as const;
const FOREIGN_AFFAIRS = { zh: '外交', en: 'foreign affairs' } as const;
const JUSTICE = { zh: '司法行政', en: 'judicial administration' } as const;
const CULTURE = { zh: '文化', en: 'culture' } as const;
const CIVIL_AFFAIRS = { zh: '民政', en: 'civil affairs' } as const;
const TOURISM = { zh: '旅游', en: 'tourism' } as const;
const RELIGION = { zh: '宗教', en: 'religious affairs' } as const;
const TRADE_UNION = { zh: '工会', en: 'trade unions' } as const;
const MARKET = { zh: '工商', en: 'market regulation (industry and commerce)' } as const;
const MILITARY = { zh: '中央军委改革和编制办公室', en: 'CMC Reform and Organization Office' } as const;
const AGRICULTURE = { zh: '农业', en: 'agriculture' } as const;
const OTHER_AUTHORITY = { zh: '其他', en: 'other' } as const;

/**
 * Authority + category (positions 1-2) → names and fitting unit types.
 *
 * The mapping to unit types is ours, not the standard's; where a category
 * could reasonably be filed as more than one type, all of them are listed so
 * the warning stays for clear mismatches (an enterprise code on a government
 * filing), not for judgement calls.
 */
export const USCC_CATEGORIES: Readonly<Record<string, UsccCategory>> = Object.freeze({
  // 1 机构编制 (establishment offices register Party and state organs and public institutions)
  '11': { authority: EDITORIAL, category: { zh: '机关', en: 'government organ' }, unitTypes: ['government'] },
  '12': { authority: EDITORIAL, category: { zh: '事业单位', en: 'public institution' }, unitTypes: ['institution'] },
  // Mass organisations such as trade-union federations and women's federations:
  // 人民团体, filed as social groups.
  '13': {
    authority: EDITORIAL,
    category: { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation staffed by the central establishment office' },
    unitTypes: ['social-group'],
  },
  '19': { authority: EDITORIAL, category: { zh: '其他', en: 'other' }, unitTypes: ['government', 'institution', 'social-group'] },

  // 2 外交: foreign bodies, none of the notice's unit types
  '21': { authority: FOREIGN_AFFAIRS, category: { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, unitTypes: [] },
  '29': { authority: FOREIGN_AFFAIRS, category: { zh: '其他', en: 'other' }, unitTypes: [] },

  // 3 司法行政: law firms and the like are neither enterprises nor institutions
  // by law, but are filed as whichever is nearer.
  '31': { authority: JUSTICE, category: { zh: '律师执业机构', en: 'law firm' }, unitTypes: ['enterprise', 'institution'] },
  '32': { authority: JUSTICE, category: { zh: '公证处', en: 'notary office' }, unitTypes: ['institution'] },
  '33': { authority: JUSTICE, category: { zh: '基层法律服务所', en: 'grassroots legal service office' }, unitTypes: ['institution', 'enterprise'] },
  '34': { authority: JUSTICE, category: { zh: '司法鉴定机构', en: 'forensic appraisal institution' }, unitTypes: ['institution', 'enterprise'] },
  '35': { authority: JUSTICE, category: { zh: '仲裁委员会', en: 'arbitration commission' }, unitTypes: ['institution'] },
  '39': { authority: JUSTICE, category: { zh: '其他', en: 'other' }, unitTypes: ['institution', 'enterprise', 'social-group'] },

  // 4 文化
  '41': { authority: CULTURE, category: { zh: '外国在华文化中心', en: 'foreign cultural centre in China' }, unitTypes: [] },
  '49': { authority: CULTURE, category: { zh: '其他', en: 'other' }, unitTypes: [] },

  // 5 民政: social organisations (社会组织)
  '51': { authority: CIVIL_AFFAIRS, category: { zh: '社会团体', en: 'social group' }, unitTypes: ['social-group'] },
  // 民办非企业单位 (now 社会服务机构): registered as social organisations, run
  // like private public institutions.
  '52': { authority: CIVIL_AFFAIRS, category: { zh: '民办非企业单位', en: 'private non-enterprise unit' }, unitTypes: ['social-group', 'institution'] },
  '53': { authority: CIVIL_AFFAIRS, category: { zh: '基金会', en: 'foundation' }, unitTypes: ['social-group'] },
  '59': { authority: CIVIL_AFFAIRS, category: { zh: '其他', en: 'other' }, unitTypes: ['social-group'] },

  // 6 旅游: foreign and Hong Kong/Macao/Taiwan tourism offices
  '61': { authority: TOURISM, category: { zh: '外国旅游部门常驻代表机构', en: 'resident office of a foreign tourism authority' }, unitTypes: [] },
  '62': {
    authority: TOURISM,
    category: { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'resident office of a Hong Kong, Macao or Taiwan tourism authority' },
    unitTypes: [],
  },
  '69': { authority: TOURISM, category: { zh: '其他', en: 'other' }, unitTypes: [] },

  // 7 宗教: religious bodies file as social groups
  '71': { authority: RELIGION, category: { zh: '宗教活动场所', en: 'place of religious activity' }, unitTypes: ['social-group'] },
  '72': { authority: RELIGION, category: { zh: '宗教院校', en: 'religious school' }, unitTypes: ['social-group', 'institution'] },
  '79': { authority: RELIGION, category: { zh: '其他', en: 'other' }, unitTypes: ['social-group'] },

  // 8 工会
  '81': { authority: TRADE_UNION, category: { zh: '基层工会', en: 'grassroots trade union' }, unitTypes: ['social-group'] },
  '89': { authority: TRADE_UNION, category: { zh: '其他', en: 'other' }, unitTypes: ['social-group'] },

  // 9 工商 (now market regulation): everything with a business licence
  '91': { authority: MARKET, category: { zh: '企业', en: 'enterprise' }, unitTypes: ['enterprise'] },
  '92': { authority: MARKET, category: { zh: '个体工商户', en: 'individual business' }, unitTypes: ['enterprise'] },
  '93': { authority: MARKET, category: { zh: '农民专业合作社', en: "farmers' cooperative" }, unitTypes: ['enterprise'] },

  // A 中央军委改革和编制办公室 (military units' codes)
  A1: { authority: MILITARY, category: { zh: '军队事业单位', en: 'military public institution' }, unitTypes: ['military'] },
  A9: { authority: MILITARY, category: { zh: '其他', en: 'other' }, unitTypes: ['military'] },

  // N 农业: rural collective economic organisations, special legal persons
  // that trade; nearest unit type is enterprise.
  N1: { authority: AGRICULTURE, category: { zh: '组级集体经济组织', en: 'group-level collective economic organisation' }, unitTypes: ['enterprise'] },
  N2: { authority: AGRICULTURE, category: { zh: '村级集体经济组织', en: 'village-level collective economic organisation' }, unitTypes: ['enterprise'] },
  N3: { authority: AGRICULTURE, category: { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' }, unitTypes: ['enterprise'] },
  N9: { authority: AGRICULTURE, category: { zh: '其他', en: 'other' }, unitTypes: ['enterprise'] },

  // Y 其他: not divided into categories (always Y1), so it says nothing
  // about the unit type.
  Y1: { authority: OTHER_AUTHORITY, category: { zh: '其他', en: 'other' }, unitTypes: ALL_UNIT_TYPES },
});

/**
 * Positions 1-2 (registration authority + category), e.g. "91", or undefined
 * when the input does not start with two characters of the code set. Does not
 * validate the rest of the code.
 */
export function usccCategory(code: string): string | undefined {
  const s = asString(code);
  const pair = s.slice(0, 2);
  return pair.length === 2 && isUsccChar(pair[0]!) && isUsccChar(pair[1]!) ? pair : undefined;
}

/**
 * Whether the code's authority and category fit the owner's unit type: true or
 * false for a category in USCC_CATEGORIES, undefined for an unknown one (or
 * an input too short to have one), so the caller can stay silent or say
 * "unknown category" as it sees fit.
 */
export function usccFitsUnitType(code: string, unitType: UnitType): boolean | undefined {
  const pair = usccCategory(code);
  if (pair === undefined || !Object.hasOwn(USCC_CATEGORIES, pair)) return undefined;
  return USCC_CATEGORIES[pair]!.unitTypes.includes(unitType);
}
