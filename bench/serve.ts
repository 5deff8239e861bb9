/**
 * Page render times of the web view on a national-size catalog (bench/national-catalog.ts): each page requested
 * in-process through the app (rendering and catalog reads, no network), once cold and then the median of three.
 * The target (issue 13) is ≤ 1 s per page; the grid is paged per region.
 *
 *   node bin/run-ts.mjs bench/serve.ts [--small] [--dir DIR] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Catalog } from '../src/catalog/catalog.ts';
import { createApp } from '../src/serve/app.ts';
import { nationalCatalog } from './national-catalog.ts';

export interface PageTiming {
  page: string;
  url: string;
  status: number;
  bytes: number;
  coldMs: number;
  /** CPU time of this process during the first request (the machine is shared: wall time includes waiting). */
  coldCpuMs: number;
  medianMs: number;
}

export const TARGET_MS = 1000;

export async function benchServe(storageDir: string, opts: { small?: boolean; log?: (l: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  const built = nationalCatalog(storageDir, { small: opts.small, log });
  const catalog = Catalog.openReadOnly(built.catalogFile);
  try {
    const app = createApp({ catalog, storageDir });
    const pick = <T>(sql: string) => catalog.db.prepare(sql).get() as T;
    const region = pick<{ province: string; city: string; county: string }>("SELECT province, city, county FROM agencies WHERE level = 'county' ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM agencies WHERE level = 'county')");
    const report = pick<{ id: number }>('SELECT report_id AS id FROM report_extractions WHERE checks_failed > 0 ORDER BY report_id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM report_extractions WHERE checks_failed > 0)');
    const agency = pick<{ id: number; name: string }>("SELECT id, name FROM agencies WHERE level = 'city' ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM agencies WHERE level = 'city')");
    const p = encodeURIComponent(region.province);
    const c = encodeURIComponent(region.city);
    const x = encodeURIComponent(region.county);
    const pages: [string, string][] = [
      ['overview', '/'],
      ['coverage: whole country (page 1 of all agencies)', '/coverage'],
      ['coverage: whole country, late only', '/coverage?state=late'],
      ['coverage: province', `/coverage?province=${p}`],
      ['coverage: province, page 20', `/coverage?province=${p}&page=20`],
      ['coverage: province, failing only', `/coverage?province=${p}&state=failing`],
      ['coverage: province, missing only', `/coverage?province=${p}&state=missing`],
      ['coverage: city', `/coverage?province=${p}&city=${c}`],
      ['coverage: county', `/coverage?province=${p}&city=${c}&county=${x}`],
      ['coverage CSV: city', `/coverage.csv?province=${p}&city=${c}`],
      ['report (failing checks)', `/reports/${report.id}`],
      ['agency', `/agencies/${agency.id}`],
      ['search: agency name', `/search?q=${encodeURIComponent(agency.name.slice(0, 6))}`],
      ['search: rare word', `/search?q=${encodeURIComponent('卫生健康')}`],
    ];
    const timings: PageTiming[] = [];
    for (const [page, url] of pages) {
      const once = async () => {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const res = await app.request(url);
        const body = await res.arrayBuffer();
        const cpu = process.cpuUsage(c0);
        return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, status: res.status, bytes: body.byteLength };
      };
      const cold = await once();
      const warm = [await once(), await once(), await once()].map((r) => r.ms).sort((a, b) => a - b);
      timings.push({ page, url, status: cold.status, bytes: cold.bytes, coldMs: Math.round(cold.ms), coldCpuMs: Math.round(cold.cpuMs), medianMs: Math.round(warm[1]!) });
      log(`${page}: ${Math.round(cold.ms)} ms cold (CPU ${Math.round(cold.cpuMs)} ms), ${Math.round(warm[1]!)} ms median (${cold.status}, ${cold.bytes} bytes)`);
    }
    return { catalog: built, timings, targetMs: TARGET_MS, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() } };
  } finally {
    catalog.close();
  }
}

if (process.argv[1]?.endsWith('serve.ts')) {
  const args = process.argv.slice(2);
  const small = args.includes('--small');
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 && args[dirAt + 1] ? path.resolve(args[dirAt + 1]!) : path.join(os.tmpdir(), small ? 'nianbao-national-small' : 'nianbao-national');
  const result = await benchServe(dir, { small, log: (l) => process.stderr.write(`bench serve: ${l}\n`) });
  const ok = (t: PageTiming, ms: number) => (ms <= TARGET_MS && t.status === 200 ? 'yes' : '**no**');
  const rows = result.timings.map((t) => `| ${t.page} | ${t.coldMs} | ${t.coldCpuMs} | ${ok(t, t.coldMs)} | ${t.medianMs} | ${ok(t, t.medianMs)} |`);
  console.log(`catalog: ${result.catalog.agencies} agencies, ${result.catalog.reports} reports, ${result.catalog.files} files, ${(result.catalog.bytes / 2 ** 30).toFixed(2)} GiB`);
  console.log(`machine: ${result.machine.cpus} × ${result.machine.model}, load average ${result.machine.load.map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(['| page | first request ms | its CPU ms | ≤ 1 s | then (median of 3) ms | ≤ 1 s |', '|---|---|---|---|---|---|', ...rows].join('\n'));
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1]!, `${JSON.stringify(result, null, 2)}\n`);
}
