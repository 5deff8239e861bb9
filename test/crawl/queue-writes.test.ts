/**
 * Request-queue entries as nianbao's Crawlee set-up writes them (src/crawl/crawlee-setup.ts): whole JSON files put in
 * place by a rename, no lock directories beside them, nothing left behind, and a second storage client opened on the
 * same directory (a resumed run) finds what is still pending.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { crawleeConfiguration } from '../../src/crawl/crawlee-setup.ts';
import { openHostQueue } from '../../src/crawl/frontier.ts';
import { tempDir } from '../helpers/tmp.ts';

test('queue entries are whole JSON files with no lock directories or temp files beside them, and survive a reopen', async () => {
  const dir = tempDir();
  const q = await openHostQueue('nb-test--host', crawleeConfiguration(dir));
  await q.addRequests(['a', 'b', 'c'].map((p) => ({ url: `http://127.0.0.1:1/${p}.html`, userData: { kind: 'list' } })));
  const first = await q.fetchNextRequest();
  assert.ok(first);
  await q.markRequestHandled(first);

  const qdir = path.join(dir, 'request_queues', 'nb-test--host');
  const names = readdirSync(qdir);
  assert.deepEqual(names.filter((n) => !n.endsWith('.json')), [], 'lock directories or temp files left');
  const entries = names.map((n) => JSON.parse(readFileSync(path.join(qdir, n), 'utf8')) as { url?: string; orderNo?: number | null });
  assert.equal(entries.filter((e) => e.url).length, 3);
  // memory-storage marks a handled entry by its order number: null.
  assert.equal(entries.filter((e) => e.orderNo === null).length, 1);

  // A new storage client on the same directory, as a run resumed after a kill opens it.
  const again = await openHostQueue('nb-test--host', crawleeConfiguration(dir));
  const pending: string[] = [];
  for (let r = await again.fetchNextRequest(); r; r = await again.fetchNextRequest()) {
    pending.push(r.url);
    await again.markRequestHandled(r);
  }
  assert.deepEqual(pending.sort(), ['http://127.0.0.1:1/b.html', 'http://127.0.0.1:1/c.html']);
});
