/** The terminal view of a probe: plain lines a person reads top to bottom (scripts use --json). */
import type { PageExplanation } from './explain-page.ts';
import type { FileProbe, UrlProbe } from './probe.ts';

function pageLines(p: PageExplanation, indent = ''): string[] {
  const out: string[] = [];
  const line = (s: string) => out.push(`${indent}${s}`);
  line(`page kind: ${p.kind}`);
  line(`site: ${p.site ? `${p.site.value} (from ${p.site.from})` : '(not named)'}`);
  line(`family: ${p.family.family}, decided by: ${p.family.decidedBy}`);
  for (const s of p.family.signals) line(`  [${s.present ? 'x' : ' '}] ${s.family}: ${s.signal}`);
  line(`browser lane: ${p.browser.takes ? 'yes' : 'no'} (${p.browser.why})`);
  if (p.items.length) {
    const reports = p.items.filter((i) => i.report).length;
    line(`list items: ${p.items.length}, reports: ${reports} (read by ${p.itemsFrom})`);
    for (const i of p.items) {
      line(`  ${i.report ? 'REPORT' : '------'} ${i.title}`);
      line(`         ${i.url}${i.date ? `  ${i.date}` : ''}${i.isFile ? '  (file)' : ''}`);
      line(`         rule: ${i.rule}`);
      if (i.report) line(`         year: ${i.year ? `${i.year.value} (${i.year.from})` : 'none'}; agency: ${i.agency ? `${i.agency.value} (${i.agency.from})` : 'none'}`);
    }
  } else line('list items: none');
  if (p.next.length) {
    line('next list requests:');
    for (const n of p.next) line(`  ${n.method} ${n.url}${n.body ? `  body: ${n.body}` : ''}`);
  } else line('next list requests: none');
  if (p.report) {
    const r = p.report;
    line(`report page: ${r.title ?? '(no title)'}`);
    line(`  rule: ${r.rule}`);
    line(`  year: ${r.year ? `${r.year.value} (${r.year.from})` : 'none'}; agency: ${r.agency ? `${r.agency.value} (${r.agency.from})` : 'none'}`);
    line(`  publisher: ${r.publisher ?? '-'}; published: ${r.publishedAt ?? '-'}`);
    line(`  attachments: ${r.attachments.length ? '' : 'none'}`);
    for (const a of r.attachments) line(`    ${a.name ?? '(no name)'}  ${a.url}`);
  }
  return out;
}

export function urlProbeText(p: UrlProbe): string {
  const out = [`${p.url}`, `HTTP ${p.status}${p.finalUrl !== p.url ? ` at ${p.finalUrl}` : ''}, ${p.contentType ?? 'no Content-Type'}, ${p.bytes} bytes`];
  if (p.document) out.push('a document, not a page:', fileProbeText(p.document));
  if (p.page) out.push(...pageLines(p.page));
  if (p.rendered) {
    out.push('', `rendered in Chromium: HTTP ${p.rendered.status} at ${p.rendered.finalUrl}`);
    out.push(`captured XHR/fetch: ${p.rendered.exchanges.length || 'none'}`);
    for (const e of p.rendered.exchanges) {
      out.push(`  ${e.method} ${e.url} -> ${e.status} ${e.contentType ?? ''} ${e.size} bytes${e.requestBody ? `  body: ${e.requestBody}` : ''}`);
    }
    out.push(...pageLines(p.rendered.page, '  '));
  }
  return out.join('\n');
}

export function fileProbeText(p: FileProbe): string {
  const out = [`${p.path}`, `${p.mediaType}, read by ${p.extractor}: ${p.status}${p.reason ? ` (${p.reason})` : ''}`];
  out.push(`template: ${p.template ?? 'not detected'}${p.lowConfidence ? ' (OCR: review even when the checks pass)' : ''}`);
  for (const [section, figures] of Object.entries(p.tables)) {
    const keys = Object.keys(figures);
    if (!keys.length) continue;
    out.push(`table ${section}: ${keys.length} figures`);
    for (const k of keys) out.push(`  ${k} = ${figures[k] ?? '?'}${p.unreadable.includes(k) ? '  UNREADABLE' : p.blank.includes(k) ? '  (blank)' : ''}`);
  }
  out.push(`unreadable cells: ${p.unreadable.length ? p.unreadable.join(', ') : 'none'}`);
  out.push(`checks: ${p.checks.length ? '' : 'none'}`);
  // Failures first: they are what a person probes a document for.
  const rank = (ok: boolean | null) => (ok === false ? 0 : ok === null ? 1 : 2);
  for (const c of [...p.checks].sort((a, b) => rank(a.ok) - rank(b.ok))) {
    const verdict = c.ok === null ? 'UNCERTAIN' : c.ok ? 'ok' : 'FAILED';
    out.push(`  ${verdict} ${c.rule} ${c.scope}: expected ${c.expected ?? '?'}, found ${c.actual ?? '?'}${c.soft ? ' (soft)' : ''}`);
  }
  return out.join('\n');
}
