#!/usr/bin/env node
// Deterministic generator of synthetic filing batches for the benchmark
// (issue 5). No dependencies: a seeded PRNG per record, so record i is the
// same in every file generated with the same seed, whatever the count or the
// format, and a run can be reproduced exactly.
//
// Every record follows the data contract (/work/shared/spec/filing-format.md)
// and is meant to be clean for its stage: check characters computed (GB 11643
// MOD 11-2, GB 32100 with the embedded GB 11714 organisation code), mobiles and
// fixed lines valid for libphonenumber's CN metadata, public IPs, registrable
// domains, dates inside the working-day deadlines of the 2026 calendar. About
// `defectRate` of the records get exactly one planted defect (see DEFECTS);
// the generator reports which, in the .meta.json next to the data.
//
// Identity numbers, mobiles, domains and filing ids are derived from the record
// index through bijections, so they are unique in a batch (no accidental
// batch-* findings), while still looking random.
//
// Usage:
//   node bench/generate.mjs --count 2000 [--seed 1] [--format jsonl|json|both]
//                           [--out bench/out/name] [--defect-rate 0.05]
// writes <out>.jsonl and/or <out>.json and <out>.meta.json, streaming
// (a million records never sit in memory).

import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

/** Bump when the records change, so cached files are regenerated. */
export const GENERATOR_VERSION = 5;

// ---------------------------------------------------------------------------
// PRNG: a 32-bit hash of (seed, index) seeds a mulberry32 stream per record.

function hash32(a, b) {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Picks from [[weight, value], …]. */
  weighted(table) {
    let total = 0;
    for (const [w] of table) total += w;
    let r = this.next() * total;
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][1];
  }
  digits(n) {
    let s = '';
    for (let k = 0; k < n; k++) s += String(this.int(0, 9));
    return s;
  }
}

/** Affine bijection on [0, n): distinct inputs give distinct outputs when gcd(a, n) = 1. */
function permute(i, n, a, b) {
  return Number((BigInt(i) * BigInt(a) + BigInt(b)) % BigInt(n));
}

// ---------------------------------------------------------------------------
// Check characters (same algorithms as src/domain, re-implemented so the
// generator stands alone).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
export function citizenIdCheck(first17) {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (first17.charCodeAt(k) - 48) * ID_WEIGHTS[k];
  return ID_CHECK[sum % 11];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHECK = '0123456789X';
export function orgCodeCheck(body) {
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const c = body.charCodeAt(k);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[k];
  }
  const v = 11 - (sum % 11);
  return v === 10 ? 'X' : v === 11 ? '0' : String(v);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function usccCheck(first17) {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += USCC_ALPHABET.indexOf(first17[k]) * USCC_WEIGHTS[k];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A wrong check character for `right`, taken from `alphabet`. */
function wrongCheck(right, alphabet, rng) {
  let c;
  do c = rng.pick(alphabet);
  while (c === right);
  return c;
}

// ---------------------------------------------------------------------------
// The 2026 statutory calendar (国务院办公厅 2025 notice, as in chinese-days):
// public holidays and the weekend days that are make-up working days.
// bench/validate.mjs checks this table against the project's calendar.

const HOLIDAYS_2026 = new Set([
  '2026-01-01', '2026-01-02', '2026-01-03',
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  '2026-06-19', '2026-06-20', '2026-06-21',
  '2026-09-25', '2026-09-26', '2026-09-27',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
]);
const MAKEUP_WORKDAYS_2026 = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);

const DAY_MS = 86_400_000;
const dayOf = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay2026(iso) {
  if (MAKEUP_WORKDAYS_2026.has(iso)) return true;
  if (HOLIDAYS_2026.has(iso)) return false;
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `iso` (n ≥ 1). */
function addWorkingDays(iso, n) {
  let d = dayOf(iso);
  while (n > 0) {
    d += 1;
    if (isWorkingDay2026(isoOf(d))) n -= 1;
  }
  return isoOf(d);
}

/** Working days of 2026 from 2026-01-05 to 2026-08-31: the submission dates. */
const SUBMISSION_DAYS = (() => {
  const out = [];
  for (let d = dayOf('2026-01-05'); d <= dayOf('2026-08-31'); d++) if (isWorkingDay2026(isoOf(d))) out.push(isoOf(d));
  return out;
})();

const pad2 = (n) => String(n).padStart(2, '0');
function at(iso, minutes) {
  return `${iso}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00+08:00`;
}

// ---------------------------------------------------------------------------
// Places: one or two current GB/T 2260 districts per province, with the
// province's filing-number abbreviation and the city's area code (and the
// subscriber-number length libphonenumber expects there).

const PROVINCES = [
  ['11', '京', '北京市', [['110105', '北京市', '朝阳区', '010', 8], ['110108', '北京市', '海淀区', '010', 8]]],
  ['12', '津', '天津市', [['120101', '天津市', '和平区', '022', 8], ['120104', '天津市', '南开区', '022', 8]]],
  ['13', '冀', '河北省', [['130102', '石家庄市', '长安区', '0311', 8]]],
  ['14', '晋', '山西省', [['140105', '太原市', '小店区', '0351', 7]]],
  ['15', '蒙', '内蒙古自治区', [['150102', '呼和浩特市', '新城区', '0471', 7]]],
  ['21', '辽', '辽宁省', [['210102', '沈阳市', '和平区', '024', 8], ['210202', '大连市', '中山区', '0411', 8]]],
  ['22', '吉', '吉林省', [['220102', '长春市', '南关区', '0431', 8]]],
  ['23', '黑', '黑龙江省', [['230102', '哈尔滨市', '道里区', '0451', 8]]],
  ['31', '沪', '上海市', [['310104', '上海市', '徐汇区', '021', 8], ['310115', '上海市', '浦东新区', '021', 8]]],
  ['32', '苏', '江苏省', [['320102', '南京市', '玄武区', '025', 8], ['320505', '苏州市', '虎丘区', '0512', 8]]],
  ['33', '浙', '浙江省', [['330106', '杭州市', '西湖区', '0571', 8], ['330212', '宁波市', '鄞州区', '0574', 8]]],
  ['34', '皖', '安徽省', [['340104', '合肥市', '蜀山区', '0551', 8]]],
  ['35', '闽', '福建省', [['350102', '福州市', '鼓楼区', '0591', 8], ['350203', '厦门市', '思明区', '0592', 7]]],
  ['36', '赣', '江西省', [['360102', '南昌市', '东湖区', '0791', 8]]],
  ['37', '鲁', '山东省', [['370102', '济南市', '历下区', '0531', 8], ['370202', '青岛市', '市南区', '0532', 8]]],
  ['41', '豫', '河南省', [['410105', '郑州市', '金水区', '0371', 8]]],
  ['42', '鄂', '湖北省', [['420106', '武汉市', '武昌区', '027', 8]]],
  ['43', '湘', '湖南省', [['430104', '长沙市', '岳麓区', '0731', 8]]],
  ['44', '粤', '广东省', [['440106', '广州市', '天河区', '020', 8], ['440305', '深圳市', '南山区', '0755', 8]]],
  ['45', '桂', '广西壮族自治区', [['450103', '南宁市', '青秀区', '0771', 7]]],
  ['46', '琼', '海南省', [['460106', '海口市', '龙华区', '0898', 8]]],
  ['50', '渝', '重庆市', [['500103', '重庆市', '渝中区', '023', 8]]],
  ['51', '蜀', '四川省', [['510107', '成都市', '武侯区', '028', 8]]],
  ['52', '黔', '贵州省', [['520102', '贵阳市', '南明区', '0851', 8]]],
  ['53', '滇', '云南省', [['530102', '昆明市', '五华区', '0871', 8]]],
  ['54', '藏', '西藏自治区', [['540102', '拉萨市', '城关区', '0891', 7]]],
  ['61', '陕', '陕西省', [['610113', '西安市', '雁塔区', '029', 8]]],
  ['62', '陇', '甘肃省', [['620102', '兰州市', '城关区', '0931', 7]]],
  ['63', '青', '青海省', [['630102', '西宁市', '城东区', '0971', 7]]],
  ['64', '宁', '宁夏回族自治区', [['640104', '银川市', '兴庆区', '0951', 7]]],
  ['65', '新', '新疆维吾尔自治区', [['650102', '乌鲁木齐市', '天山区', '0991', 7]]],
];

/** Population-ish weights, so Guangdong, Beijing, Zhejiang … dominate as they do in real filings. */
const PROVINCE_WEIGHTS = {
  '11': 9, '12': 2, '13': 3, '14': 1.5, '15': 1, '21': 2, '22': 1, '23': 1, '31': 8, '32': 7, '33': 8, '34': 3, '35': 4, '36': 2,
  '37': 5, '41': 4, '42': 3, '43': 3, '44': 12, '45': 2, '46': 1, '50': 2, '51': 4, '52': 1, '53': 1.5, '54': 0.3, '61': 2,
  '62': 0.8, '63': 0.3, '64': 0.4, '65': 0.8,
};

const PLACES = PROVINCES.flatMap(([province, abbr, provinceName, districts]) =>
  districts.map(([code, city, district, areaCode, localDigits]) => ({ province, abbr, provinceName, code, city, district, areaCode, localDigits })),
);
const PLACE_TABLE = PLACES.map((p) => [PROVINCE_WEIGHTS[p.province] / PROVINCES.find((x) => x[0] === p.province)[3].length, p]);

const cityShort = (city) => city.replace(/市$/, '');

// ---------------------------------------------------------------------------
// Names

const SURNAMES = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'],
  ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'], ['胡', 'hu'], ['朱', 'zhu'], ['高', 'gao'], ['林', 'lin'],
  ['何', 'he'], ['郭', 'guo'], ['马', 'ma'], ['罗', 'luo'], ['梁', 'liang'], ['宋', 'song'], ['郑', 'zheng'], ['谢', 'xie'],
  ['韩', 'han'], ['唐', 'tang'], ['冯', 'feng'], ['于', 'yu'], ['董', 'dong'], ['萧', 'xiao'], ['程', 'cheng'], ['曹', 'cao'],
  ['袁', 'yuan'], ['邓', 'deng'], ['许', 'xu'], ['傅', 'fu'], ['沈', 'shen'], ['曾', 'zeng'], ['彭', 'peng'], ['吕', 'lv'],
  ['欧阳', 'ouyang'], ['司马', 'sima'], ['诸葛', 'zhuge'],
];
const GIVEN = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'],
  ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['建', 'jian'],
  ['国', 'guo'], ['文', 'wen'], ['晓', 'xiao'], ['玉', 'yu'], ['海', 'hai'], ['宇', 'yu'], ['浩', 'hao'], ['欣', 'xin'],
  ['子', 'zi'], ['涵', 'han'], ['梓', 'zi'], ['萱', 'xuan'], ['思', 'si'], ['雨', 'yu'], ['嘉', 'jia'], ['怡', 'yi'],
];
const FOREIGN = [
  ['US', ['JOHN', 'MICHAEL', 'EMILY', 'SARAH', 'DAVID'], ['SMITH', 'JOHNSON', 'BROWN', 'MILLER', 'DAVIS']],
  ['GB', ['OLIVER', 'GEORGE', 'AMELIA', 'ISLA'], ['TAYLOR', 'WILSON', 'EVANS', 'WRIGHT']],
  ['JP', ['HARUTO', 'YUI', 'SOTA', 'HINA'], ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA']],
  ['KR', ['MINJUN', 'SEOYEON', 'JIHO', 'HAYOON'], ['KIM', 'LEE', 'PARK', 'CHOI']],
  ['DE', ['LUKAS', 'LEON', 'MIA', 'EMMA'], ['MUELLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER']],
  ['SG', ['WEI LING', 'JUN JIE', 'XIN YI'], ['TAN', 'LIM', 'NG', 'ONG']],
  ['CA', ['LIAM', 'NOAH', 'CHARLOTTE'], ['MARTIN', 'ROY', 'GAGNON']],
  ['AU', ['JACK', 'WILLIAM', 'OLIVIA'], ['WILLIAMS', 'JONES', 'WHITE']],
];

function chineseName(rng) {
  const [s, sp] = rng.pick(SURNAMES);
  const g1 = rng.pick(GIVEN);
  if (rng.chance(0.35)) return { name: s + g1[0], pinyin: sp + g1[1] };
  const g2 = rng.pick(GIVEN);
  return { name: s + g1[0] + g2[0], pinyin: sp + g1[1] + g2[1] };
}

const BRANDS = [
  ['云帆', 'yunfan'], ['星辰', 'xingchen'], ['智联', 'zhilian'], ['蓝海', 'lanhai'], ['华创', 'huachuang'], ['青禾', 'qinghe'],
  ['远图', 'yuantu'], ['锦程', 'jincheng'], ['启明', 'qiming'], ['北辰', 'beichen'], ['晨曦', 'chenxi'], ['鼎盛', 'dingsheng'],
  ['同舟', 'tongzhou'], ['安澜', 'anlan'], ['凌云', 'lingyun'], ['润泽', 'runze'], ['博睿', 'borui'], ['嘉禾', 'jiahe'],
  ['天工', 'tiangong'], ['墨客', 'moke'], ['知行', 'zhixing'], ['长风', 'changfeng'], ['新象', 'xinxiang'], ['盛景', 'shengjing'],
  ['易达', 'yida'], ['恒信', 'hengxin'], ['万象', 'wanxiang'], ['优品', 'youpin'], ['飞鸿', 'feihong'], ['清源', 'qingyuan'],
];

/** Enterprise lines of business: name part, websites they run, and a service content that needs pre-approval, if any. */
const INDUSTRIES = [
  { part: '网络科技', sites: [['官网', ['corporate']], ['开发者社区', ['forum']], ['技术博客', ['blog']]] },
  { part: '信息技术', sites: [['官网', ['corporate']], ['云服务平台', ['general']], ['帮助中心', ['general']]] },
  { part: '电子商务', sites: [['商城', ['e-commerce']], ['官网', ['corporate']], ['会员中心', ['e-commerce']]] },
  { part: '文化传媒', sites: [['官网', ['corporate']], ['资讯网', ['news', 'general']], ['视频站', ['culture']]] },
  { part: '教育科技', sites: [['官网', ['corporate']], ['在线学堂', ['education']], ['家长社区', ['forum']]] },
  { part: '健康管理', sites: [['官网', ['corporate']], ['健康咨询', ['medical']], ['健康商城', ['e-commerce']]] },
  { part: '软件', sites: [['官网', ['corporate']], ['下载中心', ['general']], ['用户论坛', ['forum']]] },
  { part: '贸易', sites: [['官网', ['corporate']], ['采购平台', ['e-commerce']]] },
  { part: '餐饮管理', sites: [['官网', ['corporate']], ['点餐平台', ['e-commerce']]] },
  { part: '建筑工程', sites: [['官网', ['corporate']]] },
  { part: '医药', sites: [['官网', ['corporate']], ['药品信息网', ['drugs-medical-devices']]] },
];
const COMPANY_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];

const GOV_DEPARTMENTS = [
  ['市场监督管理局', 'scjg'], ['教育局', 'jyj'], ['文化和旅游局', 'whlyj'], ['卫生健康委员会', 'wjw'], ['人力资源和社会保障局', 'rsj'],
  ['生态环境局', 'sthjj'], ['科学技术局', 'kjj'], ['统计局', 'tjj'], ['司法局', 'sfj'], ['民政局', 'mzj'], ['人民政府', 'zf'],
];
const INSTITUTIONS = [
  ['第一中学', 'yizhong', 'edu.cn', ['corporate', 'education']],
  ['实验小学', 'syxx', 'edu.cn', ['corporate']],
  ['职业技术学院', 'zyjsxy', 'edu.cn', ['corporate', 'education']],
  ['人民医院', 'rmyy', 'org.cn', ['corporate', 'medical']],
  ['图书馆', 'tsg', 'org.cn', ['corporate', 'culture']],
  ['博物馆', 'bwg', 'org.cn', ['corporate', 'culture']],
  ['科学研究院', 'kxyjy', 'org.cn', ['corporate']],
  ['疾病预防控制中心', 'cdc', 'org.cn', ['corporate']],
];
const SOCIAL_GROUPS = [
  ['软件行业协会', 'rjxh'], ['摄影家协会', 'syjxh'], ['互联网协会', 'hlwxh'], ['青年企业家协会', 'qnqyjxh'], ['书法家协会', 'sfjxh'],
];
const PERSONAL_SITES = [
  ['的博客', ['personal', 'blog']], ['的个人空间', ['personal']], ['的摄影作品', ['personal']], ['的技术笔记', ['blog']], ['的读书笔记', ['personal', 'blog']],
];
const STREETS = ['人民路', '中山路', '解放路', '建设路', '和平路', '文化路', '科技路', '创业大道', '学府路', '长江路', '滨江大道', '青年路'];

const PRE_APPROVAL_ISSUERS = {
  news: '互联网信息办公室',
  publishing: '新闻出版局',
  education: '教育厅',
  medical: '卫生健康委员会',
  'drugs-medical-devices': '药品监督管理局',
  culture: '文化和旅游厅',
  'radio-film-tv': '广播电视局',
};

const PROVIDERS = [
  ['阿里云计算有限公司', 'cloud', 'v4:47.96,47.97,47.98,39.96,39.105,120.24,120.55|v6:2408:4000,2408:4001'],
  ['腾讯云计算（北京）有限责任公司', 'cloud', 'v4:119.29,129.204,150.158,162.14,175.24|v6:240d:c000,2402:4e00'],
  ['北京百度网讯科技有限公司', 'cloud', 'v4:106.12,180.76,123.125|v6:2400:da00'],
  ['华为云计算技术有限公司', 'cloud', 'v4:119.3,121.36,124.70|v6:2407:c080'],
  ['中国电信股份有限公司', 'colocation', 'v4:115.236,14.215,61.147,183.60,202.96|v6:240e:0390,240e:0960'],
  ['中国联合网络通信有限公司', 'dedicated-line', 'v4:123.58,221.12,58.240,112.64|v6:2408:8000,2408:8756'],
  ['中国移动通信集团有限公司', 'dedicated-line', 'v4:120.196,111.13,183.232,117.136|v6:2409:8000,2409:8c00'],
  ['成都西维数码科技有限公司', 'virtual-hosting', 'v4:118.123,125.64|v6:2400:8800'],
  ['北京新网数码信息技术有限公司', 'virtual-hosting', 'v4:59.151,203.171|v6:2401:ba00'],
].map(([name, method, nets]) => {
  const [v4, v6] = nets.split('|').map((s) => s.slice(3).split(','));
  return { name, method, v4, v6 };
});

const MOBILE_PREFIXES = ['139', '138', '137', '136', '135', '186', '185', '189', '180', '133', '150', '151', '158', '159', '177', '188', '199', '187', '182', '183'];
const FREE_MAIL = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'];

export const SMS_PASSED = '您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续';

// ---------------------------------------------------------------------------
// Index-derived unique values

const BIRTH_FIRST = dayOf('1960-01-01');
const BIRTH_DAYS = dayOf('2004-12-31') - BIRTH_FIRST + 1; // 16,437
const PERSON_SPACE = BIRTH_DAYS * 1000;

/** A citizen ID number unique to record i (birth date and sequence from a bijection of i). */
function citizenId(i, rng) {
  const n = permute(i, PERSON_SPACE, 7_919_993, 1_234_567); // 7919993 is prime, no factor of 16437000
  const birth = isoOf(BIRTH_FIRST + (n % BIRTH_DAYS)).replaceAll('-', '');
  const seq = String(Math.floor(n / BIRTH_DAYS)).padStart(3, '0');
  const region = rng.weighted(PLACE_TABLE).code;
  const first17 = region + birth + seq;
  return first17 + citizenIdCheck(first17);
}

const mobileOf = (i, rng) => rng.pick(MOBILE_PREFIXES) + String(permute(i, 100_000_000, 48_271_093, 31_415_926)).padStart(8, '0');
const orgBodyOf = (i) => String(permute(i, 100_000_000, 69_069_001, 27_182_818)).padStart(8, '0');
const domainCode = (i) => permute(i, 60_466_176, 16_807_001, 12_345_678).toString(36).padStart(5, '0');

function orgCode(i) {
  const body = orgBodyOf(i);
  return `${body}-${orgCodeCheck(body)}`;
}

function uscc(i, category, regionCode) {
  const body = orgBodyOf(i);
  const first17 = category + regionCode + body + orgCodeCheck(body);
  return first17 + usccCheck(first17);
}

/**
 * A fixed line: area code, then a subscriber number starting 2-8. Numbers
 * starting 800 are avoided: libphonenumber's CN metadata does not allocate
 * them in Beijing or Shanghai (010-800…, 021-800… read as toll-free 800).
 */
function fixedLine(place, rng) {
  const first = rng.int(2, 8);
  const second = first === 8 ? rng.int(1, 9) : rng.int(0, 9);
  return `${place.areaCode}-${first}${second}${rng.digits(place.localDigits - 2)}`;
}

function ipv4(provider, rng) {
  return `${rng.pick(provider.v4)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function ipv6(provider, rng) {
  const hex = () => rng.int(1, 0xffff).toString(16);
  return `${rng.pick(provider.v6)}:${hex()}:${hex()}::${hex()}`;
}

function address(place, rng) {
  const prefix = place.provinceName === place.city ? place.city : place.provinceName + place.city;
  const tail = rng.chance(0.5) ? ` ${rng.int(1, 30)} 层 ${rng.int(1, 30)}${pad2(rng.int(1, 20))} 室` : '';
  return `${prefix}${place.district}${rng.pick(STREETS)} ${rng.int(1, 999)} 号${tail}`;
}

// ---------------------------------------------------------------------------
// One record

const STAGES = [[15, 'draft'], [15, 'verified'], [15, 'submitted'], [55, 'approved']];
const OWNER_KINDS = [[55, 'enterprise'], [30, 'individual'], [7, 'government'], [6, 'institution'], [2, 'social-group']];
const ENTERPRISE_TLDS = [[30, 'cn'], [25, 'com'], [20, 'com.cn'], [8, 'net'], [6, 'net.cn'], [5, 'top'], [4, 'xyz'], [2, '中国']];
const PERSONAL_TLDS = [[35, 'cn'], [30, 'com'], [12, 'net'], [10, 'top'], [8, 'xyz'], [5, 'me']];

/**
 * Builds the owner, principal and the names/domains a record's websites use.
 * Returns the parts buildRecord assembles.
 */
function buildParties(i, rng) {
  const kind = rng.weighted(OWNER_KINDS);
  const place = rng.weighted(PLACE_TABLE);
  const person = chineseName(rng);
  const code = domainCode(i);
  let owner;
  let principal;
  let sitePlan; // [[siteName, serviceContent, domainLabelBase, tlds]]
  let emailDomain;
  const ownerAddress = address(place, rng);

  if (kind === 'individual') {
    const foreign = rng.chance(0.03) ? rng.pick(FOREIGN) : undefined;
    let name;
    let citizenship = 'CN';
    let doc;
    let pinyin;
    if (foreign) {
      citizenship = foreign[0];
      const first = rng.pick(foreign[1]);
      const last = rng.pick(foreign[2]);
      name = `${last} ${first}`;
      pinyin = (first + last).toLowerCase().replace(/ /g, '');
      doc = { type: 'passport', number: `${String.fromCharCode(65 + (i % 26))}${String(permute(i, 100_000_000, 31_337_011, 4_242_424)).padStart(8, '0')}`, holder: name };
    } else {
      name = person.name;
      pinyin = person.pinyin;
      // Mostly the first choice; a few household registers (a fallback: rule fallback-document notes it, info).
      doc = { type: rng.chance(0.03) ? 'household-register' : 'resident-id-card', number: citizenId(i, rng), holder: name };
    }
    owner = { kind: 'individual', name, citizenship, regionCode: place.code, address: ownerAddress, document: doc };
    const contacts = { mobile: mobileOf(i, rng) };
    if (rng.chance(0.6)) contacts.homePhone = fixedLine(place, rng);
    else contacts.officePhone = fixedLine(place, rng);
    principal = { name, role: 'self', citizenship, document: { ...doc }, contacts };
    const nSites = rng.weighted([[70, 1], [22, 2], [8, 3]]);
    const base = `${pinyin}-${code}`;
    sitePlan = [];
    for (let w = 0; w < nSites; w++) {
      const [suffix, content] = PERSONAL_SITES[(w + rng.int(0, 4)) % PERSONAL_SITES.length];
      sitePlan.push([name + suffix, content, base, PERSONAL_TLDS]);
    }
    emailDomain = rng.chance(0.7) ? rng.pick(FREE_MAIL) : undefined;
    return { kind, place, owner, principal, sitePlan, emailDomain, pinyin };
  }

  let name;
  let doc;
  let role;
  let base;
  let tlds;
  sitePlan = [];
  if (kind === 'enterprise') {
    const [brand, brandPy] = rng.pick(BRANDS);
    const industry = rng.pick(INDUSTRIES);
    name = `${cityShort(place.city)}${brand}${industry.part}${rng.pick(COMPANY_FORMS)}`;
    const number = rng.chance(0.9) ? uscc(i, rng.chance(0.95) ? '91' : '92', place.code) : orgCode(i);
    doc = { type: number.length === 18 ? 'business-license' : 'org-code-certificate', number, holder: name };
    role = rng.chance(0.75) ? 'legal-representative' : 'department-head';
    base = `${brandPy}-${code}`;
    tlds = ENTERPRISE_TLDS;
    const nSites = rng.weighted([[50, 1], [32, 2], [18, 3]]);
    const start = rng.int(0, industry.sites.length - 1);
    for (let w = 0; w < nSites; w++) {
      const [siteName, content] = industry.sites[(start + w) % industry.sites.length];
      sitePlan.push([`${brand}${siteName}`, content, base, tlds]);
    }
  } else if (kind === 'government') {
    const [dept, deptPy] = rng.pick(GOV_DEPARTMENTS);
    name = `${place.city}${place.district}${dept}`;
    // Organisation code certificate (the first choice), with the old 9-character code or the new USCC.
    const number = rng.chance(0.5) ? orgCode(i) : uscc(i, '11', place.code);
    doc = { type: 'org-code-certificate', number, holder: name };
    role = 'department-head';
    base = `${deptPy}-${code}`;
    sitePlan.push([`${place.district}${dept}门户网站`, rng.chance(0.3) ? ['corporate', 'news'] : ['corporate'], base, [[1, 'gov.cn']]]);
    if (rng.chance(0.3)) sitePlan.push([`${place.district}${dept}政务服务`, ['general'], base, [[1, 'gov.cn']]]);
  } else if (kind === 'institution') {
    const [unit, unitPy, tld, content] = rng.pick(INSTITUTIONS);
    name = `${place.city}${place.district}${unit}`;
    const number = rng.chance(0.6) ? uscc(i, '12', place.code) : orgCode(i);
    // Mostly the organisation code certificate; some show the legal-person certificate (a fallback: info).
    doc = rng.chance(0.9) || number.length !== 18
      ? { type: 'org-code-certificate', number, holder: name }
      : { type: 'institution-legal-person-certificate', number, holder: name };
    role = 'department-head';
    base = `${unitPy}-${code}`;
    sitePlan.push([`${place.district}${unit}网站`, content, base, [[1, tld]]]);
    if (rng.chance(0.4)) sitePlan.push([`${place.district}${unit}信息公开`, ['general'], base, [[1, tld]]]);
  } else {
    const [group, groupPy] = rng.pick(SOCIAL_GROUPS);
    name = `${place.city}${group}`;
    const number = rng.chance(0.7) ? uscc(i, '51', place.code) : orgCode(i);
    doc = { type: 'org-code-certificate', number, holder: name };
    role = rng.chance(0.5) ? 'legal-representative' : 'department-head';
    base = `${groupPy}-${code}`;
    sitePlan.push([`${group}网站`, ['corporate', 'forum'], base, [[1, 'org.cn']]]);
  }
  owner = { kind: 'unit', unitType: kind, name, regionCode: place.code, address: ownerAddress, document: doc };
  const principalDoc = {
    type: rng.chance(0.03) ? 'household-register' : 'resident-id-card',
    number: citizenId(i, rng),
    holder: person.name,
  };
  const contacts = { mobile: mobileOf(i, rng), officePhone: fixedLine(place, rng) };
  principal = { name: person.name, role, citizenship: 'CN', document: principalDoc, contacts };
  return { kind, place, owner, principal, sitePlan, emailDomain: undefined, pinyin: person.pinyin };
}

function buildWebsites(parties, rng) {
  const { place, sitePlan } = parties;
  const websites = [];
  const provider = rng.pick(PROVIDERS);
  let domainIndex = 0;
  const allDomains = [];
  for (const [siteName, content, base, tlds] of sitePlan) {
    const nDomains = rng.weighted([[60, 1], [28, 2], [12, 3]]);
    const domains = [];
    for (let d = 0; d < nDomains; d++) {
      const label = domainIndex === 0 ? base : `${base}-${domainIndex + 1}`;
      domainIndex++;
      let tld = rng.weighted(tlds);
      // An IDN TLD gets a Chinese label: the owner's name shortened, made unique by the code.
      const dname = tld === '中国' ? `${parties.owner.name.slice(0, 4)}${label.slice(label.indexOf('-') + 1)}.${tld}` : `${label}.${tld}`;
      domains.push({ name: dname, registrant: parties.owner.name });
      allDomains.push(dname);
    }
    const site = { name: siteName, domains };
    if (rng.chance(0.4)) site.homepageUrl = `https://www.${domains[0].name}/`;
    site.serviceContent = [...content];
    const needing = content.filter((c) => c in PRE_APPROVAL_ISSUERS);
    if (needing.length > 0) {
      site.preApprovals = needing.map((category) => ({
        category,
        approvalNumber: `${place.province}${String(rng.int(1, 99)).padStart(2, '0')}2026${rng.digits(4)}`,
        issuer: `${place.provinceName}${PRE_APPROVAL_ISSUERS[category]}`,
      }));
    }
    const ips = [ipv4(provider, rng)];
    if (rng.chance(0.3)) ips.push(ipv4(provider, rng));
    if (rng.chance(0.35)) ips.push(ipv6(provider, rng));
    site.access = {
      providerName: provider.name,
      method: provider.method,
      serverLocation: rng.chance(0.5) ? place.provinceName : `${place.provinceName === place.city ? '' : place.provinceName}${place.city}`,
      ips,
    };
    websites.push(site);
  }
  return { websites, allDomains, provider };
}

function buildRecord(i, seed) {
  const rng = new Rng(hash32(seed, i));
  const stage = rng.weighted(STAGES);
  const parties = buildParties(i, rng);
  const { websites, allDomains, provider } = buildWebsites(parties, rng);
  const { owner, principal, place } = parties;
  principal.contacts.email = `${parties.pinyin}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${parties.emailDomain ?? allDomains.find((d) => /^[a-z0-9.-]+$/.test(d)) ?? rng.pick(FREE_MAIL)}`;
  principal.contacts.mailingAddress = rng.chance(0.8) ? owner.address : address(place, rng);

  const record = {
    schemaVersion: 1,
    filingId: `F-${seed}-${String(i + 1).padStart(7, '0')}`,
    stage,
    owner,
    principal,
    websites,
  };

  // Dates: submission on a 2026 working day, each later step a few working
  // days after the one before, well inside the deadlines (pre-verification
  // within 5 working days, on-site within 1 month of the SMS, review within 20
  // working days).
  const submitted = rng.pick(SUBMISSION_DAYS);
  const preDay = addWorkingDays(submitted, rng.int(1, 3));
  const preMin = rng.int(9 * 60, 17 * 60);
  const onSiteDay = addWorkingDays(preDay, rng.int(2, 8));
  const providerDay = addWorkingDays(onSiteDay, rng.int(1, 3));
  const reviewDay = addWorkingDays(providerDay, rng.int(2, 15));
  const verification = { submittedAt: at(submitted, rng.int(9 * 60, 17 * 60)) };
  const pre = { completedAt: at(preDay, preMin), result: 'passed' };
  const notification = { sentAt: at(preDay, preMin + rng.int(2, 30)), message: SMS_PASSED };

  if (stage === 'draft') {
    // A draft holds only the steps done so far, if any.
    const steps = rng.int(0, 2);
    if (steps >= 1) {
      record.verification = verification;
      if (steps >= 2) {
        verification.preVerification = pre;
        verification.notification = notification;
      }
    }
  } else {
    const ownerEntry = { type: owner.document.type, number: owner.document.number, original: true, authenticated: true, copyRetained: true };
    const documents = [ownerEntry];
    if (owner.kind === 'unit') {
      documents.push({ type: principal.document.type, number: principal.document.number, original: true, authenticated: true, copyRetained: true });
    }
    verification.preVerification = pre;
    verification.notification = notification;
    verification.onSite = {
      verifiedAt: at(onSiteDay, rng.int(9 * 60, 17 * 60)),
      attendedBy: 'principal',
      photo: { width: 800, height: 600, color: true, showsTimestamp: true, showsBackdropMark: true },
      documents,
      domainOwnershipEvidence: rng.chance(0.6) ? 'registry-lookup' : 'certificate',
    };
    verification.form = { completed: true, copies: 2, sealed: true, submittedAs: rng.pick(['original', 'scan', 'scan', 'fax']) };
    verification.securityAgreementSigned = true;
    verification.contractClauseIncluded = true;
    if (stage !== 'verified') verification.providerSubmittedAt = at(providerDay, rng.int(9 * 60, 17 * 60));
    record.verification = verification;
    if (stage === 'approved') {
      record.review = {
        bureauRegionCode: place.province,
        reviewedAt: at(reviewDay, rng.int(9 * 60, 17 * 60)),
        result: 'approved',
        filingNumber: `${place.abbr}ICP备2026${String(permute(i % 1_000_000, 1_000_000, 7_777_781, 123_457)).padStart(6, '0')}号${rng.chance(0.7) ? '-1' : ''}`,
      };
    }
    record.retention = { retainUntil: rng.pick(['2031-12-31', '2032-06-30', '2032-12-31']) };
  }
  if (rng.chance(0.15)) record.remarks = `${provider.name}备案专员已电话核实联系方式`;
  return { record, rng, parties };
}

// ---------------------------------------------------------------------------
// Planted defects: each is one mistake a filer or provider makes, with the
// rule that should report it. `applies` says whether the record can carry it.

function replaceEverywhere(value, from, to) {
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      if (value[k] === from) value[k] = to;
      else replaceEverywhere(value[k], from, to);
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (value[key] === from) value[key] = to;
      else replaceEverywhere(value[key], from, to);
    }
  }
}

/** Renames a key in place, keeping the key order (so positions look natural). */
function renameKey(obj, from, to) {
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k === from ? to : k] = v;
}

const isCitizenIdType = (t) => t === 'resident-id-card' || t === 'household-register';
const atLeast = (stage, from) => ['draft', 'verified', 'submitted', 'approved'].indexOf(stage) >= ['draft', 'verified', 'submitted', 'approved'].indexOf(from);

export const DEFECTS = [
  {
    kind: 'owner-check-character',
    rule: 'document-number',
    applies: (r) => r.owner.document.type !== 'passport',
    apply(r, rng) {
      const n = r.owner.document.number;
      // A unit's 18 characters are a USCC; an individual's a citizen ID; else an organisation code.
      const alphabet = n.length !== 18 ? ORG_CHECK : r.owner.kind === 'unit' ? USCC_ALPHABET : ID_CHECK;
      replaceEverywhere(r, n, n.slice(0, -1) + wrongCheck(n.at(-1), alphabet, rng));
    },
  },
  {
    kind: 'principal-check-character',
    rule: 'document-number',
    applies: (r) => r.owner.kind === 'unit' && isCitizenIdType(r.principal.document.type),
    apply(r, rng) {
      const n = r.principal.document.number;
      replaceEverywhere(r, n, n.slice(0, 17) + wrongCheck(n[17], ID_CHECK, rng));
    },
  },
  {
    kind: 'first-generation-id',
    rule: 'first-generation-id-card',
    applies: (r) => isCitizenIdType(r.principal.document.type) && r.principal.document.number.slice(6, 8) === '19',
    apply(r) {
      const n = r.principal.document.number;
      replaceEverywhere(r, n, n.slice(0, 6) + n.slice(8, 17));
    },
  },
  {
    kind: 'passport-for-cn-principal',
    rule: 'principal-document-type',
    applies: (r) => r.owner.kind === 'unit',
    apply(r, rng) {
      const old = r.principal.document.number;
      const passport = `E${rng.digits(8)}`;
      r.principal.document.type = 'passport';
      replaceEverywhere(r, old, passport);
      for (const d of r.verification?.onSite?.documents ?? []) if (d.number === passport) d.type = 'passport';
    },
  },
  {
    kind: 'holder-mismatch',
    rule: 'document-holder',
    applies: (r) => r.owner.kind === 'unit',
    apply(r) {
      // The name cut short, as when a form field truncates it.
      r.owner.document.holder = r.owner.name.slice(0, -2);
    },
  },
  {
    kind: 'missing-email',
    rule: 'required-contacts',
    applies: () => true,
    apply(r) {
      delete r.principal.contacts.email;
    },
  },
  {
    kind: 'invalid-mobile',
    rule: 'contact-format',
    applies: () => true,
    apply(r) {
      r.principal.contacts.mobile = r.principal.contacts.mobile.slice(0, 10);
    },
  },
  {
    kind: 'misspelt-field',
    rule: 'schema',
    applies: () => true,
    apply(r, rng) {
      const choice = rng.int(0, 3);
      if (choice === 0) renameKey(r.owner, 'address', 'adress');
      else if (choice === 1) renameKey(r.websites[0], 'serviceContent', 'serviceContents');
      else if (choice === 2) renameKey(r.principal, 'citizenship', 'citizenShip');
      else renameKey(r.websites[0].access, 'providerName', 'provider');
    },
  },
  {
    kind: 'private-ip',
    rule: 'ip-address',
    applies: () => true,
    apply(r, rng) {
      const ips = r.websites[rng.int(0, r.websites.length - 1)].access.ips;
      const k = rng.int(0, ips.length - 1);
      ips[k] = rng.pick([`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`, `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`]);
    },
  },
  {
    kind: 'registrant-mismatch',
    rule: 'owner-domain-consistency',
    applies: () => true,
    apply(r, rng) {
      const d = r.websites[0].domains[0];
      if (rng.chance(0.5)) delete d.registrant;
      else {
        // Someone else's name (a random name can be the owner's own).
        let other;
        do other = chineseName(rng).name;
        while (other === r.owner.name);
        d.registrant = other;
      }
    },
  },
  {
    kind: 'duplicate-domain',
    rule: 'duplicate-domain',
    applies: () => true,
    apply(r) {
      const last = r.websites.at(-1);
      last.domains.push({ ...r.websites[0].domains[0] });
    },
  },
  {
    kind: 'missing-pre-approval',
    rule: 'pre-approval',
    applies: (r) => r.websites.some((w) => w.preApprovals),
    apply(r) {
      for (const w of r.websites) delete w.preApprovals;
    },
  },
  {
    kind: 'wrong-sms-wording',
    rule: 'notification-message',
    applies: (r) => atLeast(r.stage, 'verified'),
    apply(r) {
      r.verification.notification.message = SMS_PASSED.replace('1个月', '3个月');
    },
  },
  {
    kind: 'photo-size',
    rule: 'photo-spec',
    applies: (r) => atLeast(r.stage, 'verified'),
    apply(r) {
      Object.assign(r.verification.onSite.photo, { width: 640, height: 480 });
    },
  },
  {
    kind: 'late-review',
    rule: 'bureau-review-deadline',
    applies: (r) => r.stage === 'approved',
    apply(r) {
      r.review.reviewedAt = at(addWorkingDays(r.verification.providerSubmittedAt.slice(0, 10), 30), 10 * 60);
    },
  },
  {
    kind: 'wrong-filing-prefix',
    rule: 'filing-number',
    applies: (r) => r.stage === 'approved',
    apply(r) {
      const wrong = { 蜀: '川', 黔: '贵', 滇: '云', 陇: '甘' };
      const abbr = r.review.filingNumber[0];
      const other = wrong[abbr] ?? (abbr === '京' ? '沪' : '京');
      r.review.filingNumber = other + r.review.filingNumber.slice(1);
    },
  },
];

/**
 * Record i of the batch with this seed, and its defect kind or undefined.
 * Whether a record is defective depends only on (seed, i), so the same records
 * are defective in every size and format.
 */
export function makeRecord(i, seed, defectRate = 0.05, systematic = undefined) {
  const { record } = buildRecord(i, seed);
  const defectRng = new Rng(hash32(seed ^ 0x5bd1e995, i));
  if (!(defectRng.next() < defectRate)) return { record, defect: undefined };
  // A systematic slip (one export mistake on every record) plants that defect wherever it applies.
  const candidates = DEFECTS.filter((d) => (systematic === undefined || d.kind === systematic) && d.applies(record));
  if (candidates.length === 0) return { record, defect: undefined };
  const defect = defectRng.pick(candidates);
  defect.apply(record, defectRng);
  return { record, defect };
}

// ---------------------------------------------------------------------------
// Streaming writer

class Sink {
  constructor(path) {
    this.path = path;
    this.tmp = `${path}.partial`;
    this.stream = createWriteStream(this.tmp);
    this.buffer = '';
    this.bytes = 0;
  }
  async push(s) {
    this.buffer += s;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }
  async flush() {
    if (this.buffer === '') return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    await rename(this.tmp, this.path);
  }
}

/**
 * Generates `count` records into `${out}.jsonl` and/or `${out}.json` (a JSON
 * array, one compact record per line, so both files hold the same bytes per
 * record), and `${out}.meta.json` with sizes and the planted defects.
 */
export async function generate({ count, seed = 1, out, formats = ['jsonl', 'json'], defectRate = 0.05, systematic, onProgress } = {}) {
  if (systematic !== undefined && !DEFECTS.some((d) => d.kind === systematic)) throw new Error(`no defect kind ${systematic}`);
  await mkdir(dirname(resolve(out)), { recursive: true });
  const sinks = {};
  for (const f of formats) sinks[f] = new Sink(`${out}.${f}`);
  if (sinks.json) await sinks.json.push('[\n');
  const defects = [];
  const byKind = {};
  const stages = {};
  const kinds = {};
  let recordBytes = 0;
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const { record, defect } = makeRecord(i, seed, defectRate, systematic);
    const line = JSON.stringify(record);
    recordBytes += Buffer.byteLength(line, 'utf8');
    stages[record.stage] = (stages[record.stage] ?? 0) + 1;
    const k = record.owner.kind === 'unit' ? record.owner.unitType : 'individual';
    kinds[k] = (kinds[k] ?? 0) + 1;
    if (defect) {
      defects.push([i, defect.kind, defect.rule]);
      byKind[defect.kind] = (byKind[defect.kind] ?? 0) + 1;
    }
    if (sinks.jsonl) await sinks.jsonl.push(line + '\n');
    if (sinks.json) await sinks.json.push((i === 0 ? '' : ',\n') + line);
    if (onProgress && i % 50_000 === 49_999) onProgress(i + 1, count);
  }
  if (sinks.json) await sinks.json.push('\n]\n');
  for (const s of Object.values(sinks)) await s.close();
  const meta = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    count,
    defectRate,
    ...(systematic ? { systematic } : {}),
    files: Object.fromEntries(Object.entries(sinks).map(([f, s]) => [f, { path: s.path, bytes: s.bytes }])),
    averageRecordBytes: count ? Math.round(recordBytes / count) : 0,
    stages,
    ownerKinds: kinds,
    defectCount: defects.length,
    defectsByKind: byKind,
    generationSeconds: (Date.now() - started) / 1000,
    defects,
  };
  await writeFile(`${out}.meta.json`, JSON.stringify(meta) + '\n');
  return meta;
}

// ---------------------------------------------------------------------------
// CLI

function parseFlags(argv) {
  const flags = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    flags[key] = inline ?? argv[++k];
  }
  return flags;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flags = parseFlags(process.argv.slice(2));
  const count = Number(flags.count ?? 2000);
  const seed = Number(flags.seed ?? 1);
  const format = flags.format ?? 'both';
  const out = flags.out ?? `bench/out/filings-n${count}-s${seed}`;
  const meta = await generate({
    count,
    seed,
    out,
    formats: format === 'both' ? ['jsonl', 'json'] : [format],
    defectRate: Number(flags['defect-rate'] ?? 0.05),
    onProgress: (n, total) => process.stderr.write(`\r${n}/${total}`),
  });
  if (count >= 50_000) process.stderr.write('\n');
  const { defects, ...summary } = meta;
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
}
