/**
 * A harvest leaves nothing running: once it returns (and the portal is closed), no timer of Crawlee's or ours keeps
 * the process alive. Every host's crawler shares Crawlee's event manager; left to the crawlers, one that closes it
 * while another starts leaks its minute-long system-info interval, and a process that crawled never exits.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { portalWithSeeds, runHarvest } from '../helpers/harvest.ts';

test('after a harvest of many hosts, no timer is left to keep the process alive', async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds();
  try {
    const summary = await runHarvest(path.join(dir, 'storage'), seedsFile);
    assert.ok(summary.stats.pages > 0);
  } finally {
    await portal.close();
  }
  // Only ref'd timers are listed (an unref'd one cannot keep the process alive). Crawlee's closing storage keeps a
  // one-second notice timer for a moment; anything still there after five seconds is a leak.
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout');
  for (let waited = 0; timers().length && waited < 5000; waited += 250) await new Promise((r) => setTimeout(r, 250));
  assert.deepEqual(timers(), []);
});
