/**
 * Fault matrix, two writers: two `crawl` runs started together (one runs, the other exits 4 with one line; nothing
 * doubled).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runNianbao } from '../helpers/cli.ts';
import { portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';

const run = (args: string[]) => runNianbao(args);

function counts(storage: string): number[] {
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  const c = [n('SELECT count(*) n FROM reports'), n('SELECT count(*) n FROM files'), n('SELECT count(*) n FROM report_files')];
  catalog.close();
  return c;
}

test('two crawls started together: one runs to the end, the other exits 4 with one line; nothing doubled', { timeout: 300_000 }, async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const args = ['crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '100', '--progress', 'none', '--no-extract'];
  const results = await Promise.all([run(args), run(args)]);
  const codes = results.map((r) => r.code).sort();
  assert.deepEqual(codes, [0, 4], results.map((r) => r.err).join('\n'));
  const refused = results.find((r) => r.code === 4)!;
  assert.equal(refused.err.trim().split('\n').length, 1, refused.err);
  assert.match(refused.err, /^nianbao: .*lock/i);
  assert.deepEqual(counts(storage), [6, 13, 15]);
});
