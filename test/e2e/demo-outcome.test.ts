// The demo's verdict: its portal's deliberate faults are expected (exit 0), anything else fails it. First the
// decision on made-up runs, then on a real crawl of the whole portal as `npm run demo` runs it (on free ports).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { collectIncidents, DEMO_EXPECTED_FAULTS, demoSummary, judgeDemo, type DemoStep, type Incident } from '../fixtures/portal/demo-outcome.ts';
import { portalWithSeeds } from '../helpers/harvest.ts';
import { requireTools } from '../helpers/tools.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/nianbao.mjs');

const STEPS_OK: DemoStep[] = [
  { command: 'crawl', code: 1 }, // "finished, some things failed": the broken document
  { command: 'export', code: 0 },
  { command: 'export', code: 0 },
];
const EXPECTED_ONLY: Incident[] = [
  { kind: 'gone', url: 'http://127.0.0.1:17105/art/2022/1/25/art_33718_10988123.html', detail: 'HTTP 404' },
  { kind: 'gone', url: 'http://127.0.0.1:17106/zwgk/xxgknb/202302/t5507.html', detail: 'soft 404: the page says the item does not exist' },
  { kind: 'skipped', url: 'http://127.0.0.1:17106/zwgk/xxgknb/private/t5506.html', detail: 'robots: disallowed by robots.txt' },
  { kind: 'skipped', url: 'http://127.0.0.1:17110/lyjy/xxgk/2024nb.html', detail: 'off_scope: host not in the registry' },
  { kind: 'skipped', url: 'http://127.0.0.1:17110/yiyang/nyncj/5511.html', detail: 'off_scope: host not in the registry' },
  { kind: 'extract_failed', url: 'http://127.0.0.1:17106/zwgk/xxgknb/202401/P5502_1.pdf', detail: 'extraction failed (pdf)' },
];

test('only the deliberate faults, crawl exit 1: the demo succeeds and lists them as expected', () => {
  const j = judgeDemo(STEPS_OK, EXPECTED_ONLY);
  assert.equal(j.ok, true);
  assert.deepEqual(j.unexpected, []);
  assert.ok(j.expected.every((e) => e.incidents.length > 0), 'every deliberate fault was recognised');
  const text = demoSummary(j).join('\n');
  assert.match(text, /expected, handled as designed/);
  assert.match(text, /✓ links to a spam clone outside the registry, never fetched: 2 × skipped/);
  assert.match(text, /demo: OK/);
});

test('an unexpected failure fails the demo, and the summary names it', () => {
  const failures: Incident[] = [
    { kind: 'failed', url: 'http://127.0.0.1:17101/zwgk/zfxxgknb/index.html', detail: 'HTTP 500 after 3 retries' },
    // The same kind as an expected fault, on another page: still unexpected.
    { kind: 'gone', url: 'http://127.0.0.1:17105/art/2023/1/30/art_33718_11619877.html', detail: 'HTTP 404' },
    { kind: 'extract_failed', url: 'http://127.0.0.1:17103/col/xxgk/ndbg/202401/P020240109530427781655.docx', detail: 'extraction failed (docx)' },
  ];
  for (const bad of failures) {
    const j = judgeDemo(STEPS_OK, [...EXPECTED_ONLY, bad]);
    assert.equal(j.ok, false, bad.url);
    assert.deepEqual(j.unexpected, [bad]);
    const text = demoSummary(j).join('\n');
    assert.match(text, new RegExp(`UNEXPECTED:\\n  ✗ ${bad.kind} ${bad.url.replace(/[.?]/g, '\\$&')}`));
    assert.match(text, /demo: FAILED/);
  }
});

test('a step that exits above 1 (locked, storage, internal) fails the demo even with no incident; so does no step', () => {
  for (const code of [2, 3, 4, 5, 6, 70]) {
    const j = judgeDemo([{ command: 'crawl', code }], []);
    assert.equal(j.ok, false, String(code));
    assert.match(demoSummary(j).join('\n'), new RegExp(`nianbao crawl exited ${code}`));
  }
  assert.equal(judgeDemo([], []).ok, false);
});

test('a repeated demo that meets fewer deliberate faults still succeeds, noting them as not met', () => {
  const j = judgeDemo(STEPS_OK, EXPECTED_ONLY.slice(3));
  assert.equal(j.ok, true);
  assert.match(demoSummary(j).join('\n'), /· a report page that answers 404 \(Hanweb site\): not met this run/);
});

test('the whole demo portal crawled as the demo does: every deliberate fault met, nothing unexpected', async (t) => {
  // The anti-bot site needs a browser; without one its pages fail, which the demo rightly calls unexpected.
  if (!requireTools(t, 'chromium')) return;
  const { seedsFile, dir } = await portalWithSeeds();
  const storage = path.join(dir, 'storage');
  // The demo's own flags (default size cap, so the oversized scan is downloaded), with a shorter host delay.
  const code = await new Promise<number>((resolve) => {
    execFile(process.execPath, [BIN, 'crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '100', '--progress', 'none'], { timeout: 600_000 }, (err) =>
      resolve(err ? (typeof err.code === 'number' ? err.code : 99) : 0),
    );
  });
  const catalog = Catalog.openReadOnly(storagePaths(storage).catalog);
  let incidents: Incident[];
  try {
    incidents = collectIncidents(catalog, catalog.runs.recent(1)[0]!.id);
  } finally {
    catalog.close();
  }
  const j = judgeDemo([{ command: 'crawl', code }], incidents);
  assert.deepEqual(j.unexpected, [], demoSummary(j).join('\n'));
  assert.equal(j.ok, true, demoSummary(j).join('\n'));
  assert.deepEqual(
    j.expected.filter((e) => e.incidents.length === 0).map((e) => e.fault.what),
    [],
    'a deliberate fault of the portal was not met: DEMO_EXPECTED_FAULTS no longer describes it',
  );
  assert.equal(j.expected.length, DEMO_EXPECTED_FAULTS.length);
});
