/** The coverage page: a region's counts per child region and year, then its agencies × years grid, paged. */
import { CELL_STATES, type GridAgency, type GridFilter, type RegionCount, type RegionPath } from '../../catalog/coverage-view-queries.ts';
import type { ReportStateRow } from '../../catalog/report-state.ts';
import { describeState, STATES, statesOf } from '../cell-state.ts';
import { html, query, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export interface CoverageData {
  filter: GridFilter;
  years: number[];
  /** Every year with reports, for the year-range selects. */
  allYears: number[];
  counts: RegionCount[];
  agencies: GridAgency[];
  /** Set (to the number of agencies) when a state filter over the whole country was not run: too many agencies. */
  tooBroad?: number;
  total: number;
  cells: ReportStateRow[];
  page: number;
  pageSize: number;
}

/** The coverage URL of a filter, with changes. */
export function coverageHref(f: GridFilter, change: Partial<GridFilter> & { page?: number } = {}, base = '/coverage'): string {
  const g = { ...f, ...change };
  return base + query({
    province: g.region.province,
    city: g.region.city,
    county: g.region.county,
    level: g.level,
    origin: g.origin,
    state: g.state,
    from: g.fromYear,
    to: g.toYear,
    page: change.page && change.page > 1 ? change.page : undefined,
  });
}

function childRegion(region: RegionPath, name: string | null): RegionPath | undefined {
  if (name === null) return undefined;
  if (!region.province) return { province: name };
  if (!region.city) return { ...region, city: name };
  if (!region.county) return { ...region, county: name };
  return undefined;
}

function breadcrumbs(f: GridFilter): SafeHtml {
  const r = f.region;
  const steps: { label: string; region: RegionPath }[] = [{ label: 'All regions', region: {} }];
  if (r.province) steps.push({ label: r.province, region: { province: r.province } });
  if (r.city) steps.push({ label: r.city, region: { province: r.province, city: r.city } });
  if (r.county) steps.push({ label: r.county, region: r });
  return html`<p class="crumbs">${steps.map((s, i) =>
    i === steps.length - 1 ? html`<b>${s.label}</b>` : html`<a href="${coverageHref(f, { region: s.region })}">${s.label}</a> › `,
  )}</p>`;
}

function filters(d: CoverageData): SafeHtml {
  const f = d.filter;
  const opt = (value: string, label: string, current: string | number | undefined) =>
    html`<option value="${value}"${String(current ?? '') === value ? html` selected` : ''}>${label}</option>`;
  const yearOpts = (current: number) => d.allYears.map((y) => opt(String(y), String(y), current));
  return html`<form class="filters" method="get" action="/coverage">
${f.region.province ? html`<input type="hidden" name="province" value="${f.region.province}">` : ''}
${f.region.city ? html`<input type="hidden" name="city" value="${f.region.city}">` : ''}
${f.region.county ? html`<input type="hidden" name="county" value="${f.region.county}">` : ''}
<label>Level<select name="level">${opt('', 'any', f.level)}${['province', 'city', 'county', 'township'].map((l) => opt(l, l, f.level))}</select></label>
<label>Agencies<select name="origin">${opt('', 'registry and discovered', f.origin)}${opt('registry', 'registry only', f.origin)}${opt('discovered', 'discovered only', f.origin)}</select></label>
<label>State<select name="state">${opt('', 'any', f.state)}${CELL_STATES.map((s) => opt(s, STATES[s].label, f.state))}</select></label>
<label>From<select name="from">${yearOpts(f.fromYear)}</select></label>
<label>To<select name="to">${yearOpts(f.toYear)}</select></label>
<button type="submit">Apply</button> <a href="${coverageHref({ ...f, level: undefined, origin: undefined, state: undefined })}">reset</a>
</form>`;
}

function legend(): SafeHtml {
  return html`<div class="legend">${CELL_STATES.map(
    (s) => html`<span><span class="swatch st-${s}">${STATES[s].tag}</span>${STATES[s].label}<span class="muted"> — ${STATES[s].help}</span></span>`,
  )}</div>`;
}

function countsTable(d: CoverageData): SafeHtml {
  const f = d.filter;
  const regions = [...new Set(d.counts.map((c) => c.region))];
  const at = new Map(d.counts.map((c) => [`${c.region}\u0000${c.year}`, c]));
  const childLabel = !f.region.province ? 'Province' : !f.region.city ? 'City' : !f.region.county ? 'County' : 'Region';
  const cellOf = (c: RegionCount | undefined) => {
    if (!c) return html`<td class="num muted">—</td>`;
    const missing = Math.max(0, c.agencies - c.reports);
    return html`<td class="num" title="${`${c.reports} of ${c.agencies} agencies published; ${c.on_time} on time, ${c.late} late, ${c.undated} undated, ${missing} missing, ${c.failing} failing checks, ${c.unreadable} unreadable, ${c.changed} changed`}">
<b>${c.reports}</b>/${c.agencies}${c.late ? html` <span class="badge st-late">${c.late} late</span>` : ''}${c.failing ? html` <span class="badge st-failing">${c.failing} ✗</span>` : ''}${c.unreadable ? html` <span class="badge st-unreadable">${c.unreadable} OCR</span>` : ''}</td>`;
  };
  return html`<div class="wide"><table class="counts">
<tr><th>${childLabel}</th>${d.years.map((y) => html`<th class="num">${y}</th>`)}</tr>
${regions.map((name) => {
    const child = childRegion(f.region, name);
    const label = name ?? (f.region.province ? `(${f.region.county ?? f.region.city ?? f.region.province} itself)` : '(no province)');
    return html`<tr><th>${child ? html`<a href="${coverageHref(f, { region: child })}">${label}</a>` : label}</th>${d.years.map((y) => cellOf(at.get(`${name}\u0000${y}`)))}</tr>`;
  })}
</table></div>
<p class="downloads"><a href="${coverageHref(f, {}, '/coverage/regions.csv')}">this table as CSV</a></p>`;
}

function gridTable(d: CoverageData): SafeHtml {
  const byAgency = new Map<number, Map<number, ReportStateRow>>();
  for (const c of d.cells) {
    if (!byAgency.has(c.agency_id)) byAgency.set(c.agency_id, new Map());
    byAgency.get(c.agency_id)!.set(c.year, c);
  }
  const cellOf = (a: GridAgency, year: number) => {
    const r = byAgency.get(a.id)?.get(year);
    if (!r) return html`<td class="cell st-missing" data-year="${year}" data-state="missing"><span title="${`${year}: no report found`}">—</span></td>`;
    const states = statesOf(r);
    return html`<td class="cell st-${states[0]}" data-year="${year}" data-state="${states.join(' ')}"><a href="/reports/${r.report_id}" title="${describeState(r)}">${states.map((s) => STATES[s].tag).join(' ')}</a></td>`;
  };
  return html`<div class="wide"><table class="grid">
<tr><th>Agency</th><th>Region</th><th>Level</th>${d.years.map((y) => html`<th class="num">${y}</th>`)}</tr>
${d.agencies.map(
    (a) => html`<tr data-agency="${a.id}"><th><a href="/agencies/${a.id}">${a.name}</a>${a.discovered ? html` <span class="muted" title="found on a portal, not in the registry">(discovered)</span>` : ''}</th>
<td class="muted">${[a.city, a.county].filter(Boolean).join(' ') || a.province}</td><td class="muted">${a.level}</td>${d.years.map((y) => cellOf(a, y))}</tr>`,
  )}
</table></div>`;
}

function pager(d: CoverageData): SafeHtml {
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const first = (d.page - 1) * d.pageSize + 1;
  return html`<div class="pager">
${d.page > 1 ? html`<a href="${coverageHref(d.filter, { page: d.page - 1 })}">← previous</a>` : ''}
<span class="muted">${d.total ? `agencies ${first}–${Math.min(d.total, first + d.pageSize - 1)} of ${d.total}` : 'no agencies match'}${pages > 1 ? ` · page ${d.page} of ${pages}` : ''}</span>
${d.page < pages ? html`<a href="${coverageHref(d.filter, { page: d.page + 1 })}">next →</a>` : ''}
</div>`;
}

export function coveragePage(d: CoverageData): SafeHtml {
  const f = d.filter;
  const where = f.region.county ?? f.region.city ?? f.region.province ?? 'all regions';
  return page(
    { title: `Coverage: ${where}`, nav: 'coverage' },
    html`<h1>Coverage: ${where}, ${f.fromYear}–${f.toYear}</h1>
${breadcrumbs(f)}
${filters(d)}
<h2>Reports per region and year</h2>
<p class="muted">published / agencies; late and failing counted. Click a region to drill down.</p>
${countsTable(d)}
<h2>Agencies × years</h2>
${legend()}
${d.tooBroad
      ? html`<p class="notice">Filtering ${d.tooBroad} agencies by state at once reads every report of the country: choose a province above (or in the table), then filter.</p>`
      : html`${pager(d)}
${gridTable(d)}
${pager(d)}`}
<p class="downloads"><a href="${coverageHref(f, {}, '/coverage.csv')}">the grid as CSV (coverage columns, one row per agency and year, every page)</a></p>`,
  );
}
