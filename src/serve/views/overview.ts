/** The overview: totals, reports per year, one key figure per province and year (chart and table), runs, seeds. */
import type { RunRow } from '../../catalog/runs.ts';
import type { OverviewTotals, ProvinceFigureRow, SeedHealthRow } from '../../catalog/view-queries.ts';
import { formatBytes, formatInstant, formatNumber, html, query, type SafeHtml } from '../html.ts';
import { KEY_FIGURES, type KeyFigure } from '../key-figures.ts';
import { page } from '../layout.ts';
import { coverageHref } from './coverage.ts';

export interface OverviewData {
  counts: OverviewTotals;
  perYear: { year: number; reports: number; extracted: number; failing: number }[];
  figure: KeyFigure;
  provinces: ProvinceFigureRow[];
  runs: (RunRow & { events: Record<string, number> })[];
  seeds: SeedHealthRow[];
  seedTotal: number;
}

function provinceChart(d: OverviewData): SafeHtml {
  const provinces = d.provinces;
  const years = [...new Set(provinces.map((p) => p.year))].sort((a, b) => a - b);
  const names = [...new Set(provinces.map((p) => p.province ?? '(no province)'))];
  const at = new Map(provinces.map((p) => [`${p.province ?? '(no province)'}\u0000${p.year}`, p]));
  const chart = { x: years, series: names.map((n) => ({ label: n, values: years.map((y) => at.get(`${n}\u0000${y}`)?.value ?? null) })) };
  return html`<form class="filters" method="get" action="/"><label>Figure<select name="figure">${KEY_FIGURES.map(
    (f) => html`<option value="${f.id}"${f.id === d.figure.id ? html` selected` : ''}>${f.label}</option>`,
  )}</select></label><button type="submit">Show</button></form>
<div class="chart" data-chart="${JSON.stringify(chart)}"><p class="chart-note">The chart needs JavaScript; the numbers are in the table below.</p></div>
<div class="wide"><table><tr><th>Province</th>${years.map((y) => html`<th class="num">${y}</th>`)}</tr>
${names.map((n) => html`<tr><th><a href="${coverageHref({ region: n === '(no province)' ? {} : { province: n }, fromYear: years[0] ?? 0, toYear: years.at(-1) ?? 0 })}">${n}</a></th>${years.map((y) => {
    const p = at.get(`${n}\u0000${y}`);
    return html`<td class="num" title="${p ? `${p.reports} reports with this figure` : ''}">${formatNumber(p?.value)}</td>`;
  })}</tr>`)}
</table></div>
<p class="downloads"><a href="/overview/provinces.csv${query({ figure: d.figure.id })}">this table as CSV</a></p>`;
}

export function overviewPage(d: OverviewData): SafeHtml {
  const c = d.counts;
  const card = (label: string, value: string | number, href?: string) =>
    html`<div class="card">${href ? html`<a href="${href}"><b>${value}</b></a>` : html`<b>${value}</b>`}${label}</div>`;
  return page(
    { title: 'Overview', nav: 'overview', charts: true },
    html`<h1>Overview</h1>
<div class="cards">
${card('registry agencies', c.agencies, '/coverage?origin=registry')}
${card('discovered agencies', c.agencies_discovered, '/coverage?origin=discovered')}
${card('reports', c.reports)}
${card('files', c.files)}
${card('stored', formatBytes(c.bytes))}
${card('files extracted', c.extraction_extracted)}
${card('need OCR', c.extraction_needs_ocr, '/coverage?state=unreadable')}
${card('seed entries', d.seedTotal)}
</div>
<h2>Reports per year</h2>
<div class="wide"><table><tr><th>Year</th><th class="num">Reports</th><th class="num">With figures</th><th class="num">Failing checks</th></tr>
${d.perYear.map((y) => html`<tr><th><a href="${coverageHref({ region: {}, fromYear: y.year, toYear: y.year })}">${y.year}</a></th><td class="num">${y.reports}</td><td class="num">${y.extracted}</td><td class="num">${y.failing ? html`<a href="${coverageHref({ region: {}, fromYear: y.year, toYear: y.year, state: 'failing' })}">${y.failing}</a>` : 0}</td></tr>`)}
</table></div>
<h2>${d.figure.label}: sum per province and year</h2>
${provinceChart(d)}
<div class="layout-2">
<section><h2>Latest runs</h2>
<div class="wide"><table><tr><th>Run</th><th>Kind</th><th>Started</th><th>Status</th><th>Events</th></tr>
${d.runs.map((r) => html`<tr><td class="num"><a href="/runs/${r.id}">${r.id}</a></td><td>${r.kind}</td><td>${formatInstant(r.started_at)}</td><td>${r.status}</td><td>${Object.entries(r.events).map(([k, n]) => `${k} ${n}`).join(' · ')}</td></tr>`)}
</table></div></section>
<section><h2>Seed health</h2>
<p class="muted">${d.seeds.length} of ${d.seedTotal} seed entries, failing ones first.</p>
<div class="wide"><table><tr><th>Agency</th><th>Seed</th><th>Last crawled</th><th>Last fetch</th></tr>
${d.seeds.map((s) => html`<tr><td><a href="/agencies/${s.agency_id}">${s.agency}</a></td><td class="url">${s.url}<div class="muted">${s.detected_family ?? s.family}</div></td><td>${formatInstant(s.last_crawled_at)}</td><td>${s.outcome ?? 'never fetched'}${s.status ? ` (${s.status})` : ''}${s.reason ? html`<div class="muted">${s.reason}</div>` : ''}</td></tr>`)}
</table></div></section>
</div>`,
  );
}
