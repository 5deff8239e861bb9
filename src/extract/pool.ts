/**
 * Extraction off the main thread: a p-queue in front of a small set of worker processes. Each document has a
 * timeout; a worker that hangs, crashes or runs out of memory is killed and replaced, and its document gets a
 * `failed` result with the reason. `extract()` never rejects, so one broken document never stops a run.
 *
 * Processes, not worker threads, so that each worker collects its garbage on its own thread (--single-threaded-gc,
 * a process-wide V8 flag that cannot be set for a worker thread, nor at run time): V8's parallel GC helpers spent
 * ≈ 40–55 ms of another core per text PDF of ≈ 100 ms, so one worker thread took 1.3–1.5 cores and a second one on
 * a 2-core machine added only what was left (1.1–1.4× measured). With the collector on the worker's own thread it
 * was also faster per document (≈ 1.3–1.6× in alternating runs: pdf.js allocates a lot of short-lived objects, and
 * parallel scavenges cost more in synchronisation than they save). Process start-up (≈ 1 s, tsx and the extractors'
 * modules) is paid once per worker, not per document.
 *
 * That still left a worker at ≈ 1.17 cores: V8 compiles optimized code on background threads, and pdf.js keeps it
 * busy (its text-content loop is a closure made per page that is deoptimized and optimized again on every page;
 * `--trace-opt`: ≈ 4.5 optimizations a document after warm-up). A pool with a worker per core (the default) runs
 * its workers with every V8 background task on the worker's own thread (`--single-threaded`): the same CPU per
 * document, but no worker takes another's core: text PDFs, two workers on 2 cores, 12.4–13.3 docs/s against
 * 11.5–12.2 (alternating runs, idle machine, 2026-12-07). A pool with cores to spare keeps the compiler on its
 * background threads, where it costs no worker's time (one worker alone: 7.4–7.6 docs/s against 6.4 single-threaded).
 *
 * Each worker holds up to PER_WORKER documents: the one it is extracting and the next, which it starts the moment
 * it answers the first. With one at a time a worker waited, after each answer, for the parent to receive and
 * decode the result and send the next path; on 2 cores the parent competes with the workers for CPU, and the
 * workers sat idle about half of the time (text PDFs: 1.57× one worker's docs/s with two, against 1.7× wanted).
 * A worker extracts its documents one after the other (src/extract/worker-main.ts), so a document's time limit
 * starts when the one before it is answered. When a worker dies or is killed, the document it was extracting gets
 * the `failed` result; the one waiting behind it goes to another worker, never failed for its neighbour's fault.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import type { ExtractInput, ExtractOptions } from './index.ts';
import type { ExtractionResult } from './types.ts';

export interface PoolOptions {
  /** Worker processes (documents extracted at once). Default: one per core. The main thread only hands out paths
   * and writes results (a few ms per document against 100 ms to seconds of parsing or OCR), so holding a core back
   * for it left half of a 2-core machine idle. */
  concurrency?: number;
  /** Per-document time limit in ms, counted from when its worker starts it. Default 180 000 (OCR of a long scan is slow). */
  timeoutMs?: number;
  /** Heap limit of each worker in MB; a document that needs more fails instead of taking the process down. Default 1024. */
  maxHeapMb?: number;
  /** Options passed to every extraction. */
  extract?: ExtractOptions;
  /** Every V8 background task of a worker on its own thread (`--single-threaded`), so a worker takes one core and no
   * more. Default: when the workers are as many as the cores (see the top of this file). */
  singleThreaded?: boolean;
  /** Worker entry module. Default ./worker.mjs; tests substitute a misbehaving one. */
  workerUrl?: URL;
}

/** A worker's event-loop time busy and idle, and its CPU time (user + system), ms, since it started. */
export interface Usage {
  active: number;
  idle: number;
  cpuMs: number;
}

/** What a worker process sends: `ready` once loaded, a result per document, `crashed` (with the document it was
 * extracting, when it knows) before dying of a throw. */
type WorkerMessage =
  | { ready: true }
  | { id: number; result: ExtractionResult; elu?: Usage }
  | { crashed: string; id?: number };

/** Documents a worker holds at once: the one it extracts and the next. */
const PER_WORKER = 2;

interface Job {
  id: number;
  input: ExtractInput;
  opts: ExtractOptions;
  resolve: (result: ExtractionResult) => void;
  /** Armed while the worker extracts it (it is the oldest of its worker's jobs). */
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: ChildProcess;
  /** The worker's usage as of its last answer. */
  elu: Usage;
  /** Sent, not yet answered, oldest first: the first is the one being extracted. */
  jobs: Job[];
  /** Resolves when the worker has loaded its modules: a document's time limit starts only then, so a slow start
   * on a loaded machine is not charged to the first document. */
  ready: Promise<void>;
  started: boolean;
  /** What the worker said before dying of a throw. */
  crashed: { message: string; id?: number } | null;
  gone: boolean;
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
    const concurrency = opts.concurrency ?? os.availableParallelism();
    this.opts = {
      concurrency,
      singleThreaded: opts.singleThreaded ?? concurrency >= os.availableParallelism(),
      timeoutMs: opts.timeoutMs ?? 180_000,
      maxHeapMb: opts.maxHeapMb ?? 1024,
      workerUrl: opts.workerUrl ?? new URL('./worker.mjs', import.meta.url),
      extract: opts.extract,
    };
    this.queue = new PQueue({ concurrency: this.opts.concurrency * PER_WORKER });
  }

  /** Worker processes: documents extracted at once. */
  get concurrency(): number {
    return this.opts.concurrency;
  }

  /** Extracts one document in a worker. Resolves with a `failed` result on timeout or worker death. */
  extract(input: ExtractInput, opts?: ExtractOptions): Promise<ExtractionResult> {
    if (this.closed) return Promise.resolve(failed('pool is closed'));
    const options = { ...this.opts.extract, ...opts };
    return this.queue.add(
      () => new Promise<ExtractionResult>((resolve) => this.dispatch({ id: this.nextId++, input, opts: options, resolve })),
      { throwOnTimeout: true },
    ) as Promise<ExtractionResult>;
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
    for (const s of this.slots.splice(0)) {
      s.gone = true;
      kill(s.worker);
    }
  }

  /** Gives a job to the least loaded worker (a new one while fewer than `concurrency` run and none is free). */
  private dispatch(job: Job): void {
    let slot = this.slots.reduce<Slot | undefined>((best, s) => (!best || s.jobs.length < best.jobs.length ? s : best), undefined);
    if (!slot || (slot.jobs.length > 0 && this.slots.length < this.opts.concurrency)) slot = this.spawn();
    slot.jobs.push(job);
    hold(slot.worker, true);
    slot.ready.then(
      () => {
        if (slot.gone) return; // died before it was ready: its jobs were handled then
        slot.worker.send({ id: job.id, input: job.input, opts: job.opts });
        if (slot.jobs[0] === job) this.arm(slot, job);
      },
      (err: Error) => this.retire(slot, `worker failed to start: ${err.message}`),
    );
  }

  /** The document's time limit, from when its worker starts it. */
  private arm(slot: Slot, job: Job): void {
    job.timer = setTimeout(() => this.retire(slot, `timeout after ${this.opts.timeoutMs} ms`), this.opts.timeoutMs);
  }

  private spawn(): Slot {
    const worker = fork(fileURLToPath(this.opts.workerUrl), [], {
      execArgv: [this.opts.singleThreaded ? '--single-threaded' : '--single-threaded-gc', `--max-old-space-size=${this.opts.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let markReady!: () => void;
    let failStart!: (err: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failStart = reject)));
    ready.catch(() => undefined); // observed by dispatch
    const slot: Slot = { worker, jobs: [], ready, started: false, crashed: null, gone: false, elu: { active: 0, idle: 0, cpuMs: 0 } };
    const startTimer = setTimeout(() => failStart(new Error(`did not start within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    startTimer.unref();
    worker.on('message', (msg: WorkerMessage) => {
      if ('ready' in msg) {
        clearTimeout(startTimer);
        slot.started = true;
        markReady();
      } else if ('crashed' in msg) slot.crashed = { message: msg.crashed, id: msg.id };
      else this.answered(slot, msg.id, msg.result, msg.elu);
    });
    const died = (why: string) => {
      clearTimeout(startTimer);
      if (!slot.started) failStart(new Error(`${why} while starting`));
      else if (slot.crashed) this.retire(slot, `worker crashed: ${slot.crashed.message}`, slot.crashed.id);
      else this.retire(slot, `worker ${why}`);
    };
    worker.on('error', (err) => died(`crashed: ${err.message}`));
    worker.on('exit', (code, signal) => died(`exited with ${exitOf(code, signal)}`));
    this.slots.push(slot);
    return slot;
  }

  private answered(slot: Slot, id: number, result: ExtractionResult, elu?: Usage): void {
    const i = slot.jobs.findIndex((j) => j.id === id);
    if (i < 0) return; // already failed (timed out just before its answer came)
    const [job] = slot.jobs.splice(i, 1);
    clearTimeout(job!.timer);
    if (elu) slot.elu = elu;
    const next = slot.jobs[0];
    if (next && !next.timer) this.arm(slot, next);
    if (slot.jobs.length === 0) hold(slot.worker, false);
    job!.resolve(result);
  }

  /**
   * Takes a broken worker out: the document it was extracting (`blamed`, else its oldest) fails with the reason,
   * the ones waiting behind it go to other workers.
   */
  private retire(slot: Slot, reason: string, blamed?: number): void {
    if (slot.gone) return;
    slot.gone = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    kill(slot.worker);
    const jobs = slot.jobs.splice(0);
    for (const j of jobs) clearTimeout(j.timer);
    const culprit = jobs.find((j) => j.id === blamed) ?? jobs[0];
    for (const j of jobs) {
      if (j === culprit || !slot.started) j.resolve(failed(reason));
      else this.dispatch({ ...j, timer: undefined });
    }
  }
}

/** Whether a worker keeps this process alive: only while it holds a document. */
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
