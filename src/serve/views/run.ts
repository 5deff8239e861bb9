/** One run: when, how it ended, its counts, and what it saw (new, changed, gone, failed), linked to the reports. */
import type { RunRow } from '../../catalog/runs.ts';
import type { RunEventView } from '../../catalog/view-queries.ts';
import { formatInstant, html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export interface RunData {
  run: RunRow;
  counts: Record<string, number>;
  events: (RunEventView & { report_id: number | null; host: string | null })[];
  limit: number;
}

export function runPage(d: RunData): SafeHtml {
  const r = d.run;
  const total = Object.values(d.counts).reduce((a, b) => a + b, 0);
  return page(
    { title: `Run ${r.id}` },
    html`<h1>Run ${r.id}: ${r.kind}</h1>
<dl class="meta">
<dt>Started</dt><dd>${formatInstant(r.started_at)}</dd>
<dt>Ended</dt><dd>${formatInstant(r.ended_at) || 'not (still running, or killed)'}</dd>
<dt>Status</dt><dd>${r.status}</dd>
<dt>Arguments</dt><dd class="sha">${r.args}</dd>
<dt>Summary</dt><dd class="sha">${r.counts}</dd>
<dt>Events</dt><dd>${Object.entries(d.counts).map(([k, n]) => `${k} ${n}`).join(' · ') || 'none'}</dd>
</dl>
<h2>What it saw</h2>
${total > d.events.length ? html`<p class="muted">The first ${d.events.length} of ${total} events.</p>` : ''}
<div class="wide"><table><tr><th>When</th><th>What</th><th>Host</th><th>URL</th><th>Report</th><th>Detail</th></tr>
${d.events.map((e) => html`<tr><td>${formatInstant(e.at)}</td><td>${e.kind}</td><td>${e.host ?? ''}</td><td class="url">${e.url ?? ''}</td><td>${e.report_id ? html`<a href="/reports/${e.report_id}">${e.report_id}</a>` : ''}</td><td>${e.detail ?? ''}</td></tr>`)}
</table></div>`,
  );
}
