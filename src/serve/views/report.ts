/** The report page: who, when, where from, every file, the three tables with failing checks marked, and history. */
import type { AgencyRow } from '../../catalog/agencies.ts';
import type { CheckRecord, ReportExtraction } from '../../catalog/extractions.ts';
import type { ReportStateRow } from '../../catalog/report-state.ts';
import type { ReportFileView, ReportSourceView, RunEventView } from '../../catalog/view-queries.ts';
import { badgeText, statesOf } from '../cell-state.ts';
import { externalLink, formatBytes, formatInstant, formatNumber, html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { checkMessage, describeCheck, figureTables, markedCell, type FigureData } from '../report-tables.ts';
import { coverageHref } from './coverage.ts';

export interface ReportData {
  report: ReportStateRow & { page_url: string; last_seen_at: string };
  agency: AgencyRow;
  sources: ReportSourceView[];
  files: ReportFileView[];
  extraction: ReportExtraction | undefined;
  /** The best rendition's figures and checks, when there is one. */
  figures: (FigureData & { template: '2019' | '2021' | null; sha256: string }) | undefined;
  crossYear: CheckRecord[];
  events: RunEventView[];
}

function regionLinks(a: AgencyRow, year: number): SafeHtml {
  const base = { fromYear: year, toYear: year };
  const steps = [
    a.province ? { label: a.province, region: { province: a.province } } : undefined,
    a.city ? { label: a.city, region: { province: a.province ?? undefined, city: a.city } } : undefined,
    a.county ? { label: a.county, region: { province: a.province ?? undefined, city: a.city ?? undefined, county: a.county } } : undefined,
  ].filter((s) => s !== undefined);
  if (!steps.length) return html`<span class="muted">unknown</span>`;
  return html`${steps.map((s, i) => html`${i ? ' › ' : ''}<a href="${coverageHref({ ...base, region: s.region })}">${s.label}</a>`)}${a.division ? html` <span class="muted">(${a.division})</span>` : ''}`;
}

function versionState(f: ReportFileView): string {
  if (f.url_outcome === 'gone') return 'gone from its URL';
  if (f.url_sha256 && f.url_sha256 !== f.sha256) return 'replaced by a later version';
  if (f.url_outcome === 'failed') return 'current (last fetch failed)';
  return 'current';
}

function filesTable(files: ReportFileView[]): SafeHtml {
  return html`<div class="wide"><table class="files">
<tr><th>File</th><th>Role</th><th>Type</th><th class="num">Size</th><th>Extraction</th><th>Version</th><th>First seen</th><th>Last seen</th></tr>
${files.map(
    (f) => html`<tr>
<td><a href="/files/${f.sha256}" download>${f.file_name ?? f.sha256.slice(0, 12)}</a><div class="url">${f.url}</div><div class="sha">${f.sha256}</div></td>
<td>${f.role}</td><td>${f.media_type}</td><td class="num">${formatBytes(f.size)}</td>
<td>${f.extraction_status}${f.template ? ` (${f.template} format)` : ''}${f.extraction_reason ? html`<div class="muted">${f.extraction_reason}</div>` : ''}</td>
<td>${versionState(f)}</td><td>${formatInstant(f.first_seen_at)}</td><td>${formatInstant(f.last_seen_at)}</td></tr>`,
  )}
</table></div>`;
}

function checksTable(checks: CheckRecord[]): SafeHtml {
  const order = (c: CheckRecord) => (c.ok === false ? 0 : c.ok === null ? 1 : 2);
  const sorted = [...checks].sort((a, b) => order(a) - order(b));
  const row = (c: CheckRecord) =>
    html`<tr class="${c.ok === false ? 'fail' : c.ok === null ? 'uncertain' : 'pass'}" data-rule="${c.rule}" data-scope="${c.scope}">
<td>${c.ok === false ? 'fails' : c.ok === null ? 'uncertain' : 'passes'}</td><td>${describeCheck(c)}<div class="muted sha">${c.rule}</div></td><td class="sha">${c.scope}</td>
<td class="num">${formatNumber(c.actual)}</td><td class="num">${formatNumber(c.expected)}</td><td>${c.ok === false ? checkMessage(c) : ''}${markedCell(c) && c.ok === false ? html`<div class="sha muted">marked: ${markedCell(c)}</div>` : ''}</td></tr>`;
  const head = html`<tr><th>Result</th><th>Rule</th><th>Where</th><th class="num">Actual</th><th class="num">Expected</th><th>What it found</th></tr>`;
  const problems = sorted.filter((c) => c.ok !== true);
  const passed = sorted.filter((c) => c.ok === true);
  return html`${problems.length ? html`<table class="checks">${head}${problems.map(row)}</table>` : html`<p>Every check passes.</p>`}
${passed.length ? html`<details><summary>${passed.length} passing checks</summary><table class="checks">${head}${passed.map(row)}</table></details>` : ''}`;
}

function disagreementsList(x: ReportExtraction | undefined): SafeHtml {
  const list = (x?.disagreements ?? []) as { key?: string; values?: { rendition: number; extractor: string; value: number | null }[] }[];
  if (!list.length) return html`<p class="muted">The renditions agree (or there is only one).</p>`;
  return html`<table><tr><th>Figure</th><th>Readings</th></tr>${list.map(
    (d) => html`<tr><td class="sha">${d.key ?? ''}</td><td>${(d.values ?? []).map((v) => `${v.extractor}: ${formatNumber(v.value)}`).join(' · ')}</td></tr>`,
  )}</table>`;
}

export function reportPage(d: ReportData): SafeHtml {
  const r = d.report;
  const states = statesOf(r);
  const base = `/reports/${r.report_id}`;
  return page(
    { title: r.title },
    html`<p class="crumbs"><a href="/agencies/${d.agency.id}">${d.agency.name}</a> › ${r.year}</p>
<h1 data-testid="report-title">${r.title}</h1>
<p>${states.map((s) => html`<span class="badge st-${s}">${badgeText(s)}</span> `)}</p>
<dl class="meta">
<dt>Agency</dt><dd><a href="/agencies/${d.agency.id}">${d.agency.name}</a>${d.agency.discovered ? ' (discovered on a portal)' : ''}</dd>
<dt>Region</dt><dd>${regionLinks(d.agency, r.year)}</dd>
<dt>Report year</dt><dd>${r.year}</dd>
<dt>Format</dt><dd>${d.figures?.template ? `${d.figures.template} template` : 'not known'}</dd>
<dt>Published</dt><dd>${r.pub_date ?? 'unknown'}${r.date_source === 'file' ? ' (the file’s own date; the page gives none)' : r.date_source === 'page' ? ' (the page’s 发布日期)' : ''} · deadline ${r.deadline}</dd>
<dt>First seen</dt><dd>${formatInstant(r.first_seen_at)} <span class="muted">(by nianbao; does not decide lateness)</span></dd>
<dt>Last seen</dt><dd>${formatInstant(r.last_seen_at)}</dd>
<dt>Extraction</dt><dd>${d.extraction?.status ?? 'pending'}${d.extraction?.reason ? ` — ${d.extraction.reason}` : ''}</dd>
</dl>
<p class="downloads"><a href="${base}/figures.csv">figures and checks as CSV</a><a href="${base}/files.csv">files as CSV</a></p>

<h2>Sources</h2>
<div class="wide"><table><tr><th>Page</th><th>Title there</th><th>Publisher</th><th>Found on</th><th>First seen</th><th>Last seen</th></tr>
${d.sources.map((s) => html`<tr><td class="url">${externalLink(s.page_url)}</td><td>${s.title}</td><td>${s.publisher ?? ''}</td><td class="url">${s.list_url ?? ''}</td><td>${formatInstant(s.first_seen_at)}</td><td>${formatInstant(s.last_seen_at)}</td></tr>`)}
</table></div>

<h2>Files</h2>
${filesTable(d.files)}

<h2>Tables</h2>
${d.figures?.template
      ? html`<p class="muted">From ${d.figures.sha256.slice(0, 12)}…, in the report’s own ${d.figures.template} format. Cells of failing checks are marked <span class="badge st-failing">✗</span>; hover for the numbers.</p>${figureTables(d.figures.template, d.figures)}`
      : html`<p class="muted">No tables were read from this report${d.extraction?.reason ? `: ${d.extraction.reason}` : ''}.</p>`}

<h2>Checks</h2>
${d.figures ? checksTable(d.figures.checks) : html`<p class="muted">No figures, no checks.</p>`}
${d.crossYear.length ? html`<h3>Across years (soft)</h3>${checksTable(d.crossYear)}` : ''}

<h2>Renditions</h2>
${disagreementsList(d.extraction)}

<h2>History</h2>
<div class="wide"><table><tr><th>When</th><th>Run</th><th>What</th><th>URL</th><th>Detail</th></tr>
${d.events.map((e) => html`<tr><td>${formatInstant(e.at)}</td><td class="num"><a href="/runs/${e.run_id}">${e.run_id}</a></td><td>${e.kind}</td><td class="url">${e.url ?? ''}</td><td>${e.detail ?? ''}${e.sha256 ? html` <span class="sha">${e.sha256.slice(0, 12)}</span>` : ''}</td></tr>`)}
</table></div>`,
  );
}
