/**
 * Scouting (frontier.ts): a host nothing weighs is crawled for its seed pages first, then waits for a slot again,
 * weighed by what those pages queued, while other hosts wait; never more crawlers at once than slots; a host whose
 * weight is known, or one scouted with no host waiting, is crawled through in its slot.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Frontier } from '../../src/crawl/frontier.ts';
import type { HostQueue } from '../../src/crawl/host-queue.ts';
import type { ListData, QueuedRequest } from '../../src/crawl/requests.ts';
import { tempDir } from '../helpers/tmp.ts';

const req = (host: string, p: string): QueuedRequest => ({
  url: `http://${host}/${p}`,
  uniqueKey: `http://${host}/${p}`,
  userData: { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'auto', pageIndex: 0 } as ListData,
});

/** Hosts 1..n on port 1000+i, host i's seed page queueing `items[i]` items. */
async function crawl(items: number[], slots: number, weight?: (host: string) => number | undefined) {
  const catalog = Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
  const hosts = items.map((_, i) => `127.0.0.1:${1001 + i}`);
  const log: string[] = [];
  let running = 0;
  let most = 0;
  let crawlers = 0;
  try {
    const frontier: Frontier = new Frontier({
      jobName: 'crawl',
      store: catalog.frontier,
      maxConcurrentHosts: slots,
      ...(weight ? { hostWeight: weight } : {}),
      runHost: async (host: string, queue: HostQueue) => {
        crawlers += 1;
        most = Math.max(most, ++running);
        try {
          // As Crawlee's crawler asks: whether the queue is finished, then the next request.
          while (!(await queue.isFinished())) {
            const r = await queue.fetchNextRequest();
            if (!r) break;
            await new Promise((resolve) => setTimeout(resolve, 2));
            log.push(`${host} ${new URL(r.url).pathname}`);
            if (r.url.endsWith('/seed')) await frontier.add(Array.from({ length: items[hosts.indexOf(host)]! }, (_, k) => req(host, `item${k}`)));
            await queue.markRequestHandled(r);
          }
        } finally {
          running -= 1;
        }
      },
    });
    frontier.addSeeds(hosts.map((h) => req(h, 'seed')));
    await frontier.idle();
    return { hosts, log, most, crawlers, pending: catalog.frontier.pendingQueues('crawl') };
  } finally {
    catalog.close();
  }
}

test('hosts nothing weighs are scouted in seed order, then crawled biggest first, never more at once than the slots', async () => {
  const items = [2, 9, 4, 13, 6];
  const r = await crawl(items, 2);
  assert.ok(r.most <= 2, `${r.most} crawlers at once`);
  assert.deepEqual(r.pending, [], 'every request made');
  for (const [i, h] of r.hosts.entries()) assert.equal(r.log.filter((l) => l.startsWith(`${h} /item`)).length, items[i], h);
  const seeds = r.log.filter((l) => l.endsWith(' /seed')).map((l) => l.split(' ')[0]);
  assert.deepEqual(seeds, r.hosts, 'scouted in seed order');
  // After the scouting, hosts go on with their items biggest first (the one still scouting when a slot freed aside).
  const wentOn = [...new Set(r.log.filter((l) => l.includes('/item')).map((l) => l.split(' ')[0]!))];
  const bySize = [...r.hosts].sort((a, b) => items[r.hosts.indexOf(b)]! - items[r.hosts.indexOf(a)]!);
  assert.deepEqual(wentOn.slice(1), bySize.filter((h) => h !== wentOn[0]), wentOn.join(' '));
  assert.ok(r.crawlers > r.hosts.length, 'the scouted hosts gave their slots back');
});

test('a host whose weight is known is crawled through in its slot; one scouted with no host waiting goes on', async () => {
  const known = await crawl([3, 5, 4], 1, () => 10);
  assert.equal(known.crawlers, 3, 'one crawler per host');
  assert.equal(known.log[0], `${known.hosts[0]} /seed`);
  assert.ok(known.log.slice(1, 4).every((l) => l.startsWith(`${known.hosts[0]} /item`)), known.log.join(', '));
  // More slots than hosts: nobody waits, so no host gives its slot back.
  const roomy = await crawl([3, 5, 4], 4);
  assert.equal(roomy.crawlers, 3, 'one crawler per host');
  assert.deepEqual(roomy.pending, []);
});
