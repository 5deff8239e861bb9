/**
 * The throwaway PostgreSQL cluster the PostgreSQL tests start: it runs (as root through `runuser`), answers on its
 * port, creates databases, and leaves nothing behind when stopped.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPgCluster } from './pg-cluster.ts';
import { postgresBinDir, requireTools } from './tools.ts';

test('a throwaway cluster starts on a free port, creates a database, and is gone once stopped', async (t) => {
  if (!requireTools(t, 'postgres')) return;
  const pg = await startPgCluster();
  const url = pg.createDatabase('nianbao_probe');
  assert.match(url, /^postgres:\/\/nianbao@127\.0\.0\.1:\d+\/nianbao_probe$/);
  const bin = postgresBinDir() as string;
  const psql = existsSync(path.join(bin, 'psql')) ? path.join(bin, 'psql') : 'psql';
  const out = execFileSync(psql, [url, '-tAc', 'select 40 + 2'], { encoding: 'utf8' });
  assert.equal(out.trim(), '42');
  pg.stop();
  assert.throws(() => execFileSync(psql, [url, '-tAc', 'select 1'], { stdio: 'pipe' }));
});
