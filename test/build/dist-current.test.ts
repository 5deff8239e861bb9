/** When bin/nianbao.mjs may run dist/ (a build of the sources as they are) instead of the sources through tsx. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { distIsCurrent, layout, ROOT, sourceFiles, testBuildIsCurrent, testFiles } from '../../bin/dist-current.mjs';

const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-dist-current-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { src, dist, stamp, tests, testStamp } = layout(root);
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
  // Tests: a test file, a fixture, a bench module and a bench result, the tests built just now too.
  for (const dir of ['test', 'bench']) rmSync(path.join(root, dir), { recursive: true, force: true });
  rmSync(tests, { recursive: true, force: true });
  for (const rel of ['test/a.test.ts', 'test/fixtures/page.html', 'bench/run.ts', 'bench/results/old.json']) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), '{}\n');
    utimesSync(path.join(root, rel), past, past);
  }
  mkdirSync(tests);
  writeFileSync(testStamp, JSON.stringify({ builtAt: Date.now() - 1000, files: 3 }));
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

test('the compiled tests are current while the tests, fixtures, bench modules and sources are as they were built', () => {
  assert.deepEqual(testFiles(root).sort(), ['bench/run.ts', 'test/a.test.ts', 'test/fixtures/page.html'].map((p) => p.split('/').join(path.sep)));
  assert.equal(testBuildIsCurrent(root), true);
  // A bench run's result is output, not a source of the tests.
  writeFileSync(path.join(root, 'bench/results/new.json'), '{}\n');
  assert.equal(testBuildIsCurrent(root), true);
});

test('an edited test, an added fixture, or stale sources make the compiled tests stale', () => {
  writeFileSync(path.join(root, 'test/a.test.ts'), 'export const edited = 1;\n');
  assert.equal(testBuildIsCurrent(root), false);
  utimesSync(path.join(root, 'test/a.test.ts'), past, past);
  assert.equal(testBuildIsCurrent(root), true);
  writeFileSync(path.join(root, 'test/fixtures/other.html'), '<p></p>\n');
  utimesSync(path.join(root, 'test/fixtures/other.html'), past, past);
  assert.equal(testBuildIsCurrent(root), false, 'a fixture added since the build has no link in dist-test/');
  rmSync(path.join(root, 'test/fixtures/other.html'));
  assert.equal(testBuildIsCurrent(root), true);
  writeFileSync(path.join(src, 'errors.ts'), 'export const edited = 1;\n');
  assert.equal(testBuildIsCurrent(root), false, 'compiled tests import dist/, which is stale');
  rmSync(testStamp);
  utimesSync(path.join(src, 'errors.ts'), past, past);
  assert.equal(testBuildIsCurrent(root), false);
});

test('this checkout\'s dist-test/, when current, holds every file of the tests where a test looks for it', (t) => {
  if (!testBuildIsCurrent(ROOT)) return t.skip('dist-test/ is not a build of this checkout as it is (`npm run build`)');
  const { tests: built, dist: compiled } = layout(ROOT);
  for (const rel of testFiles(ROOT)) {
    const at = path.join(built, rel);
    assert.ok(existsSync(at), `${rel} is missing from dist-test/`);
    assert.equal(realpathSync(at), realpathSync(path.join(ROOT, rel)), `${rel} in dist-test/ is not the checkout's file`);
    if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) assert.ok(existsSync(at.replace(/\.ts$/, '.js')), `${rel} was not compiled`);
  }
  assert.equal(realpathSync(path.join(built, 'src')), realpathSync(compiled));
  for (const name of ['bin', 'seeds', 'node_modules', 'package.json']) assert.equal(realpathSync(path.join(built, name)), realpathSync(path.join(ROOT, name)));
});
