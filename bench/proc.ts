/**
 * Runs a child process and measures it: wall time, CPU time and peak resident memory. GNU time (`/usr/bin/time -v`,
 * Debian package `time`) reports the peak from the kernel; without it /proc/<pid>/status VmHWM is polled, which
 * can miss a short spike between two polls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measured {
  command: string;
  exitCode: number;
  wallMs: number;
  /** User + system CPU seconds (GNU time only; null when polled). */
  cpuSec: number | null;
  /** The two parts of cpuSec: user and system (kernel) CPU seconds (GNU time only; null when polled). */
  userSec: number | null;
  sysSec: number | null;
  peakRssMiB: number | null;
  stdout: string;
  stderr: string;
  via: 'gnu-time' | 'proc-poll';
}

const GNU_TIME = '/usr/bin/time';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed after this long (the bench must end). Default 20 minutes. */
  timeoutMs?: number;
  /** Told the started process (GNU time's, when it measures): to signal what it runs. */
  onSpawn?: (child: ChildProcess) => void;
}

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<Measured> {
  const gnu = existsSync(GNU_TIME);
  const argv = gnu ? ['-v', cmd, ...args] : args;
  const started = Date.now();
  const child = spawn(gnu ? GNU_TIME : cmd, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  opts.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  let polledKiB = 0;
  const poll = gnu
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polledKiB = Math.max(polledKiB, Number(m[1]));
        } catch {
          // The process has just exited.
        }
      }, 50);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20 * 60_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const wallMs = Date.now() - started;
      const command = [cmd, ...args].join(' ');
      if (!gnu) {
        resolve({ command, exitCode: code ?? (signal ? 128 : 1), wallMs, cpuSec: null, userSec: null, sysSec: null, peakRssMiB: polledKiB ? polledKiB / 1024 : null, stdout, stderr, via: 'proc-poll' });
        return;
      }
      const num = (label: string) => {
        const m = new RegExp(`${label}:\\s*([\\d.]+)`).exec(stderr);
        return m ? Number(m[1]) : null;
      };
      const user = num('User time \\(seconds\\)');
      const sys = num('System time \\(seconds\\)');
      const rss = num('Maximum resident set size \\(kbytes\\)');
      const exit = num('Exit status');
      resolve({
        command,
        exitCode: exit ?? code ?? 1,
        wallMs,
        cpuSec: user !== null && sys !== null ? user + sys : null,
        userSec: user,
        sysSec: sys,
        peakRssMiB: rss !== null ? rss / 1024 : null,
        stdout,
        stderr,
        via: 'gnu-time',
      });
    });
  });
}

/** Runs tasks with at most `limit` at once; results in task order. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
