/** Runs the `nianbao` command as a user would, in a child process, collecting its output and exit code. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export function runNianbao(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NIANBAO_BACKOFF_MS: '50', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((r) => child.on('exit', (code) => r({ code, out, err })));
}
