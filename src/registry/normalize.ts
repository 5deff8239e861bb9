/**
 * Agency names → matching keys, and a name's leading region → a GB/T 2260 division.
 *
 * A key only says "these strings name the same agency". Renames (人民防空办公室 → 国防动员办公室) give different
 * keys on purpose: they are joined by the alias table with years, not by the key.
 */
import { autonomousStem, findDivisions, getDivision, isWithin, regionOf, type Division } from './divisions.ts';

interface Expansion {
  pattern: RegExp;
  replacement: string;
}

/**
 * Abbreviations common in report titles and bodies, expanded to the full name. The guards keep an abbreviation
 * from matching inside its own full form (人防办 inside 人防办公室).
 */
const EXPANSIONS: readonly Expansion[] = [
  { pattern: /人防办(?!公)/g, replacement: '人民防空办公室' }, // civil air defence office
  { pattern: /人防(?=办公室)/g, replacement: '人民防空' }, // 人防办公室, the half-short form
  { pattern: /国动办(?!公)/g, replacement: '国防动员办公室' }, // national defence mobilisation office (after 2022)
  { pattern: /民防办(?!公)/g, replacement: '民防办公室' }, // civil defence office (Wuhan, Shanghai)
  { pattern: /发改委/g, replacement: '发展和改革委员会' }, // development and reform commission
  { pattern: /发改局/g, replacement: '发展和改革局' }, // county-level development and reform bureau
  { pattern: /人社(?=局|厅)/g, replacement: '人力资源和社会保障' }, // human resources and social security
  { pattern: /住建委/g, replacement: '住房和城乡建设委员会' }, // housing and urban-rural development commission
  { pattern: /住建(?=局|厅)/g, replacement: '住房和城乡建设' }, // housing and urban-rural development
  { pattern: /卫健委/g, replacement: '卫生健康委员会' }, // health commission
  { pattern: /卫健局/g, replacement: '卫生健康局' }, // county-level health bureau
  { pattern: /教体局/g, replacement: '教育体育局' }, // county-level education and sports bureau (县教体局, round 66a)
  { pattern: /林草局/g, replacement: '林业和草原局' }, // forestry and grassland
  { pattern: /民宗局/g, replacement: '民族宗教事务局' }, // ethnic and religious affairs
  { pattern: /工信(?=局|厅)/g, replacement: '工业和信息化' }, // industry and information technology
  { pattern: /市场监管局/g, replacement: '市场监督管理局' }, // market regulation
  { pattern: /医保局/g, replacement: '医疗保障局' }, // healthcare security
  { pattern: /应急局/g, replacement: '应急管理局' }, // emergency management
  { pattern: /退役军人局/g, replacement: '退役军人事务局' }, // veterans affairs
  { pattern: /国资委/g, replacement: '国有资产监督管理委员会' }, // state-owned assets commission
  { pattern: /编办/g, replacement: '机构编制委员会办公室' }, // establishment committee office (市委编办)
  { pattern: /残联/g, replacement: '残疾人联合会' }, // disabled persons' federation
  { pattern: /扶贫办(?!公)/g, replacement: '扶贫开发办公室' }, // poverty alleviation office, before 2021 (县扶贫办, round 79c)
  { pattern: /政务服务办(?!公)/g, replacement: '政务服务办公室' }, // government services office (区政务服务办, round 82a)
  // Commissions a municipality's districts name by two characters (北京 石景山区教委, 重庆 区科委: round 53a).
  { pattern: /(?<!宗)教委(?!员)/g, replacement: '教育委员会' }, // education commission
  { pattern: /科委(?!员)/g, replacement: '科学技术委员会' }, // science and technology commission
  { pattern: /经信委(?!员)/g, replacement: '经济和信息化委员会' }, // economy and informatisation commission
  { pattern: /城管委(?!员)/g, replacement: '城市管理委员会' }, // city management commission
  // A commission's name cut after 委 (自治区卫生健康委, 市教育委: round 42c) is the 委员会 itself; a party committee
  // (市委, 县委, 工委, 党委, 纪委) and a village's or neighbourhood's (村委, 居委) are not commissions.
  { pattern: /(?<=\p{Script=Han}{2})(?<![市县区省州旗盟工党纪镇乡村居])委$/gu, replacement: '委员会' }, // 卫生健康委 = 卫生健康委员会
  { pattern: /(?<!人民)政府办(?!公|事)/g, replacement: '人民政府办公室' }, // 县政府办: the government's general office
  { pattern: /(?<!人民)政府(?=办公室|办公厅|$)/g, replacement: '人民政府' }, // 市政府 = 市人民政府
];

/**
 * 中共 (CPC) is dropped only before a party-committee word. Those words (市委, 纪律检查委员会 …) name a party body
 * with or without 中共, and no government agency carries them, so the shorter key cannot collide with one.
 */
const PARTY_PREFIX = /^中共(?=.*(?:省委|市委|县委|区委|州委|旗委|盟委|工委|党委|党组|纪委|纪律检查委员会))/;

/**
 * 人民政府 between a region and a department: 四川省人民政府国防动员办公室 ≡ 四川省国防动员办公室.
 * Kept when it ends the name (the government itself) or before 办公室/办公厅 (its general office).
 */
const INNER_GOVERNMENT = /(?<=\p{L})人民政府(?!办公室$|办公厅$)(?=\p{L}{2,})/gu;

/**
 * An agency's name with its abbreviations spelled out as the full name is written (田东县卫健局 → 田东县卫生健康局,
 * 自治区卫生健康委 → 自治区卫生健康委员会): the name a discovered agency is catalogued under when a title writes it
 * short (round 43b), the short form kept as its alias.
 */
export function spelledOut(name: string): string {
  let out = name;
  for (const { pattern, replacement } of EXPANSIONS) out = out.replace(pattern, replacement);
  return out;
}

/** The matching key of an agency name: NFKC, letters and digits only, abbreviations expanded. */
export function nameKey(name: string): string {
  let key = name.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  for (const { pattern, replacement } of EXPANSIONS) key = key.replace(pattern, replacement);
  return key.replace(PARTY_PREFIX, '').replace(INNER_GOVERNMENT, '');
}

export interface RegionSplit {
  /** The name of a national system or of the party written before the region (国家税务总局, 中共), when one is. */
  system?: string;
  /** GB/T 2260 code of the most specific region found or inherited. */
  division?: string;
  province?: string;
  city?: string;
  /** Set without `division` when a county name was found but could not be placed (鼓楼区 with no context). */
  county?: string;
  /** The name after the region prefix. */
  rest: string;
}

export interface RegionContext {
  /** The division of the site the name was found on; fills in what the name leaves out. */
  division?: string;
}

const LEVEL_ORDER = { province: 0, city: 1, county: 2 } as const;
/** Longer than any division name (the longest, 双江拉祜族佤族布朗族傣族自治县, has 15 characters). */
const LONGEST_NAME = 16;

/**
 * 市/区/县 … standing for the site's own region: "市国动办" on a 周口市 site, "区政务服务办" (round 82a). 市场 and 市政工程
 * are words. An autonomous region's, prefecture's, county's or banner's bodies call it by its kind the same way
 * ("自治区水利厅" on a 宁夏 site, "自治州民宗委", "自治县教育局"), the longer prefix tried first.
 */
export const RELATIVE_PREFIX = /^(自治区|自治州|自治县|自治旗|省|市|州|盟|区|县|旗)(?!场|政(?!府|务))/;

/**
 * Bodies of a nationally run system, and the party's, name their region after the system's name: 国家税务总局鹤壁市
 * 税务局 (the tax bureau of 鹤壁市), 中共鹤壁市委机构编制委员会办公室, 中国人民银行鹤壁市分行. The region they belong to
 * is the one written after it, and such a name carries its region as much as one that starts with it.
 */
const SYSTEM_PREFIX = /^(?:中国共产党|中共|共青团|国家税务总局|中国人民银行|国家外汇管理局)/;

export function splitRegionPrefix(name: string, context: RegionContext = {}): RegionSplit {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  const site = context.division && getDivision(context.division) ? context.division : undefined;
  const system = SYSTEM_PREFIX.exec(text)?.[0];
  const afterSystem = system ? leadingRegion(text.slice(system.length), site) : undefined;
  if (afterSystem) return { system, ...afterSystem };
  const leading = leadingRegion(text, site);
  if (leading) return leading;
  if (!site) return { rest: text };
  const relative = RELATIVE_PREFIX.exec(text);
  if (relative) {
    const code = relativeDivision(relative[1] as string, site);
    if (code) return withNames(code, text.slice((relative[1] as string).length));
  }
  return withNames(site, text);
}

/** The region names `text` starts with (the most specific placed one), or undefined when it starts with none. */
function leadingRegion(text: string, site: string | undefined): RegionSplit | undefined {
  let pos = 0;
  let current: Division | undefined;
  let unplaced: string | undefined;
  while (!current || current.level !== 'county') {
    const step = nextRegion(text.slice(pos), current, site);
    if (!step) break;
    if (!step.division) {
      unplaced = step.name;
      pos += step.name.length;
      break;
    }
    current = step.division;
    pos += step.name.length;
  }

  if (current) return withNames(current.code, text.slice(pos));
  if (unplaced) return { county: unplaced, rest: text.slice(pos) };
  return undefined;
}

/** The longest region name at the start of `text` that lies under `current`; ambiguity is settled by the site. */
function nextRegion(
  text: string,
  current: Division | undefined,
  site: string | undefined,
): { name: string; division?: Division } | undefined {
  for (let n = Math.min(LONGEST_NAME, text.length); n >= 2; n--) {
    const name = text.slice(0, n);
    let found = findDivisions(name).filter(
      (d) => !current || (LEVEL_ORDER[d.level] > LEVEL_ORDER[current.level] && isWithin(d.code, current.code)),
    );
    if (found.length > 1 && site) found = preferNear(found, site);
    if (found.length === 1) return { name, division: found[0] };
    if (found.length > 1) return current ? undefined : { name };
  }
  return undefined;
}

/** Of several same-named divisions, those in the site's city, else in its province. */
function preferNear(found: Division[], site: string): Division[] {
  const region = getDivision(site);
  const city = region?.level === 'county' ? region.parent : region?.level === 'city' ? region.code : undefined;
  const province = `${site.slice(0, 2)}0000`;
  for (const scope of [site, city, province]) {
    if (!scope) continue;
    const near = found.filter((d) => isWithin(d.code, scope) || isWithin(scope, d.code));
    if (near.length > 0) return near;
  }
  return found;
}

/** The division a bare 省/市/区 … means on a site of division `site`. */
function relativeDivision(prefix: string, site: string): string | undefined {
  const d = getDivision(site);
  if (!d) return undefined;
  const province = `${site.slice(0, 2)}0000`;
  if (prefix === '省') return province;
  // 自治区/自治州/自治县/自治旗: the region of that kind the site lies in, if its name says it is one.
  if (prefix.startsWith('自治')) {
    const kinds = [province, d.level === 'county' ? d.parent : d.level === 'city' ? d.code : undefined, d.level === 'county' ? site : undefined];
    return kinds.find((code) => code && getDivision(code)?.name.endsWith(prefix));
  }
  if (prefix === '区' || prefix === '县' || prefix === '旗') return d.level === 'county' ? site : undefined;
  // 市, 州, 盟: the prefecture; a county-level city (济源市) is its own 市, a municipality is the province.
  if (d.level === 'county' && d.name.endsWith(prefix)) return site;
  const city = d.level === 'county' ? d.parent : d.level === 'city' ? d.code : undefined;
  const cityRow = city ? getDivision(city) : undefined;
  if (cityRow && cityRow.kind !== 'placeholder') return cityRow.code;
  return d.level === 'province' || cityRow?.kind === 'placeholder' ? province : undefined;
}

function withNames(code: string, rest: string): RegionSplit {
  const region = regionOf(code);
  const split: RegionSplit = { division: code, rest };
  if (region) {
    split.province = region.province;
    if (region.city) split.city = region.city;
    if (region.county) split.county = region.county;
  }
  return split;
}

/**
 * A name whose autonomous county is written in its customary short form (彭水自治县林业局, 彭水县教育委员会) with the
 * county's full name instead (彭水苗族土家族自治县林业局), as the registry and the reports' own pages name it; other
 * names as they are. The short form places the name (divisions.ts indexes it); this keeps it from becoming a second
 * agency beside the one written in full.
 */
export function withFullCountyName(name: string): string {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  const split = splitRegionPrefix(text);
  const county = split.division ? getDivision(split.division) : undefined;
  const stem = county?.level === 'county' ? autonomousStem(county.name) : undefined;
  if (!county || !stem) return text;
  const written = text.slice(0, text.length - split.rest.length);
  const at = written.lastIndexOf(stem);
  if (written.endsWith(county.name) || at < 0) return text;
  return `${written.slice(0, at)}${county.name}${split.rest}`;
}
