/**
 * The blind portals with one miss injected each (test/fixtures/portal/sites/blind/faults.ts), crawled as a new user
 * would in a catalog of their own (a faulty portal shares its agencies with its sound twin): every miss is flagged to
 * the user (status --seeds, exit code), never silent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { faultyPortals } from '../fixtures/portal/sites/blind/faults.ts';
import { crawlAsUser, expectedOf, withBrowser, type Run } from './blind-crawl.ts';

let faulty: Run | undefined;

before(async () => {
  const faults = faultyPortals().map((f) => f.portal);
  faulty = await crawlAsUser(withBrowser ? faults : faults.filter((p) => !p.needsBrowser));
});
after(async () => {
  await faulty?.portal.close();
});

test('an injected miss on a blind portal is flagged to the user (status --seeds, exit code), never silent', { timeout: 600_000 }, (t) => {
  const r = faulty!;
  assert.notEqual(r.crawl.code, ExitCode.ok, r.crawl.out + r.crawl.err);
  for (const f of faultyPortals()) {
    if (!r.portals.some((p) => p.id === f.portal.id)) continue;
    const seed = r.seeds.find((s) => s.url === `${r.portal.urls[f.portal.id]}${f.portal.seedPath}`);
    assert.ok(seed, `${f.portal.id}: its seed is in status --seeds`);
    t.diagnostic(`${f.portal.id} (${f.fault}): ${seed.flags.join(',')}: ${seed.last.reason ?? ''}`);
    assert.ok(!seed.healthy && seed.flags.length > 0, `${f.portal.id} (${f.fault}): not flagged (${JSON.stringify(seed.last)})`);
    assert.ok(r.found.get(f.portal.id)!.length < expectedOf(f.portal).length, `${f.portal.id}: the fault did not cause a miss`);
  }
});
