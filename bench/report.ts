/**
 * The results as a Markdown table (printed on the terminal and copied into bench/README.md): one row per figure,
 * nianbao's value beside its comparison and the ratio.
 */
import type { BenchResults } from './bench.ts';
import { slotsRows } from './slots.ts';

const n = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined ? '–' : `${v.toLocaleString('en-US')}${unit}`);
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

export function table(r: BenchResults): string {
  const rows: string[][] = [];
  const c = r.crawl;
  for (const [label, s] of [
    [`parallel, ${c.plainSites.sites} plain-link sites`, c.parallel],
    [`sequential, ${c.sequential.sites} plain-link sites`, c.sequential],
  ] as const) {
    rows.push([`1 crawl ${label}: wall`, n(s.nianbao.wallS, ' s'), `wget ${n(s.wget.wallS, ' s')}`, n(s.ratio.wallS, '×')]);
    rows.push([`1 … pages/s`, n(s.nianbao.pagesPerS), `wget ${n(s.wget.pagesPerS)}`, n(s.ratio.pagesPerS, '×')]);
    rows.push([`1 … files/s`, n(s.nianbao.filesPerS), `wget ${n(s.wget.filesPerS)}`, n(s.ratio.filesPerS, '×')]);
    rows.push([`1 … MB/s`, n(s.nianbao.MBPerS), `wget ${n(s.wget.MBPerS)}`, n(s.ratio.MBPerS, '×')]);
    rows.push([`1 … peak RSS`, n(s.nianbao.peakRssMiB, ' MiB'), `wget ${n(s.wget.peakRssMiB, ' MiB')}`, n(s.ratio.peakRssMiB, '×')]);
    rows.push([`1 … CPU per request`, n(s.nianbao.cpuMsPerRequest, ' ms'), `wget ${n(s.wget.cpuMsPerRequest, ' ms')}`, '']);
  }
  const p = c.paged;
  rows.push([
    `1 paged sites (JS pager), ${p.expected.sites} sites: report pages / files found`,
    `${p.nianbao.detailPages} / ${p.nianbao.files}`,
    `wget ${p.wget.detailPages} / ${p.wget.files} (misses ${p.wgetMisses.detailPages} / ${p.wgetMisses.files}); portal holds ${p.expected.items} / ${p.expected.attachments}`,
    '',
  ]);
  for (const run of r.politeness.runs) {
    rows.push([
      `2 politeness, ${r.politeness.hosts} hosts × ${r.politeness.requestsPerHost.min}–${r.politeness.requestsPerHost.max} requests, d=${r.politeness.delayMs} ms, ${run.maxHosts} host slots: wall`,
      n(run.wallS, ' s'),
      `ideal ${n(run.idealS, ' s')} (with ${run.maxHosts} slots ${n(run.slotBoundS, ' s')}); min spacing ${n(run.minSpacingMs, ' ms')}`,
      `${n(run.efficiency, '×')} (${n(run.efficiencyVsSlotBound, '×')})`,
    ]);
  }
  if (r.slots) rows.push(...slotsRows(r.slots));
  const ni = r.nightly;
  rows.push(['3 nightly: requests', n(ni.nightly.requests), `first crawl ${n(ni.first.requests)}`, n(ni.requestsFraction)]);
  rows.push(['3 nightly: bytes', mib(ni.nightly.bytes), `first crawl ${mib(ni.first.bytes)}`, n(ni.bytesFraction)]);
  const d = r.dedup;
  rows.push([
    `4 dedup (${Math.round(d.duplicateShare * 100)} % duplicate attachments): attachment bytes stored`,
    mib(d.attachments.stored),
    `downloaded ${mib(d.attachments.downloaded)}; expected ratio ${n(d.attachments.expectedRatio)}`,
    n(d.attachments.ratio),
  ]);
  rows.push(['4 dedup: pages + attachments stored', mib(d.all.stored), `downloaded ${mib(d.all.downloaded)}`, n(d.all.ratio)]);
  rows.push(...extractionRows(r.extraction));
  const m = c.memoryAtSize;
  rows.push([`6 memory at size: peak RSS, ${n(m.pages)} pages (${n(m.requests)} requests)`, n(m.peakRssMiB, ' MiB'), `${n(m.smallCrawlPages)} pages: ${n(m.smallCrawlPeakRssMiB, ' MiB')}`, n(m.peakRssMiB && m.smallCrawlPeakRssMiB ? Math.round((m.peakRssMiB / m.smallCrawlPeakRssMiB) * 100) / 100 : null, '×')]);
  const head = ['figure', 'nianbao', 'comparison', 'ratio'];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.map(esc).join(' | ')} |`).join('\n');
}

/**
 * The extraction bench (bench/extract.ts, written separately) reports its own shape; rows are taken from its
 * `table` field when it gives one ([figure, nianbao, comparison, ratio] per row).
 */
function extractionRows(x: Record<string, unknown> | null): string[][] {
  if (!x) return [['5 extraction', 'not available', '', '']];
  const t = x.table;
  if (Array.isArray(t) && t.every((row) => Array.isArray(row))) return (t as unknown[][]).map((row) => row.map((cell) => String(cell ?? '')));
  return [['5 extraction', 'see results JSON (extraction)', '', '']];
}

export function machineLines(r: BenchResults): string {
  const m = r.machine;
  return [
    `${r.date} · ${r.quick ? 'quick' : 'full'} run · ${r.durationS} s in all`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · Node ${m.node} · ${m.os}`,
    `${m.wget ?? 'wget: not installed'} · ${m.pdftotext ?? 'pdftotext: not installed'} · peak RSS via ${m.gnuTime ? 'GNU time' : '/proc polling'}${m.cli ? ` · nianbao ran from ${m.cli}` : ''}`,
    `load average (1 min) at start ${m.loadAverage.start}, at end ${m.loadAverage.end}${m.loadAverage.start > m.cores / 2 || m.loadAverage.end > m.cores / 2 ? ' — the machine was busy with other work: timings are pessimistic' : ''}`,
  ].join('\n');
}
