/**
 * Extraction off the main thread: a p-queue in front of a small set of worker processes. Each document has a
 * timeout; a worker that hangs, crashes or runs out of memory is killed and replaced, and its document gets a
 * `failed` result with the reason. `extract()` never rejects, so one broken document never stops a run.
 *
 * Processes, not worker threads, so that each worker collects its garbage on its own thread (--single-threaded-gc,
 * a process-wide V8 flag that cannot be set for a worker thread, nor at run time): V8's parallel GC helpers spent
 * ≈ 40–55 ms of another core per text PDF of ≈ 100 ms, so one worker thread took 1.3–1.5 cores and a second one on
 * a 2-core machine added only what was left (1.1–1.4× measured). With the collector on the worker's own thread a
 * worker is one core, and it was also faster per document (≈ 1.3–1.6× in alternating runs: pdf.js allocates a lot of
 * short-lived objects, and parallel scavenges cost more in synchronisation than they save). Process start-up
 * (≈ 1 s, tsx and the extractors' modules) is paid once per worker, not per document.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import type { ExtractInput, ExtractOptions } from './index.ts';
import type { ExtractionResult } from './types.ts';

export interface PoolOptions {
  /** Documents extracted at once (one worker each). Default: one per core. The main thread only hands out paths and
   * writes results (a few ms per document against 100 ms to seconds of parsing or OCR), so holding a core back for
   * it left half of a 2-core machine idle. */
  concurrency?: number;
  /** Per-document time limit in ms. Default 180 000 (OCR of a long scan is slow). */
  timeoutMs?: number;
  /** Heap limit of each worker in MB; a document that needs more fails instead of taking the process down. Default 1024. */
  maxHeapMb?: number;
  /** Options passed to every extraction. */
  extract?: ExtractOptions;
  /** Worker entry module. Default ./worker.mjs; tests substitute a misbehaving one. */
  workerUrl?: URL;
}

/** A worker's event-loop time busy and idle, and its CPU time (user + system), ms, since it started. */
export interface Usage {
  active: number;
  idle: number;
  cpuMs: number;
}

/** What a worker process sends: `ready` once loaded, a result per document, `crashed` before dying of a throw. */
type WorkerMessage =
  | { ready: true }
  | { id: number; result: ExtractionResult; elu?: Usage }
  | { crashed: string };

interface Slot {
  worker: ChildProcess;
  /** The worker's usage as of its last answer. */
  elu: Usage;
  busy: boolean;
  /** Resolves when the worker has loaded its modules: a document's time limit starts only then, so a slow start
   * on a loaded machine is not charged to the first document. */
  ready: Promise<void>;
}

/** How long a worker may take to load before it counts as broken. */
const STARTUP_TIMEOUT_MS = 120_000;

export class ExtractionPool {
  private readonly queue: PQueue;
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  private readonly opts: Required<Omit<PoolOptions, 'extract'>> & { extract?: ExtractOptions };

  constructor(opts: PoolOptions = {}) {
    this.opts = {
      concurrency: opts.concurrency ?? os.availableParallelism(),
      timeoutMs: opts.timeoutMs ?? 180_000,
      maxHeapMb: opts.maxHeapMb ?? 1024,
      workerUrl: opts.workerUrl ?? new URL('./worker.mjs', import.meta.url),
      extract: opts.extract,
    };
    this.queue = new PQueue({ concurrency: this.opts.concurrency });
  }

  /** Documents extracted at once. */
  get concurrency(): number {
    return this.opts.concurrency;
  }

  /** Extracts one document in a worker. Resolves with a `failed` result on timeout or worker death. */
  extract(input: ExtractInput, opts?: ExtractOptions): Promise<ExtractionResult> {
    if (this.closed) return Promise.resolve(failed('pool is closed'));
    return this.queue.add(() => this.runOne(input, { ...this.opts.extract, ...opts }), { throwOnTimeout: true }) as Promise<ExtractionResult>;
  }

  /**
   * Each live worker's event-loop time so far, busy and idle (ms): a worker busy all the time it is alive is never
   * kept waiting for work. For the bench, which takes differences between two readings.
   */
  utilization(): Usage[] {
    return this.slots.map((s) => ({ ...s.elu }));
  }

  /** Waits for queued work, then stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.onIdle();
    for (const s of this.slots.splice(0)) kill(s.worker);
  }

  private acquire(): Slot {
    const idle = this.slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    const worker = fork(fileURLToPath(this.opts.workerUrl), [], {
      execArgv: ['--single-threaded-gc', `--max-old-space-size=${this.opts.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: WorkerMessage) => {
        if (!('ready' in msg)) return;
        cleanup();
        resolve();
      };
      const onError = (err: Error) => (cleanup(), reject(err));
      const onExit = (code: number | null, signal: string | null) => (cleanup(), reject(new Error(`exited with ${exitOf(code, signal)} while starting`)));
      const timer = setTimeout(() => (cleanup(), reject(new Error(`did not start within ${STARTUP_TIMEOUT_MS} ms`))), STARTUP_TIMEOUT_MS);
      timer.unref();
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    ready.catch(() => undefined); // observed in runOne
    const slot: Slot = { worker, busy: true, ready, elu: { active: 0, idle: 0, cpuMs: 0 } };
    this.slots.push(slot);
    return slot;
  }

  private discard(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    kill(slot.worker);
  }

  private async runOne(input: ExtractInput, opts: ExtractOptions): Promise<ExtractionResult> {
    const slot = this.acquire();
    const id = this.nextId++;
    hold(slot.worker, true);
    try {
      await slot.ready;
    } catch (err) {
      this.discard(slot);
      return failed(`worker failed to start: ${(err as Error).message}`);
    }
    return new Promise((resolve) => {
      const { worker } = slot;
      let done = false;
      const finish = (result: ExtractionResult, healthy: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) slot.busy = false;
        else this.discard(slot);
        resolve(result);
      };
      let crashed: string | null = null;
      const onMessage = (msg: WorkerMessage) => {
        if ('crashed' in msg) crashed = msg.crashed;
        else if ('id' in msg && msg.id === id) {
          if (msg.elu) slot.elu = msg.elu;
          finish(msg.result, true);
        }
      };
      const onError = (err: Error) => finish(failed(`worker crashed: ${err.message}`), false);
      const onExit = (code: number | null, signal: string | null) =>
        finish(failed(crashed !== null ? `worker crashed: ${crashed}` : `worker exited with ${exitOf(code, signal)}`), false);
      const timer = setTimeout(() => finish(failed(`timeout after ${this.opts.timeoutMs} ms`), false), this.opts.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.send({ id, input, opts });
    }).finally(() => {
      if (this.slots.includes(slot)) hold(slot.worker, false);
    }) as Promise<ExtractionResult>;
  }
}

/** Whether an idle worker keeps this process alive: only while it holds a document. */
function hold(worker: ChildProcess, busy: boolean): void {
  if (busy) {
    worker.ref();
    worker.channel?.ref();
  } else {
    worker.unref();
    worker.channel?.unref();
  }
}

function kill(worker: ChildProcess): void {
  if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
}

function exitOf(code: number | null, signal: string | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

function failed(reason: string): ExtractionResult {
  return { status: 'failed', reason, extractor: 'pool', text: '', figures: {}, unreadable: [], checks: [] };
}
