/** The machine a benchmark ran on: figures mean little without it. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { distIsCurrent } from '../bin/dist-current.mjs';
import { wgetVersion } from './tools.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  wget: string | null;
  pdftotext: string | null;
  gnuTime: boolean;
  /** How the `nianbao` child processes ran: compiled (`npm run build`, as `npm run bench` does first) or through tsx. */
  cli?: 'compiled dist/' | 'sources through tsx';
  /** 1-minute load averages at the start and the end of the run: other work on the machine skews every timing. */
  loadAverage: { start: number; end: number };
}

function pdftotextVersion(): string | null {
  try {
    // pdftotext prints its version on stderr; execFileSync only returns stdout, so ask for both.
    return execFileSync('sh', ['-c', 'pdftotext -v 2>&1'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    return null;
  }
}

export function machine(gnuTime: boolean, loadAtStart: number): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    wget: wgetVersion(),
    pdftotext: pdftotextVersion(),
    gnuTime,
    cli: distIsCurrent() ? 'compiled dist/' : 'sources through tsx',
    loadAverage: { start: loadAtStart, end: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}
