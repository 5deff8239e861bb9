/**
 * External programs (LibreOffice, poppler, tesseract): found on PATH, run with a timeout, never through a shell.
 * A missing program is a status (`needs_ocr`, or a reason on the result), never a crash.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
    this.name = 'ToolMissingError';
  }
}

/** The absolute path of `name` on `PATH` (or `env.PATH`), or undefined. */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const full = path.join(dir, name);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

export interface RunOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Largest stdout kept, in bytes. Default 64 MB (pgm pages go to files, not stdout). */
  maxBuffer?: number;
}

export function run(tool: string, args: string[], opts: RunOptions): Promise<{ stdout: Buffer; stderr: string }> {
  const bin = which(tool, opts.env);
  if (!bin) return Promise.reject(new ToolMissingError(tool));
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      { timeout: opts.timeoutMs, killSignal: 'SIGKILL', env: opts.env ?? process.env, cwd: opts.cwd, encoding: 'buffer', maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(Object.assign(err, { stderr: stderr?.toString() }));
        else resolve({ stdout, stderr: stderr.toString() });
      },
    );
  });
}
