/**
 * A LibreOffice kept running for the conversions of one process (office-convert.py, through Python's UNO bridge):
 * a `soffice --convert-to` costs ≈ 5 s of CPU per file, nearly all of it LibreOffice starting; through a running
 * office a file costs a fraction of that. Started at the first conversion, stopped after IDLE_MS without one and when
 * the process exits; the office dies with this process even when it is killed (the script's PR_SET_PDEATHSIG).
 * Conversions go one at a time. Without a Python that has UNO (Debian's python3-uno), `officeServer()` gives
 * undefined and doc.ts converts with the one-shot command as before.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PQueue from 'p-queue';
import { which } from '../tools.ts';

const SCRIPT = fileURLToPath(new URL('./office-convert.py', import.meta.url));
/** Stop the office after this long without a conversion (it holds ≈ 200 MB). */
const IDLE_MS = 20_000;
/** Longest wait for the office to start (a first start makes its profile and starts twice). */
const START_TIMEOUT_MS = 120_000;

export class OfficeConversionError extends Error {
  constructor(
    message: string,
    /** True when the file could not be converted (try the one-shot command); false when it ran out of time. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'OfficeConversionError';
  }
}

interface Answer {
  ok?: boolean;
  ready?: boolean;
  error?: string;
  dead?: boolean;
}

class OfficeServer {
  private child: ChildProcess | undefined;
  private profileDir: string | undefined;
  private waiting: ((a: Answer | undefined) => void) | undefined;
  private idle: NodeJS.Timeout | undefined;
  private readonly queue = new PQueue({ concurrency: 1 });
  private readonly onExit = () => this.stop();

  constructor(
    private readonly python: string,
    private readonly sofficeBin: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Converts `input` into `output` with LibreOffice's export filter `filter` (e.g. "MS Word 2007 XML"). */
  convert(input: string, output: string, filter: string, timeoutMs: number): Promise<void> {
    return this.queue.add(async () => {
      clearTimeout(this.idle);
      try {
        if (!this.child) await this.start();
        const answer = await this.ask({ in: input, out: output, filter }, timeoutMs);
        if (!answer) throw new OfficeConversionError(`LibreOffice converted nothing within ${timeoutMs} ms`, false);
        if (!answer.ok) {
          if (answer.dead) this.stop();
          throw new OfficeConversionError(answer.error ?? 'LibreOffice could not convert the file', true);
        }
      } finally {
        this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
      }
    });
  }

  private async start(): Promise<void> {
    this.profileDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-office-'));
    const profile = pathToFileURL(path.join(this.profileDir, 'profile')).href;
    const pipe = `nianbao_${process.pid}_${path.basename(this.profileDir).replace(/\W/g, '')}`;
    const child = spawn(this.python, [SCRIPT, this.sofficeBin, profile, pipe, String(process.pid)], {
      env: this.env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.child = child;
    process.once('exit', this.onExit);
    // The server must not keep the process alive: a waiting conversion's own timer does while one is running.
    child.unref();
    for (const s of [child.stdin, child.stdout]) (s as unknown as { unref?: () => void } | null)?.unref?.();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let answer: Answer;
      try {
        answer = JSON.parse(line) as Answer;
      } catch {
        return; // not an answer (the script writes only JSON lines; a library printing is no reason to crash)
      }
      const w = this.waiting;
      this.waiting = undefined;
      w?.(answer);
    });
    child.on('exit', () => {
      if (this.child === child) this.stop();
    });
    child.stdin!.on('error', () => undefined); // a dead server: the exit above says so
    const ready = await this.answer(START_TIMEOUT_MS);
    if (!ready?.ready) {
      this.stop();
      throw new OfficeConversionError(ready?.error ?? 'LibreOffice did not start', true);
    }
  }

  private ask(request: Record<string, string>, timeoutMs: number): Promise<Answer | undefined> {
    const answer = this.answer(timeoutMs);
    this.child!.stdin!.write(JSON.stringify(request) + '\n');
    return answer;
  }

  /** The server's next line, or undefined when it exits or `timeoutMs` passes (then it is stopped). */
  private answer(timeoutMs: number): Promise<Answer | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.stop();
        resolve(undefined);
      }, timeoutMs);
      this.waiting = (a) => {
        clearTimeout(timer);
        resolve(a);
      };
    });
  }

  /** Kills the server (its office dies with it) and removes its profile. */
  stop(): void {
    clearTimeout(this.idle);
    process.removeListener('exit', this.onExit);
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
    this.profileDir = undefined;
    const w = this.waiting;
    this.waiting = undefined;
    w?.(undefined);
  }
}

let server: OfficeServer | null | undefined;

/**
 * The process's office server, or undefined when conversions must use the one-shot command: no soffice.bin beside
 * `soffice`, no Python with UNO, or NIANBAO_OFFICE_SERVER=0.
 */
export function officeServer(env: NodeJS.ProcessEnv = process.env): OfficeServer | undefined {
  if (server !== undefined) return server ?? undefined;
  server = null;
  if (env.NIANBAO_OFFICE_SERVER === '0') return undefined;
  const soffice = which('soffice', env);
  if (!soffice) return undefined;
  // `soffice` is a shell script starting oosplash, which starts soffice.bin: the script runs soffice.bin itself, so
  // that the office is its own child and dies with it.
  const bin = path.join(path.dirname(realpathSync(soffice)), 'soffice.bin');
  if (!existsSync(bin)) return undefined;
  // pyenv and virtualenvs put a python3 without LibreOffice's module first on PATH: Debian's is tried after it.
  const python = [which('python3', env), '/usr/bin/python3'].find((p) => p && spawnSync(p, ['-c', 'import uno'], { env, stdio: 'ignore', timeout: 20_000 }).status === 0);
  if (!python) return undefined;
  server = new OfficeServer(python, bin, env);
  return server;
}

export type { OfficeServer };
