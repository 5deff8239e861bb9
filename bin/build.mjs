#!/usr/bin/env node
// `npm run build`: type-checks the whole project and compiles src/ into dist/ (JavaScript, same layout), with every
// file src/ reads beside its code (migrations, the web view's static files, the division table, the worker entry).
// bin/nianbao.mjs then runs dist/ instead of loading the sources through tsx: a crawl starts in about 1.4 s of CPU
// instead of 3.2 s, `status` in 0.25 s instead of 0.6 s. It does so only while dist/ is current (bin/dist-current.mjs),
// so an edited source is never run from an older build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT as root, layout, sourceFiles, TEST_OUTPUT, TEST_TREES, testFiles } from './dist-current.mjs';

const { src: SRC, dist: DIST, stamp: STAMP, tests: TESTS, testStamp: TEST_STAMP } = layout();
// Taken before compiling: a source saved while tsc runs is newer than the stamp, so the build counts as stale.
const startedAt = Date.now();
const files = sourceFiles();
const tests = testFiles();

// One tsc run type-checks the whole project (tsconfig.json: src, test, bench) and emits it into a scratch directory,
// of which src/ becomes dist/: a second, emit-only run over src/ alone would check src/ twice.
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('build: TypeScript is not installed (a dev dependency): run `npm ci` without --omit=dev, then build again');
  process.exit(1);
}
const scratch = path.join(root, 'dist.tmp');
rmSync(scratch, { recursive: true, force: true });
const r = spawnSync(
  process.execPath,
  [tsc, '-p', path.join(root, 'tsconfig.json'), '--noEmit', 'false', '--outDir', scratch, '--rootDir', root, '--rewriteRelativeImportExtensions'],
  { stdio: 'inherit', cwd: root },
);
if (r.status !== 0) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(`build: the type check failed (tsc exit ${r.status ?? r.signal}); dist/ left as it was`);
  process.exit(1);
}
rmSync(DIST, { recursive: true, force: true });
rmSync(TESTS, { recursive: true, force: true });
renameSync(path.join(scratch, 'src'), DIST);
mkdirSync(TESTS);
for (const tree of TEST_TREES) renameSync(path.join(scratch, tree), path.join(TESTS, tree));
rmSync(scratch, { recursive: true, force: true });

// Everything in src/ that is not TypeScript is read at run time by the code beside it: copy it to the same place.
for (const rel of files) {
  if (rel.endsWith('.ts')) continue;
  mkdirSync(path.dirname(path.join(DIST, rel)), { recursive: true });
  cpSync(path.join(SRC, rel), path.join(DIST, rel));
}
writeFileSync(STAMP, JSON.stringify({ builtAt: startedAt, files: files.length }) + '\n');

// dist-test/ is the compiled tests (test/run.mjs runs them without tsx, about 0.5 s of CPU less per test file) laid
// out as a checkout, so that every path a test takes from its own place resolves as from test/: src/ is dist/, each
// other file of test/ and bench/ (fixtures, documents, the .ts a test hands to a child process) a link to the original,
// and bin/, seeds/, node_modules and package.json links to the checkout's.
const link = (target, at) => symlinkSync(path.relative(path.dirname(at), target), at);
for (const rel of tests) {
  const at = path.join(TESTS, rel);
  if (existsSync(at)) continue; // a JSON module tsc copied
  mkdirSync(path.dirname(at), { recursive: true });
  link(path.join(root, rel), at);
}
for (const rel of TEST_OUTPUT) link(path.join(root, rel), path.join(TESTS, rel));
link(DIST, path.join(TESTS, 'src'));
for (const name of ['bin', 'seeds', 'node_modules', 'package.json']) link(path.join(root, name), path.join(TESTS, name));
writeFileSync(TEST_STAMP, JSON.stringify({ builtAt: startedAt, files: tests.length }) + '\n');
console.log(`build: ${files.length} source files compiled into ${path.relative(root, DIST)}/, ${tests.length} test files into ${path.relative(root, TESTS)}/`);
