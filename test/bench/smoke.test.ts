/**
 * `npm run bench -- --quick` runs end to end and its results hold every figure. No timing is asserted: the bench
 * measures, the suite only checks that it still can.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

// Generous limits: the quick bench takes ~2 min alone and several times that on a loaded 2-core machine.
test('the quick bench writes results with every figure and its comparison', { timeout: 900_000 }, (t) => {
  // The bench compares nianbao with `wget --mirror`.
  if (!requireTools(t, 'wget')) return;
  const out = tempDir('nianbao-bench-smoke-');
  const run = spawnSync(process.execPath, ['bin/run-ts.mjs', 'bench/run.ts', '--quick', '--out', out], { encoding: 'utf8', timeout: 880_000 });
  assert.equal(run.status, 0, run.stderr);
  const files = readdirSync(out).filter((f) => f.endsWith('.quick.json'));
  assert.equal(files.length, 1);
  const r = JSON.parse(readFileSync(path.join(out, files[0]!), 'utf8'));
  for (const key of ['cpu', 'cores', 'memoryGiB', 'node', 'os', 'wget']) assert.ok(key in r.machine, `machine.${key}`);
  for (const mode of ['parallel', 'sequential']) {
    for (const who of ['nianbao', 'wget']) {
      for (const f of ['wallS', 'pagesPerS', 'filesPerS', 'MBPerS', 'peakRssMiB']) assert.equal(typeof r.crawl[mode][who][f], 'number', `crawl.${mode}.${who}.${f}`);
    }
    assert.equal(typeof r.crawl[mode].ratio.pagesPerS, 'number');
  }
  // The portal's paged site hides items behind its JavaScript pager: nianbao finds them all, wget cannot.
  const p = r.crawl.paged;
  assert.equal(p.nianbao.detailPages, p.expected.items);
  assert.ok(p.wgetMisses.detailPages > 0);
  assert.equal(typeof r.crawl.memoryAtSize.peakRssMiB, 'number');
  assert.equal(r.politeness.runs.length, 2);
  for (const run of r.politeness.runs) {
    assert.equal(typeof run.efficiency, 'number');
    assert.ok(run.minSpacingMs >= r.politeness.delayMs, 'no host saw two requests closer than the delay');
  }
  assert.equal(typeof r.nightly.requestsFraction, 'number');
  assert.equal(typeof r.nightly.bytesFraction, 'number');
  // The store keeps each content once: stored ÷ downloaded is what the generator says it must be.
  assert.equal(r.dedup.attachments.ratio, r.dedup.attachments.expectedRatio);
  assert.equal(r.slots.runs.length, 2);
  for (const run of r.slots.runs) assert.ok(run.maxActiveHosts <= r.slots.slots, 'never more hosts crawled at once than slots');
  assert.ok('extraction' in r);
});
