/** `nianbao probe FILE`: the template, the three tables as read (figure keys of `export --figures`), and every check. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { probeFile } from '../../src/onboard/probe.ts';
import { fileProbeText } from '../../src/onboard/probe-view.ts';

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const expected = (id: string) => JSON.parse(readFileSync(path.join(DOCS, 'expected', `${id}.json`), 'utf8')) as { figures: Record<string, number> };

test('a DOCX report: template, the three tables with the hand-checked figures, all checks pass', async () => {
  const p = await probeFile(path.join(DOCS, 'r002.docx'));
  assert.equal(p.mediaType, 'docx');
  assert.equal(p.template, '2021');
  const want = expected('r002').figures;
  for (const section of ['s2', 's3', 's4'] as const) {
    const keys = Object.keys(want).filter((k) => k.startsWith(`${section}.`));
    assert.ok(keys.length > 0);
    for (const k of keys) assert.equal(p.tables[section][k], want[k], k);
  }
  assert.deepEqual(p.unreadable, []);
  assert.ok(p.checks.length > 0);
  assert.ok(p.checks.every((c) => c.ok !== false));
});

test('an inconsistent report: the failing rule with its numbers, shown first in the terminal view', async () => {
  const p = await probeFile(path.join(DOCS, 'bad.rowsum.html'));
  const failed = p.checks.filter((c) => c.ok === false);
  assert.ok(failed.length > 0);
  assert.ok(failed.every((c) => c.rule === 's3.row_total'));
  const f = failed[0]!;
  assert.ok(f.expected !== null && f.actual !== null && f.expected !== f.actual);
  const text = fileProbeText(p);
  assert.match(text, new RegExp(`checks: \\n  FAILED s3\\.row_total ${f.scope.replace(/\./g, '\\.')}: expected ${f.expected}, found ${f.actual}`));
});
