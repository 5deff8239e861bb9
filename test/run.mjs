#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner: compiled (dist-test/, made by `npm run build`) when that
// build is of the tests and sources as they are, else through the tsx loader. Node 20's --test takes no globs, so the
// files are listed here. Pass file names or substrings to run a subset.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { layout, testBuildIsCurrent } from '../bin/dist-current.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules') continue;
    // Fixture trees hold data, not tests; only test files sitting directly in fixtures/ (corpus checks) are run.
    if (name === 'fixtures') {
      for (const f of readdirSync(full)) if (f.endsWith('.test.ts')) files.push(path.join(full, f));
      continue;
    }
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
})(root);
const filters = process.argv.slice(2);
// Filters match the path below test/, so a checkout whose own path holds the word does not select everything.
// The slowest files first, longest first (measured in CI, one to four minutes each; the blind crawl's three parts
// and the blind documents about 200 s each): three run at once, and a long file started late would keep the suite
// waiting on it alone (126f5fc: 1020 s, its test durations summing to 2565 s, 855 s if packed evenly). The rest in
// name order. Measured again after the office server and the headless shell (2026-12-04): test durations summing to
// 1966 s, suite 796 s.
const SLOW_FIRST = [
  'crawl/blind-portals.test.ts',
  'crawl/blind-portals-b.test.ts',
  'crawl/blind-portals-c.test.ts',
  'extract/blind-docs.test.ts',
  'e2e/worker-queue.test.ts',
  'catalog/postgres.test.ts',
  'bench/smoke.test.ts',
  'faults/kill9.test.ts',
  'extract/ocr.test.ts',
  'download/s3-store.test.ts',
  'extract/corpus.test.ts',
  'e2e/page-pictures.test.ts',
  'e2e/resume.test.ts',
  'e2e/js-platforms.test.ts',
  'faults/hostile.test.ts',
  'extract/bookkeeping.test.ts',
  'e2e/demo-outcome.test.ts',
  'crawl/blind-portals-faults.test.ts',
];
const rank = (f) => {
  const i = SLOW_FIRST.indexOf(path.relative(root, f).split(path.sep).join('/'));
  return i < 0 ? SLOW_FIRST.length : i;
};
const selected = files
  .sort()
  .sort((a, b) => rank(a) - rank(b))
  .filter((f) => filters.length === 0 || filters.some((s) => path.relative(root, f).includes(s)));
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// The compiled tests save about 0.5 s of CPU per file (tsx's loader hooks see every module a test loads), on the
// ~140 files about a minute of the suite on two cores. NIANBAO_FROM_SOURCES=1 runs the sources, as for the command.
const compiled = process.env.NIANBAO_FROM_SOURCES !== '1' && testBuildIsCurrent();
const checkout = path.dirname(root);
const loader = compiled ? [] : ['--import', 'tsx'];
const runnable = (f) => (compiled ? path.join(layout(checkout).tests, path.relative(checkout, f)).replace(/\.ts$/, '.js') : f);
console.error(compiled ? 'tests: the compiled build (dist-test/)' : 'tests: the sources through tsx (no current build: `npm run build` makes one)');

// Files run in groups: Node 20's runner starts a process per file, and a file's process spends about a second of
// CPU loading the modules it tests (Crawlee, cheerio, the catalog: measured 221 s over the 286 files, 2026-12-05)
// before its first test; the suite is CPU-bound on two cores (idle under 2 % all run long), so that second is the
// suite's. The files of one folder are imported, GROUP_SIZE at a time, by one generated file, which Node runs as one
// process: their tests run one after another in it, as a file's own tests do, each with its own name and location
// (14 blind-fix files: 11.7 s of CPU together against 35.7 s apart). Their root hooks all run in it (every file's
// `before` before the first test, every `after` after the last), so a file with a root `beforeEach` or `afterEach`
// (which would apply to the other files' tests), one of SLOW_FIRST (run alone, first, to spread them over the
// slots) and one whose source says `test-runner: alone` each run in a process of their own.
// NIANBAO_TEST_GROUP=1 runs every file alone, as before.
const GROUP_SIZE = Number(process.env.NIANBAO_TEST_GROUP) || 12;
const alone = (f) =>
  GROUP_SIZE === 1 ||
  rank(f) < SLOW_FIRST.length ||
  ((text) => /^(beforeEach|afterEach)\(/m.test(text) || text.includes('test-runner: alone'))(readFileSync(f, 'utf8'));
const folders = new Map();
for (const f of selected.filter((x) => !alone(x))) {
  const folder = path.relative(root, f).split(path.sep)[0];
  folders.set(folder, [...(folders.get(folder) ?? []), f]);
}
const groupDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-test-groups-'));
const groups = [...folders].flatMap(([folder, members]) =>
  Array.from({ length: Math.ceil(members.length / GROUP_SIZE) }, (_, i) => {
    const part = members.slice(i * GROUP_SIZE, (i + 1) * GROUP_SIZE);
    if (part.length === 1) return runnable(part[0]);
    const file = path.join(groupDir, `${folder}-${i + 1}.test.mjs`);
    const lines = part.map((m) => `import ${JSON.stringify(pathToFileURL(runnable(m)).href)}; // ${path.relative(checkout, m)}`);
    writeFileSync(file, `// ${part.length} test files of test/${folder}/ in one process (test/run.mjs)\n${lines.join('\n')}\n`);
    return file;
  }),
);
const testFiles = [...selected.filter((f) => rank(f) < SLOW_FIRST.length).map(runnable), ...groups, ...selected.filter((f) => rank(f) >= SLOW_FIRST.length && alone(f)).map(runnable)];
// Four processes at once on two cores: many tests wait (child processes starting, politeness delays, timeouts they
// provoke), and the three blind parts, started first, wait half their time while holding a slot. The suite is
// CPU-bound all the same (idle under 2 % from start to end, 2026-12-05): three or four at once made no difference
// beyond the runs' spread (884–948 s); grouping the light files did (CI's suite 790 s, bf101a5).
// NIANBAO_TEST_CONCURRENCY=N runs N at once instead (to measure another machine's best).
const concurrency = Number(process.env.NIANBAO_TEST_CONCURRENCY) || 4;
const result = spawnSync(
  process.execPath,
  [...loader, '--test', `--test-concurrency=${concurrency}`, ...testFiles],
  { stdio: 'inherit', cwd: checkout, env: { ...process.env, CRAWLEE_LOG_LEVEL: process.env.CRAWLEE_LOG_LEVEL ?? 'OFF' } },
);
rmSync(groupDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
