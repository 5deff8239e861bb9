/** When bin/nianbao.mjs may run dist/ (a build of the sources as they are) instead of the sources through tsx. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { distIsCurrent, layout, sourceFiles } from '../../bin/dist-current.mjs';

const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-dist-current-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { src, dist, stamp } = layout(root);
const past = new Date(Date.now() - 60_000);

/** A checkout of two sources saved a minute ago, built just now. */
beforeEach(() => {
  rmSync(src, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(path.join(src, 'cli'), { recursive: true });
  mkdirSync(dist);
  for (const rel of ['errors.ts', 'cli/main.ts']) {
    writeFileSync(path.join(src, rel), 'export {};\n');
    utimesSync(path.join(src, rel), past, past);
  }
  writeFileSync(stamp, JSON.stringify({ builtAt: Date.now() - 1000, files: 2 }));
});

test('a build of the sources as they are is current', () => {
  assert.deepEqual(sourceFiles(root).sort(), ['cli/main.ts', 'errors.ts']);
  assert.equal(distIsCurrent(root), true);
});

test('a source saved after the build started makes it stale', () => {
  writeFileSync(path.join(src, 'cli', 'main.ts'), 'export const edited = 1;\n');
  assert.equal(distIsCurrent(root), false);
});

test('a source added or removed since the build makes it stale, even one with an old date', () => {
  writeFileSync(path.join(src, 'cli', 'new.ts'), 'export {};\n');
  utimesSync(path.join(src, 'cli', 'new.ts'), past, past);
  assert.equal(distIsCurrent(root), false);
  rmSync(path.join(src, 'cli', 'new.ts'));
  rmSync(path.join(src, 'errors.ts'));
  assert.equal(distIsCurrent(root), false);
});

test('no stamp, or a torn one, is no build', () => {
  rmSync(stamp);
  assert.equal(distIsCurrent(root), false);
  writeFileSync(stamp, '{"builtAt": 17');
  assert.equal(distIsCurrent(root), false);
});

test('the command runs from its sources through tsx when told to, whatever dist/ holds', async () => {
  const { runNianbao } = await import('../helpers/cli.ts');
  const storage = path.join(root, 'storage');
  for (const env of [{ NIANBAO_FROM_SOURCES: '1' }, {}]) {
    const r = await runNianbao(['status', '--storage', storage], env);
    assert.equal(r.code, 6, r.err); // no catalog there: the same answer from either
    assert.match(r.err, /no catalog at .*catalog\.sqlite/);
  }
});
