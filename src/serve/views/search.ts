/** Search by agency name (former names too) and by report title. */
import type { SearchAgencyRow, SearchReportRow } from '../../catalog/view-queries.ts';
import { html, query, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export interface SearchData {
  q: string;
  agencies: SearchAgencyRow[];
  reports: SearchReportRow[];
  limit: number;
}

export function searchPage(d: SearchData): SafeHtml {
  const more = (n: number) => (n >= d.limit ? html`<p class="muted">Showing the first ${d.limit}; narrow the search to see the rest.</p>` : '');
  const body = !d.q
    ? html`<p>Type part of an agency’s name (current or former), or of a report title.</p>`
    : html`<h2>Agencies (${d.agencies.length})</h2>
${more(d.agencies.length)}
<div class="wide"><table><tr><th>Agency</th><th>Region</th><th>Level</th><th class="num">Reports</th></tr>
${d.agencies.map((a) => html`<tr><td><a href="/agencies/${a.id}">${a.name}</a>${a.matched_alias ? html` <span class="muted">(formerly ${a.matched_alias})</span>` : ''}${a.discovered ? html` <span class="muted">(discovered)</span>` : ''}</td><td>${[a.province, a.city, a.county].filter(Boolean).join(' › ')}</td><td>${a.level ?? ''}</td><td class="num">${a.reports}</td></tr>`)}
</table></div>
<p class="downloads"><a href="/search/agencies.csv${query({ q: d.q })}">agencies as CSV</a></p>
<h2>Reports (${d.reports.length})</h2>
${more(d.reports.length)}
<div class="wide"><table><tr><th>Year</th><th>Title</th><th>Agency</th><th>Published</th></tr>
${d.reports.map((r) => html`<tr><td>${r.year}</td><td><a href="/reports/${r.id}">${r.title}</a></td><td><a href="/agencies/${r.agency_id}">${r.agency}</a></td><td>${r.published_at ?? ''}</td></tr>`)}
</table></div>
<p class="downloads"><a href="/search/reports.csv${query({ q: d.q })}">these reports’ files as CSV (export columns)</a><a href="/search/figures.csv${query({ q: d.q })}">their figures as CSV (export --figures columns)</a></p>`;
  return page({ title: d.q ? `Search: ${d.q}` : 'Search', nav: 'search', query: d.q }, html`<h1>Search${d.q ? html`: “${d.q}”` : ''}</h1>${body}`);
}
