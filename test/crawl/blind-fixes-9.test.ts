/**
 * Round 9 of the blind portals, on hand-made input: a rendered page whose list comes from a service on another host
 * outside the registry (Hunan's search service on api.<site>) says so in the seed's result, naming the host; the
 * page's other requests (scripts, images, the registry's own hosts) are not counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRefused, refusedDataHost } from '../../src/crawl/off-scope-data.ts';
import { offScopeDataRequests, SeedTallies } from '../../src/crawl/seed-tally.ts';

const PAGE = 'http://www.gov.test/zzszgj/xxgk/gknb/index.html';
const scope = { allows: (url: string | URL) => new URL(url).host === 'www.gov.test' };

test('data requests (XHR, fetch) to hosts outside the registry are counted by host; other requests are not', () => {
  assert.equal(refusedDataHost('http://api.gov.test:8443/search/common/search/80675', 'fetch', scope), 'api.gov.test:8443');
  assert.equal(refusedDataHost('https://API.gov.test/search/common/search/80675?page=2', 'xhr', scope), 'api.gov.test');
  // The registry's own host, a script or an image elsewhere, a non-http address: nothing to say.
  assert.equal(refusedDataHost('http://www.gov.test/api/list?page=1', 'xhr', scope), null);
  assert.equal(refusedDataHost('https://cdn.example/jquery.min.js', 'script', scope), null);
  assert.equal(refusedDataHost('https://hm.example/hm.gif?si=1', 'image', scope), null);
  assert.equal(refusedDataHost('data:application/json,{}', 'fetch', scope), null);
  const byHost = new Map<string, number>();
  countRefused(byHost, 'api.gov.test:8443');
  countRefused(byHost, 'api.gov.test:8443', 2);
  assert.deepEqual([...byHost], [['api.gov.test:8443', 3]]);
});

test('an empty seed whose page asked a host outside the registry names it, so the user can register it', () => {
  const t = new SeedTallies().of(1, PAGE);
  assert.equal(offScopeDataRequests(t), null);
  countRefused(t.offScopeData, 'api.gov.test:8443', 2);
  countRefused(t.offScopeData, 'search.other.test');
  assert.equal(
    offScopeDataRequests(t),
    'its page asked 3 data request(s) of hosts outside the registry (api.gov.test:8443, search.other.test), refused: if its list comes from there, add the host to the seeds as the agency\'s',
  );
});
