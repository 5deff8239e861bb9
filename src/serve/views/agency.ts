/** The agency page: every year at a glance, its key figures over time (chart and table), its former names. */
import type { AgencyRow } from '../../catalog/agencies.ts';
import type { AgencyYearView } from '../../catalog/view-queries.ts';
import { badgeText, describeState, statesOf } from '../cell-state.ts';
import { formatNumber, html, type SafeHtml } from '../html.ts';
import { KEY_FIGURES } from '../key-figures.ts';
import { page } from '../layout.ts';

export interface AgencyData {
  agency: AgencyRow;
  aliases: { alias: string; source: string; valid_from_year?: number | null; valid_to_year?: number | null }[];
  years: AgencyYearView[];
  /** Key figure values by year (null: unknown), in KEY_FIGURES order. */
  series: { year: number; values: (number | null)[] }[];
}

export function agencyPage(d: AgencyData): SafeHtml {
  const a = d.agency;
  const chart = { x: d.series.map((s) => s.year), series: KEY_FIGURES.map((f, i) => ({ label: f.label, values: d.series.map((s) => s.values[i] ?? null) })) };
  const region = [a.province, a.city, a.county].filter(Boolean).join(' › ');
  return page(
    { title: a.name, charts: true },
    html`<h1>${a.name}</h1>
<dl class="meta">
<dt>Region</dt><dd>${region || 'unknown'}${a.division ? html` <span class="muted">(${a.division})</span>` : ''}</dd>
<dt>Level</dt><dd>${a.level ?? 'unknown'}</dd>
<dt>In the registry</dt><dd>${a.discovered ? 'no: discovered from a report title on a portal' : 'yes'}</dd>
<dt>Other names</dt><dd>${d.aliases.length ? d.aliases.map((x, i) => html`${i ? '; ' : ''}${x.alias}<span class="muted"> (${x.source}${x.valid_from_year || x.valid_to_year ? `, ${x.valid_from_year ?? ''}–${x.valid_to_year ?? ''}` : ''})</span>`) : html`<span class="muted">none recorded</span>`}</dd>
</dl>
<p class="downloads"><a href="/agencies/${a.id}/figures.csv">every report’s figures and checks as CSV</a></p>
<h2>Reports</h2>
<div class="wide"><table class="years">
<tr><th>Year</th><th>Title</th><th>Published</th><th>State</th><th>Format</th>${KEY_FIGURES.map((f) => html`<th class="num">${f.label}</th>`)}</tr>
${d.years.map((r) => {
      const fig = d.series.find((s) => s.year === r.year);
      const states = statesOf(r);
      return html`<tr><td>${r.year}</td><td><a href="/reports/${r.report_id}">${r.title}</a></td><td>${r.pub_date ?? ''}${r.date_source === 'file' ? ' (file)' : ''}</td>
<td title="${describeState(r)}">${states.map((s) => html`<span class="badge st-${s}">${badgeText(s)}</span> `)}</td><td>${r.template ?? ''}</td>
${KEY_FIGURES.map((_, i) => html`<td class="num">${formatNumber(fig?.values[i])}</td>`)}</tr>`;
    })}
</table></div>
<h2>Key figures over time</h2>
<div class="chart" data-chart="${JSON.stringify(chart)}"><p class="chart-note">The chart needs JavaScript; the numbers are in the table above.</p></div>`,
  );
}
