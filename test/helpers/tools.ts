/**
 * System tools some tests need (Chromium, LibreOffice, tesseract with chi_sim, poppler, wget for the bench). Outside CI a test whose
 * tool is missing is reported as SKIPPED with the reason; under CI=true it FAILS with a line naming the Debian
 * package, so a CI machine that lacks a tool can never pass by skipping silently. Only tests that need a tool call
 * this: a file's other tests run either way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { officeServer } from '../../src/extract/formats/office-server.ts';
import { which } from '../../src/extract/tools.ts';

export type Tool = 'chromium' | 'soffice' | 'python3-uno' | 'tesseract+chi_sim' | 'pdftoppm' | 'wget' | 'postgres';

/** Debian packages that provide each tool (what .ci/run installs). */
export const TOOL_PACKAGES: Record<Tool, string> = {
  chromium: 'chromium-headless-shell (or chromium)',
  soffice: 'libreoffice-writer-nogui libreoffice-calc-nogui',
  'python3-uno': 'python3-uno',
  'tesseract+chi_sim': 'tesseract-ocr tesseract-ocr-chi-sim',
  pdftoppm: 'poppler-utils',
  wget: 'wget',
  postgres: 'postgresql',
};

function tesseractHasChiSim(env: NodeJS.ProcessEnv): string | null {
  const bin = which('tesseract', env);
  if (!bin) return 'tesseract is not on PATH';
  try {
    const langs = execFileSync(bin, ['--list-langs'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    return langs.split('\n').some((l) => l.trim() === 'chi_sim') ? null : 'tesseract has no chi_sim language data';
  } catch (err) {
    return `tesseract --list-langs failed: ${(err as Error).message}`;
  }
}

/** Why `tool` cannot be used here, or null when it can. `env` is for tests of this module. */
export function toolProblem(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | null {
  switch (tool) {
    case 'chromium': {
      const p = loadConfig({}, { NIANBAO_CHROMIUM: env.NIANBAO_CHROMIUM }).chromiumPath;
      return existsSync(p) ? null : `no Chromium at ${p}`;
    }
    case 'tesseract+chi_sim':
      return tesseractHasChiSim(env);
    case 'python3-uno':
      return officeServer(env) ? null : 'no python3 with LibreOffice\'s uno module (or no soffice.bin beside soffice)';
    case 'postgres':
      return postgresBinDir(env) ? null : 'no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql';
    default:
      return which(tool, env) ? null : `${tool} is not on PATH`;
  }
}

/**
 * Where PostgreSQL's server binaries are: Debian's `postgresql` package keeps initdb and pg_ctl under
 * /usr/lib/postgresql/<major>/bin, off PATH (the newest major is taken); a PATH that has them wins.
 */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const onPath = which('initdb', env);
  if (onPath && which('pg_ctl', env)) return path.dirname(realpathSync(onPath));
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) {
    const bin = path.join(root, m, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

const isCi = (env: NodeJS.ProcessEnv) => env.CI === 'true' || env.CI === '1';

/** The one line a CI run fails with. */
export function missingToolLine(tool: Tool, problem: string): string {
  return `required tool missing under CI: ${problem}; install the Debian package(s): ${TOOL_PACKAGES[tool]}`;
}

/**
 * What a test should do about `tools`: 'run' when all are present; otherwise under CI it throws (the test fails with
 * the package to install), outside CI it returns the skip reason.
 */
export function toolDecision(tools: Tool[], env: NodeJS.ProcessEnv = process.env): 'run' | { skip: string } {
  for (const tool of tools) {
    const problem = toolProblem(tool, env);
    if (problem === null) continue;
    if (isCi(env)) throw new Error(missingToolLine(tool, problem));
    return { skip: `${problem} (Debian package: ${TOOL_PACKAGES[tool]})` };
  }
  return 'run';
}

/**
 * Call first inside a test that needs `tools`: returns true when they are present. Otherwise outside CI it marks
 * the test skipped with the reason and returns false (the test must then return); under CI=true it throws.
 */
export function requireTools(t: TestContext, ...tools: Tool[]): boolean {
  const d = toolDecision(tools);
  if (d === 'run') return true;
  t.skip(d.skip);
  return false;
}
