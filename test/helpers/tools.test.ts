// The missing-tool rule: skipped with the reason outside CI, failed naming the Debian package under CI=true.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from './tmp.ts';
import { toolDecision, toolProblem } from './tools.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NO_TOOLS = { PATH: '/nonexistent', NIANBAO_CHROMIUM: '/nonexistent/chromium' };

test('a missing tool is a skip reason outside CI, naming the problem and the package', () => {
  for (const CI of [undefined, 'false', '']) {
    const d = toolDecision(['chromium'], { ...NO_TOOLS, CI });
    assert.notEqual(d, 'run');
    assert.match((d as { skip: string }).skip, /no Chromium at \/nonexistent\/chromium \(Debian package: chromium-headless-shell \(or chromium\)\)/);
  }
  const soffice = toolDecision(['soffice'], NO_TOOLS) as { skip: string };
  assert.match(soffice.skip, /soffice is not on PATH.*libreoffice-writer-nogui/);
  const ocr = toolDecision(['tesseract+chi_sim', 'pdftoppm'], NO_TOOLS) as { skip: string };
  assert.match(ocr.skip, /tesseract is not on PATH.*tesseract-ocr-chi-sim/);
});

test('under CI=true a missing tool throws one line naming the Debian package', () => {
  assert.throws(() => toolDecision(['pdftoppm'], { ...NO_TOOLS, CI: 'true' }), /required tool missing under CI: pdftoppm is not on PATH; install the Debian package\(s\): poppler-utils/);
  assert.throws(() => toolDecision(['chromium'], { ...NO_TOOLS, CI: 'true' }), /no Chromium at \/nonexistent\/chromium.*: chromium-headless-shell \(or chromium\)$/);
});

test('a tool that is there is "run", with or without CI', () => {
  // node itself stands in for an installed tool: its directory on PATH makes `which` find it.
  const env = { PATH: path.dirname(process.execPath), CI: 'true' };
  assert.equal(toolProblem('soffice', { PATH: '/nonexistent' }), 'soffice is not on PATH');
  const fakeChromium = { ...env, NIANBAO_CHROMIUM: process.execPath };
  assert.equal(toolDecision(['chromium'], fakeChromium), 'run');
});

/** Runs a one-test file through node's test runner, as test/run.mjs does, and returns its exit status and output. */
function runProbe(env: NodeJS.ProcessEnv): { status: number | null; out: string } {
  const file = path.join(tempDir(), 'probe.test.ts');
  const helper = pathToFileURL(path.join(repoRoot, 'test/helpers/tools.ts')).href;
  writeFileSync(
    file,
    `import { test } from 'node:test';
import { requireTools } from ${JSON.stringify(helper)};
test('needs poppler', (t) => {
  if (!requireTools(t, 'pdftoppm')) return;
});
`,
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', file], {
    cwd: repoRoot,
    encoding: 'utf8',
    // NODE_TEST_CONTEXT would make the child report to this runner instead of running its own file.
    env: { ...process.env, CI: undefined, NODE_TEST_CONTEXT: undefined, ...env },
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('requireTools in a real test: the run FAILS under CI=true, and is reported skipped (passing) outside CI', () => {
  // PATH must still find nothing called pdftoppm; node is started by absolute path, so an empty PATH is fine.
  const ci = runProbe({ CI: 'true', PATH: '/nonexistent' });
  assert.notEqual(ci.status, 0, ci.out);
  assert.match(ci.out, /required tool missing under CI: pdftoppm is not on PATH; install the Debian package\(s\): poppler-utils/);
  const local = runProbe({ PATH: '/nonexistent' });
  assert.equal(local.status, 0, local.out);
  assert.match(local.out, /# SKIP pdftoppm is not on PATH \(Debian package: poppler-utils\)/);
  assert.match(local.out, /# skipped 1/);
});
