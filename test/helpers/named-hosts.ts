/**
 * A test portal answering several host names on one port, and a crawl of one seed by a nianbao child that resolves
 * `*.test` names to 127.0.0.1 (test-hosts.mjs): for what needs real host names (a portal's `www.` beside its `m.` or
 * `mgl.`), which the loopback fixtures (other ports of 127.0.0.1, never one portal) cannot show.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNianbao } from './cli.ts';
import { tempDir } from './tmp.ts';

const PRELOAD = fileURLToPath(new URL('./test-hosts.mjs', import.meta.url));

export interface NamedHosts {
  port: number;
  /** "host path" of every request, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** Serves the pages `pagesOf(port)` gives, keyed "host path" (`www.mhk.test /zwgk/`), as UTF-8 HTML; 404 otherwise. */
export async function startNamedHosts(pagesOf: (port: number) => Map<string, string>): Promise<NamedHosts> {
  const asked: string[] = [];
  let table = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const key = `${String(req.headers.host ?? '').replace(/:\d+$/, '')} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    asked.push(key);
    const body = table.get(key);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '<html><body>404</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  table = pagesOf(port);
  return { port, asked, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface SeedAgency {
  name: string;
  division: string;
  level: string;
  province: string;
  city?: string;
  county?: string;
}

/** `nianbao crawl` of one seed (its agency alone in a seeds file), then its `status --seeds` result and the export. */
export async function crawlOneSeed(prefix: string, agency: SeedAgency, seed: string): Promise<{ last: { status: string; reason: string | null }; csv: string }> {
  const dir = tempDir(prefix);
  const seeds = path.join(dir, 'seeds.yaml');
  const place = [agency.city ? `    city: ${agency.city}\n` : '', agency.county ? `    county: ${agency.county}\n` : ''].join('');
  writeFileSync(seeds, `agencies:\n  - name: ${agency.name}\n    division: "${agency.division}"\n    level: ${agency.level}\n    province: ${agency.province}\n${place}    entries:\n      - url: ${seed}\n`);
  const storage = path.join(dir, 'storage');
  const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PRELOAD}`.trim() };
  await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none'], env);
  const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage], env);
  const found = (JSON.parse(status.out) as { seeds: { url: string; last: { status: string; reason: string | null } }[] }).seeds.find((x) => x.url === seed);
  if (!found) throw new Error(`no seed ${seed} in: ${status.out}`);
  const out = path.join(dir, 'reports.csv');
  await runNianbao(['export', '--out', out, '--storage', storage], env);
  return { last: found.last, csv: readFileSync(out, 'utf8') };
}
