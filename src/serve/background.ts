/**
 * Computes aggregates in a worker thread, so a page of the web view never waits seconds for a country-wide sum
 * while other visitors wait behind it (better-sqlite3 is synchronous: a long query in the server thread stops it).
 * One request at a time, in order; a key already queued is not queued twice.
 */
import { Worker } from 'node:worker_threads';
import type { AggregateKey } from './aggregates.ts';

export class BackgroundAggregates {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(catalogFile: string) {
    this.worker = new Worker(new URL('./aggregate-worker.mjs', import.meta.url), { workerData: { catalogFile } });
    this.worker.unref();
    this.worker.on('message', (msg: { id?: number; value?: unknown; error?: string }) => {
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(msg.error));
      else p?.resolve(msg.value);
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  compute(key: AggregateKey): Promise<unknown> {
    const k = JSON.stringify(key);
    const running = this.inFlight.get(k);
    if (running) return running;
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, key });
    }).finally(() => this.inFlight.delete(k));
    this.inFlight.set(k, promise);
    return promise;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
