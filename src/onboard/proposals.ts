/**
 * From the columns found to seed entries: whose column it is (the department a per-department column is named
 * for, else the site's owner, else the agency its reports name), where that agency sits (division code by name),
 * which other names it published under (aliases), and how sure we are. One agency found twice (its own site and
 * a column on its government's portal, with or without the region prefix) becomes one agency with both entries;
 * an entry already in the registry is left out, and an agency already there gets its new entries as a comment.
 */
import { agencyFromTitle, isAgencyName } from '../crawl/classify/agency.ts';
import { AgencyIndex } from '../registry/agency-index.ts';
import { regionOf, type Region } from '../registry/divisions.ts';
import { nameKey, splitRegionPrefix } from '../registry/normalize.ts';
import type { Family, SeedAgency } from '../registry/seeds-file.ts';
import { sameColumnKey } from './column-links.ts';
import type { ColumnFinding, PortalResult } from './explore.ts';

export interface ProposedEntry {
  url: string;
  family: Exclude<Family, 'auto'>;
  render: 'auto' | 'browser';
  confidence: number;
  /** Human-readable evidence, written as YAML comments. */
  evidence: string[];
}

export interface ProposedAgency {
  name: string;
  /** Where the name was read. */
  nameFrom: string;
  aliases: string[];
  division: string | null;
  region: Region | null;
  entries: ProposedEntry[];
  confidence: number;
  /** Set when the registry already has this agency (its name there): the entries are proposed as a comment. */
  known: string | null;
}

const SAMPLE_TITLES = 3;

function divisionOf(name: string, context?: string | null): string | null {
  return splitRegionPrefix(name, { division: context ?? undefined }).division ?? null;
}

/** A name without its region ("市教育局" on a 洛阳市 portal) is given it, as the crawl's attribution does. */
function withRegion(name: string, siteDivision: string | null): string {
  const split = splitRegionPrefix(name, { division: siteDivision ?? undefined });
  if (!split.division || splitRegionPrefix(name).division) return name;
  const region = regionOf(split.division);
  const prefix = region?.county ?? region?.city ?? region?.province ?? '';
  // "市政府" on a city's portal is the city's people's government.
  return `${prefix}${split.rest === '政府' ? '人民政府' : split.rest}`;
}

function mostCommon(values: string[]): [string, number] | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? null;
}

/** A government's portal (人民政府) hosts its departments' columns; a department's site hosts only its own. */
const GOVERNMENT = /人民政府$/;

function agencyOf(f: ColumnFinding): { name: string; from: string } {
  const siteDivision = f.site ? divisionOf(f.site.value) : null;
  const label = f.trail[f.trail.length - 1];
  if (f.via === 'department' && label) return { name: withRegion(label, siteDivision), from: `the column's menu entry "${label}"` };
  // "市教育局政府信息公开年报": a column label that names its department.
  const labelled = f.via === 'column' && label ? agencyFromTitle(label) : null;
  if (labelled && isAgencyName(labelled)) return { name: withRegion(labelled, siteDivision), from: `the column's menu entry "${label}"` };
  // A breadcrumb that passes through a department (首页 > 部门信息公开 > 市统计局 > 年报) names the column's owner.
  const siteIndex = f.site ? new AgencyIndex([{ id: 1, name: f.site.value, division: siteDivision, names: [f.site.value] }]) : null;
  const crumb = [...f.crumbs].reverse().find((c) => isAgencyName(c) && siteIndex?.find(c, siteDivision) !== 1);
  if (crumb) return { name: withRegion(crumb, siteDivision), from: `the column's breadcrumb (${f.crumbs.join(' > ')})` };
  const named = f.reports.flatMap((r) => (r.agency && isAgencyName(r.agency) ? [r.agency] : []));
  const common = mostCommon(named);
  if (f.site && GOVERNMENT.test(f.site.value) && common && common[1] === named.length && named.length > 0) {
    // Every report on a government portal's column names one other agency: the column is that department's.
    const index = new AgencyIndex([{ id: 1, name: f.site.value, division: siteDivision, names: [f.site.value] }]);
    if (index.find(common[0], siteDivision) === null) return { name: withRegion(common[0], siteDivision), from: `the reports' titles (all ${named.length}), on the portal of ${f.site.value}` };
  }
  if (f.site) return { name: f.site.value, from: `the site (${f.site.from})` };
  if (common) return { name: withRegion(common[0], null), from: `the reports' titles (${common[1]} of ${f.reports.length})` };
  return { name: new URL(f.url).host, from: 'nothing: the host name stands in; rename it' };
}

/**
 * The other names the agency published under (人民防空办公室 before 国防动员办公室): the title names of a column
 * that shows one agency per year, all in the agency's region. A column that lists several agencies in one year (a
 * county's column with its bureaus and towns) gives no aliases: the crawl attributes those reports by their titles.
 */
function aliasesOf(name: string, division: string | null, f: ColumnFinding): string[] {
  const byYear = new Map<number, Set<string>>();
  for (const r of f.reports) {
    if (!r.agency || r.year === null) continue;
    const set = byYear.get(r.year) ?? new Set<string>();
    set.add(nameKey(r.agency));
    byYear.set(r.year, set);
  }
  if ([...byYear.values()].some((s) => s.size > 1)) return [];
  const own = nameKey(name);
  const out = new Map<string, string>();
  for (const r of f.reports) {
    if (!r.agency || !isAgencyName(r.agency) || nameKey(r.agency) === own) continue;
    if (division && divisionOf(r.agency, division) !== division) continue;
    out.set(nameKey(r.agency), r.agency);
  }
  return [...out.values()];
}

function confidence(f: ColumnFinding, name: string, division: string | null): number {
  const index = new AgencyIndex([{ id: 1, name, division, names: [name] }]);
  const named = f.reports.filter((r) => r.agency && index.find(r.agency, division) === 1).length;
  let c = f.via === 'start' ? 0.3 : 0.4;
  c += 0.1 * Math.min(f.reports.length, 3);
  if (named > 0) c += 0.2;
  if (f.family !== 'generic') c += 0.1;
  return Math.min(1, Math.round(c * 100) / 100);
}

function entryOf(f: ColumnFinding, conf: number): ProposedEntry {
  const years = [...new Set(f.reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
  const evidence = [
    `found from ${f.portal} via ${f.trail.length ? f.trail.join(' > ') : '(the start page)'}`,
    `family ${f.family}: ${f.familyDecidedBy}${f.browser ? '; read in the browser (anti-bot challenge)' : ''}`,
    `${f.reports.length} report(s) of ${f.items} item(s)${years.length ? `, years ${years.join(', ')}` : ''}`,
    ...f.reports.slice(0, SAMPLE_TITLES).map((r) => `e.g. ${r.title}`),
  ];
  return { url: f.url, family: f.family, render: f.browser ? 'browser' : 'auto', confidence: conf, evidence };
}

export function propose(results: PortalResult[], known: SeedAgency[] = []): ProposedAgency[] {
  const knownUrls = new Set(known.flatMap((a) => a.entries.map((e) => sameColumnKey(e.url))));
  const knownIndex = new AgencyIndex(known.map((a, i) => ({ id: i, name: a.name, division: a.division ?? null, names: [a.name, ...a.aliases] })));
  const agencies: ProposedAgency[] = [];
  const index = new AgencyIndex();
  const seenUrls = new Set<string>();
  for (const f of results.flatMap((r) => r.findings)) {
    const key = sameColumnKey(f.url);
    if (knownUrls.has(key) || seenUrls.has(key)) continue;
    seenUrls.add(key);
    const { name, from } = agencyOf(f);
    const division = divisionOf(name, f.site ? divisionOf(f.site.value) : null);
    const conf = confidence(f, name, division);
    const aliases = aliasesOf(name, division, f);
    const entry = entryOf(f, conf);
    const same = index.find(name, division);
    if (same !== null) {
      const a = agencies[same]!;
      a.entries.push(entry);
      for (const alias of [name, ...aliases]) if (nameKey(alias) !== nameKey(a.name) && !a.aliases.some((x) => nameKey(x) === nameKey(alias))) a.aliases.push(alias);
      a.confidence = Math.max(a.confidence, conf);
      index.add({ id: same, name: a.name, division: a.division, names: [a.name, ...a.aliases] });
      continue;
    }
    const knownId = knownIndex.find(name, division);
    const agency: ProposedAgency = {
      name,
      nameFrom: from,
      aliases,
      division,
      region: division ? (regionOf(division) ?? null) : null,
      entries: [entry],
      confidence: conf,
      known: knownId === null ? null : known[knownId]!.name,
    };
    index.add({ id: agencies.length, name, division, names: [name, ...aliases] });
    agencies.push(agency);
  }
  for (const a of agencies) a.entries.sort((x, y) => y.confidence - x.confidence);
  return agencies.sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name, 'zh'));
}
