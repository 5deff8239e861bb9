/**
 * Whose report is this, and for which year? The agency comes from the report's title (the page's, then the list's),
 * then the page's publisher field (发布机构 / 来源 / ContentSource), then the document's own heading; only when none
 * of them names an agency, nor the directory link that named the report's column, does the report fall back to the seed's agency, and that is recorded (`via: 'seed'`).
 * A portal's column often lists other agencies' reports (a city's, its office's, the province's), so the site's
 * agency is never assumed. An agency the registry lacks is created from the name found, placed in the region the
 * name gives (else the site's), and marked discovered.
 */
import { agencyFromHeading, agencyFromTitle, isAgencyName, isZoneName, publisherName } from './classify/agency.ts';
import { chineseYearsToDigits } from './classify/text.ts';
import { guessOf, guessedYear, parseReportYear, withoutGuessedYear, yearFromBody, yearNamedInBody } from './classify/year.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { AgencyRow } from '../catalog/agencies.ts';
import type { AttributionVia, ReportRow } from '../catalog/reports.ts';
import { AgencyIndex } from '../registry/agency-index.ts';
import { spelledOutByPublisher } from './short-agency-name.ts';
import { getDivision, regionOf } from '../registry/divisions.ts';
import { nameKey, RELATIVE_PREFIX, splitRegionPrefix, withFullCountyName, spelledOut } from '../registry/normalize.ts';

export interface Attribution {
  agency: AgencyRow;
  year: number;
  via: AttributionVia;
  discovered: boolean;
  /** The year is only the list's guess from the publication date (no title nor the body names one). */
  yearGuessed?: true;
}

export interface AttributionInput {
  /** The report's title as the page gives it (or the list's, when the page gives none). */
  title: string;
  /** Further titles of the same report, tried in order after `title` (the list page's link text). */
  otherTitles?: (string | null | undefined)[];
  /** The page's 发布机构 / 来源 / ContentSource field as written. */
  publisher?: string | null;
  /** The document's text (the article body), for its heading and its statistics period. */
  bodyText?: string | null;
  /** The agency the page's breadcrumb names ("… > 柯城区教育局 > 正文"): after the title, publisher and heading. */
  crumbAgency?: string | null;
  /** The agency a directory's link named the report's list by ("容城镇"): after the page's own sources, before the seed. */
  columnAgency?: string | null;
  /** When the report was published (its page's date, else its list's): a title naming that year names no report's year. */
  published?: string | null;
  /** The seed's agency: the fallback, and the region that relative names ("区政府…") are read in. */
  siteAgency: AgencyRow;
}

export class Attributor {
  /**
   * The (region, role) index of every agency's names, built at the first name that no name key matches: a national
   * catalog's 100k agencies take ≈ 2 s and ≈ 80 MB to index, which a run's start should not wait for and many runs
   * never need. A name's own key is looked up in the catalog's index instead.
   */
  private regionIndex: AgencyIndex | null = null;

  constructor(private readonly catalog: Catalog) {}

  private byRegionRole(): AgencyIndex {
    this.regionIndex ??= new AgencyIndex(this.catalog.agencies.names());
    return this.regionIndex;
  }

  /** The report year: from the title, else from the body's statistics period. */
  static year(title: string, bodyText?: string | null): number | null {
    return parseReportYear(title) ?? (bodyText ? yearFromBody(bodyText) : null);
  }

  attribute(input: AttributionInput): Attribution | null {
    const titles = [input.title, ...(input.otherTitles ?? [])].filter((t): t is string => Boolean(t));
    // The titles' year, else the body's statistics period, else the year of the report the body names itself, else
    // the year a list guessed from the publication date (bare-report-year.ts).
    const bodyYear = () => (input.bodyText ? (yearFromBody(input.bodyText) ?? yearNamedInBody(input.bodyText)) : null);
    const titleYear = titles.map((t) => parseReportYear(withoutGuessedYear(t))).find((y) => y !== null) ?? null;
    const said = (titleYear !== null ? publishedYearInTitle(titleYear, input) : null) ?? titleYear ?? bodyYear();
    const year = said ?? titles.map(guessedYear).find((y) => y !== null);
    if (year === null || year === undefined) return null;
    const found = this.agencyOf(input, titles, year);
    return said === null || said === undefined ? { ...found, yearGuessed: true } : found;
  }

  /** Whose report of `year` this is (the attribution's agency, and how it was told). */
  private agencyOf(input: AttributionInput, titles: string[], year: number): Attribution {
    const site = input.siteAgency;
    const publisher = publisherName(input.publisher);
    const candidates: [string | null, AttributionVia][] = [
      ...titles.map((t): [string | null, AttributionVia] => [townAsGovernment(townGovernment(spelledOutByPublisher(agencyFromTitle(t), publisher, site.division), publisher)), 'title']),
      [publisher, 'publisher'],
      [input.bodyText ? agencyFromHeading(input.bodyText) : null, 'document'],
      // The breadcrumb's and the directory's link texts naming the agency: recorded as titles, the name-bearing
      // texts they are.
      [input.crumbAgency ?? null, 'title'],
      [input.columnAgency ?? null, 'title'],
    ];
    for (const [raw, via] of candidates) {
      if (!raw) continue;
      const name = absoluteName(raw, site.division, site);
      // A relative name that cannot be placed safely ("区政府…" on a city's site) names nobody we can tell.
      if (!name) continue;
      // The government's general office publishes the government's own report (发布机构：某县人民政府办公室 on the
      // county's column): a page it publishes whose title names no one is the seed government's.
      // Unless its text names the office's own report (现公布某县人民政府办公室2024年度政府信息公开工作年度报告: the office
      // reporting on itself, its bare-titled page beside the government's named one, round 107c), and not the
      // government's (a box of related reports on the government's page may list the office's).
      if (via === 'publisher' && this.isOfficeOf(name, site) && !(namesOwnReport(input.bodyText, name) && !namesOwnReport(input.bodyText, site.name))) return { agency: site, year, via, discovered: false };
      const id = this.find(name, site);
      if (id !== null) {
        const agency = this.catalog.agencies.byId(id)!;
        // Only a name that carries its region is a safe alias (see discover).
        if (via === 'title' && nameKey(raw) !== agency.name_key && splitRegionPrefix(raw).division !== undefined) {
          this.catalog.agencies.addAlias(agency.id, { alias: raw, nameKey: nameKey(raw), source: 'title', validFromYear: year, validToYear: year });
        }
        return { agency, year, via, discovered: false };
      }
      const discoverable = governmentOf(name) ?? (isAgencyName(name) || isZoneName(name) ? name : null);
      if (discoverable) return { agency: this.discover(discoverable, raw, site), year, via, discovered: true };
    }
    return { agency: site, year, via: 'seed', discovered: false };
  }

  /**
   * Whether a name is the general office (办公室 / 办公厅, or 政府办 for short: 顺义区政府办, round 112b) of the site's
   * agency, a people's government.
   */
  private isOfficeOf(name: string, site: AgencyRow): boolean {
    const office = /^(.+?(?:人民政府|政府))(?:办公室|办公厅|办)$/.exec(name);
    return office !== null && /政府$/.test(site.name) && this.find(office[1]!, site) === site.id;
  }

  /**
   * The agency a name denotes; a bare region ("鄂尔多斯市") denotes its people's government, and a bare zone
   * ("如皋经济技术开发区") the administration that runs it, when one is registered (see administrationsOf).
   */
  private find(name: string, site: AgencyRow): number | null {
    const government = governmentOf(name);
    if (government) return this.lookup(government, site.division) ?? this.lookup(name, site.division);
    const own = this.lookup(name, site.division);
    if (own !== null) return own;
    for (const administration of administrationsOf(name)) {
      const id = this.lookup(administration, site.division);
      if (id !== null) return id;
    }
    return null;
  }

  /** By the name's key (canonical name or alias), else by its region and role (AgencyIndex.find's order). */
  private lookup(name: string, siteDivision: string | null): number | null {
    return this.catalog.agencies.idByNameKey(nameKey(name)) ?? this.byRegionRole().find(name, siteDivision);
  }

  private discover(written: string, asWritten: string, site: AgencyRow): AgencyRow {
    // An autonomous county's short form (彭水自治县林业局) and a department's (卫健局, 卫生健康委) spelled out: the agency
    // is named as its own pages name it in full.
    const name = spelledOut(withFullCountyName(written));
    const split = splitRegionPrefix(name, { division: site.division ?? undefined });
    const division = split.division ?? site.division;
    const region = division ? regionOf(division) : undefined;
    // A name without its region ("区教育局") is stored with it, so it stays unique nationally; the region written as
    // the site writes its own (上海市松江区…), and so a district's name carried without the municipality the site puts
    // before it ("宁河区教育局" on 天津市宁河区人民政府's site).
    const regionWritten = regionName(region, site);
    const prefixed =
      split.division && !splitRegionPrefix(name).division
        ? `${regionWritten ?? ''}${split.rest}`
        : region?.county && regionWritten !== region.county && name.startsWith(region.county)
          ? `${regionWritten}${name.slice(region.county.length)}`
          : name;
    const agency = this.catalog.agencies.upsert({
      name: prefixed,
      nameKey: nameKey(prefixed),
      division: division ?? null,
      level: region?.level ?? site.level,
      province: region?.province ?? site.province,
      city: region?.city ?? (region?.level === 'province' ? null : site.city),
      county: region?.county ?? null,
      discovered: true,
      discoveredViaAgencyId: site.id,
    });
    // Names as written become aliases only when they carry their region: a bare "教育局" or a relative "区政府…" is
    // some agency of every region, and as a national key it would catch the next site's.
    const aliases = [...new Set([name, written, asWritten])].filter((n) => nameKey(n) !== agency.name_key && splitRegionPrefix(n).division !== undefined);
    for (const alias of aliases) this.catalog.agencies.addAlias(agency.id, { alias, nameKey: nameKey(alias), source: 'title' });
    // Its names' keys are in the catalog now; the region index, once built, learns them here.
    this.regionIndex?.add({ id: agency.id, name: agency.name, division: agency.division, names: [agency.name, ...aliases] });
    return agency;
  }
}

/**
 * The report a seed fallback would fold this page into although another page named that report's agency: the
 * seed's agency is a guess, and a guess must not merge a second agency's report ("我局…" on a city's column) into
 * one whose agency is known. Null when there is no such report.
 */
export function seedFallbackClash(catalog: Catalog, a: Attribution, pageUrl: string): ReportRow | null {
  if (a.via !== 'seed') return null;
  const existing = catalog.reports.byAgencyYear(a.agency.id, a.year);
  if (!existing?.attribution || existing.attribution === 'seed') return null;
  return catalog.reports.sources(existing.id).some((s) => s.page_url === pageUrl) ? null : existing;
}

/**
 * A name with a relative region prefix ("区政府政务服务办", "市统计局") spelled out with the site's region when the
 * prefix fits it (区/县/旗 on a county's site, 市 on a city's or a county-level city's, 省 anywhere in a province);
 * null when it does not (区 on a city's site: which district?). Other names are returned as they are.
 */
export function absoluteName(name: string, siteDivision: string | null, site?: Pick<AgencyRow, 'name' | 'province'>): string | null {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  const relative = RELATIVE_PREFIX.exec(text);
  const own = splitRegionPrefix(text);
  // The site's own district named bare ("大观区民政局" in a 发布机构 cell) on a site whose agency writes its city before
  // it (安庆市大观区人民政府): written as the site writes its region, as its other bodies are (round 82a).
  if (own.county && own.division === siteDivision && site && text.startsWith(own.county)) {
    const region = regionName(regionOf(own.division), site);
    if (region && region !== own.county) return `${region}${own.rest}`;
  }
  if (!relative || own.division || own.county) return text;
  if (!siteDivision || !getDivision(siteDivision)) return null;
  const split = splitRegionPrefix(text, { division: siteDivision });
  // splitRegionPrefix consumes the prefix only when it could place it; otherwise it keeps the whole text.
  if (!split.division || split.rest === text) return null;
  const region = regionName(regionOf(split.division), site);
  return region ? `${region}${split.rest}` : null;
}

/**
 * A title naming a town by its bare name ("古宜镇2024年…") whose page's publisher names that town's government in
 * full ("三江侗族自治县古宜镇人民政府", "…城关街道办事处"): the publisher's name, the same body as the page itself
 * names it (the bare name would catalog a second agency, "三江侗族自治县古宜镇", beside the town's government). Any
 * other title name is returned as it is.
 */
export function townGovernment(titleName: string | null, publisher: string | null): string | null {
  if (!titleName || !publisher || !/(?:镇|乡|街道|苏木)$/.test(titleName)) return titleName;
  const government = /^(.*)(?:人民政府|办事处)$/.exec(publisher.normalize('NFKC').replace(/\s+/g, ''));
  const stem = government?.[1];
  return stem && (stem === titleName || stem.endsWith(titleName)) ? government![0] : titleName;
}

/**
 * A town still named bare once its publisher had its say ("春堆乡2024年…", the page's 来源 only "春堆乡", or another
 * body): a town's report is its government's, as a region's is (governmentOf), so "春堆乡" is 春堆乡人民政府 (镇, 乡,
 * 苏木) and "城关街道" 城关街道办事处; otherwise a second agency, the bare town, would stand beside the government
 * its other reports name. Any other name is returned as it is.
 */
export function townAsGovernment(name: string | null): string | null {
  if (!name) return name;
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  if (/\p{Script=Han}(?:镇|乡|苏木)$/u.test(text)) return `${text}人民政府`;
  if (/\p{Script=Han}街道$/u.test(text)) return `${text}办事处`;
  return name;
}

/**
 * "鄂尔多斯市" / "内蒙古自治区": a title naming only a region reports for that region's people's government; "阿拉善盟" /
 * "阿里地区" for its 行政公署.
 */
export function governmentOf(name: string): string | null {
  const split = splitRegionPrefix(name);
  if (!split.division || split.rest !== '' || split.system) return null;
  const region = name.normalize('NFKC').replace(/\s+/g, '');
  // A league (盟) or a prefecture (地区) is governed by its 行政公署, not a people's government (round 83c: 阿拉善盟).
  return /(?:盟|地区)$/.test(region) ? `${region}行政公署` : `${region}人民政府`;
}

/**
 * "如皋经济技术开发区" / "恩格贝生态示范区": a title naming only a zone reports for the zone's administration, its
 * 管理委员会 (管委会), the body that publishes a zone's reports and the name it is registered under.
 */
export function administrationsOf(name: string): string[] {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  return isZoneName(text) ? [`${text}管理委员会`, `${text}管委会`] : [];
}

/**
 * The name a region's bodies are written with: a county's own (宜川县…), a city's, a province's; a district of a
 * municipality with the municipality before it (上海市松江区…) when the site's agency writes its name so: a town's
 * bare name on 上海市松江区人民政府's column is 上海市松江区…, as the column's other titles and pages write it, not a
 * second agency "松江区…" (round 39a); a site named without it (彭水苗族土家族自治县人民政府) keeps the county's. A
 * city's district the same way (安庆市大观区…, round 82a).
 */
function regionName(region: ReturnType<typeof regionOf>, site?: Pick<AgencyRow, 'name' | 'province'>): string | undefined {
  if (!region) return undefined;
  const own = region.county ?? region.city ?? region.province;
  const full = region.county && region.city === region.province ? `${region.province}${region.county}` : null;
  if (full) return site?.province === region.province && site.name.startsWith(region.province) ? full : own;
  // A city's district written with its city by the site's agency (安庆市大观区人民政府): its bodies are too.
  const withCity = region.county && region.city ? `${region.city}${region.county}` : null;
  return withCity && site?.name.startsWith(withCity) ? withCity : own;
}

/**
 * The title a report is catalogued under: the page's, carrying the list's guess when the year is only that guess
 * (the page says "本年度", its title no year), so the catalog shows the year is guessed.
 */
export function titleShowingGuess(title: string, listTitle: string, a: Attribution): string {
  const guess = a.yearGuessed ? guessOf(listTitle) : '';
  return guess && !title.includes(guess) ? `${title}${guess}` : title;
}

/**
 * The year reported on when the title names the year the report was published in ("南城县审计局2025年…年度报告"
 * published 2025-01-16, round 70a): a year's report is published after that year ends, so a title year no earlier than
 * the publication's is the publication's, and the body's statistics period (2024年1月1日至2024年12月31日), when it is
 * before the publication, is the year. Null when that does not hold (the title's year stands).
 */
function publishedYearInTitle(titleYear: number, input: AttributionInput): number | null {
  const published = Number(/^(\d{4})-/.exec(input.published ?? '')?.[1] ?? NaN);
  if (!Number.isFinite(published) || titleYear < published || !input.bodyText) return null;
  // The statistics period, else the report the body names itself ("二〇二三年度政府信息公开工作年度报告", round 76a: a
  // yearless title given its publication-year folder's year).
  const period = yearFromBody(input.bodyText) ?? yearNamedInBody(input.bodyText);
  return period !== null && period < published ? period : null;
}

/** Whether a report's text names it the report of `name` itself: the name, a year, then the report's name. */
function namesOwnReport(bodyText: string | null | undefined, name: string): boolean {
  if (!bodyText) return false;
  const text = chineseYearsToDigits(bodyText.normalize('NFKC')).replace(/\s+/g, '');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?:\\d{4}年度?)?(?:政府)?信息公开工作年度报告`).test(text);
}
