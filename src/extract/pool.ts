/**
 * Extraction off the main thread: a p-queue in front of a small set of worker threads. Each document has a
 * timeout; a worker that hangs, crashes or runs out of memory is terminated and replaced, and its document gets a
 * `failed` result with the reason. `extract()` never rejects, so one broken document never stops a run.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ExtractInput, ExtractOptions } from './index.ts';
import type { ExtractionResult } from './types.ts';

export interface PoolOptions {
  /** Documents extracted at once (one worker each). Default: CPU count − 1, at least 1. */
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

interface Slot {
  worker: Worker;
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
      concurrency: opts.concurrency ?? Math.max(1, os.availableParallelism() - 1),
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

  /** Waits for queued work, then stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.onIdle();
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private acquire(): Slot {
    const idle = this.slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    const worker = new Worker(this.opts.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb } });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }) => {
        if (!msg?.ready) return;
        cleanup();
        resolve();
      };
      const onError = (err: Error) => (cleanup(), reject(err));
      const onExit = (code: number) => (cleanup(), reject(new Error(`exited with code ${code} while starting`)));
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
    const slot = { worker, busy: true, ready };
    this.slots.push(slot);
    return slot;
  }

  private discard(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  private async runOne(input: ExtractInput, opts: ExtractOptions): Promise<ExtractionResult> {
    const slot = this.acquire();
    const id = this.nextId++;
    slot.worker.ref();
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
      const onMessage = (msg: { id: number; result: ExtractionResult }) => {
        if (msg.id === id) finish(msg.result, true);
      };
      const onError = (err: Error) => finish(failed(`worker crashed: ${err.message}`), false);
      const onExit = (code: number) => finish(failed(`worker exited with code ${code}`), false);
      const timer = setTimeout(() => finish(failed(`timeout after ${this.opts.timeoutMs} ms`), false), this.opts.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ id, input, opts });
    }).finally(() => {
      if (this.slots.includes(slot)) slot.worker.unref();
    }) as Promise<ExtractionResult>;
  }
}

function failed(reason: string): ExtractionResult {
  return { status: 'failed', reason, extractor: 'pool', text: '', figures: {}, unreadable: [], checks: [] };
}
