import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressFor } from '../../src/cli/progress.ts';
import { CrawlStats } from '../../src/crawl/stats.ts';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream };
}

test('not on a terminal: one JSON line per event, written in batches, the last at the end', async () => {
  const { out, stream } = sink(false);
  const p = progressFor('auto', stream);
  p.onEvent!({ kind: 'new_report', host: 'h', url: 'http://h/a', detail: '某局 2023' });
  p.onEvent!({ kind: 'failed', host: 'h', url: 'http://h/b', detail: 'server: HTTP 500' });
  assert.equal(out.length, 0, 'the first lines wait for their batch');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(out.length, 1, 'a batch is written within a quarter second');
  p.onEvent!({ kind: 'seed_empty', host: 'h', url: 'http://h/', detail: 'no report' });
  p.end();
  const lines = out.join('').split('\n');
  assert.equal(lines.pop(), '', 'every line ends with a newline');
  assert.equal(lines.length, 3);
  const first = JSON.parse(lines[0]!) as Record<string, string>;
  assert.deepEqual([first.event, first.host, first.detail], ['new_report', 'h', '某局 2023']);
  assert.equal((JSON.parse(lines[2]!) as Record<string, string>).event, 'seed_empty');
  assert.equal(p.onTick, undefined);
});

test('on a terminal: one status line redrawn in place, ended with a newline', () => {
  const { out, stream } = sink(true);
  const p = progressFor('auto', stream);
  const s = new CrawlStats();
  s.pages = 3;
  s.newReports = 1;
  p.onTick!(s, { done: 1, active: 2, total: 5 });
  p.end();
  assert.match(out[0]!, /^\r\x1b\[2Kpages 3 · reports \+1 .* hosts 1 done, 2 active, 2 left$/);
  assert.equal(out[1], '\n');
  assert.equal(p.onEvent, undefined);
});
