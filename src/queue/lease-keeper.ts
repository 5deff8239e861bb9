/**
 * Renews the leases of the jobs a worker process holds from a thread of its own (lease-thread.mjs, its own `pg`
 * connection). Renewing from the main thread lost live jobs: the PostgreSQL catalog's calls are synchronous (the
 * main thread sleeps until its answer comes, catalog/postgres/bridge.ts), and a write waiting for the catalog's
 * one-writer lock while another worker's transaction holds it, or a loaded machine, held the main thread past the
 * lease; the renewal timer could not fire, the job expired and the live worker had to stop (exit 8).
 *
 * What the lease still guards: a process that dies takes the thread with it, so its jobs expire and are taken over as
 * before; a main thread that hangs stops the renewals after STALL_MS without a beat (the main thread stamps a shared
 * word every second), so a hung worker's jobs are taken over too. A job found no longer ours is said to the holder.
 */
import { Worker } from 'node:worker_threads';
import type { HeldJob } from './pg-queue.ts';

const THREAD = new URL('./lease-thread.mjs', import.meta.url);

/**
 * How long the main thread may show no life before its leases are left to expire: far longer than any catalog wait
 * or parse, far shorter than a hang anyone should wait for.
 */
export const STALL_MS = 60_000;
const BEAT_MS = 1000;
/** Restarts of a thread that died unasked before the keeper gives up (and says so). */
const MAX_RESTARTS = 5;

export interface LeaseEvents {
  /** The job is no longer this worker's (expired, maybe taken over): the holder must stop working on it. */
  lost(): void;
  /** A renewal failed (the database unreachable); the next one tries again. */
  error(message: string): void;
  /** The renewals were paused: the main thread showed no life for `ageMs` (said once it shows life again). */
  stalled?(ageMs: number): void;
}

type ThreadMessage = { op: 'lost' | 'error' | 'stalled'; key: number; message?: string; ageMs?: number };

export class LeaseKeeper {
  private thread: Worker;
  private readonly beat = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly beating: NodeJS.Timeout;
  private readonly held = new Map<number, { job: HeldJob<unknown>; events: LeaseEvents }>();
  private lastKey = 0;
  private closing = false;
  private restarts = 0;

  constructor(
    private readonly url: string,
    private readonly stallMs = STALL_MS,
  ) {
    this.stamp();
    this.beating = setInterval(() => this.stamp(), Math.min(BEAT_MS, stallMs / 4));
    this.beating.unref();
    this.thread = this.start();
  }

  /** Keeps the job's lease until the returned release is called; no event of the job comes after the release. */
  hold(job: HeldJob<unknown>, events: LeaseEvents): () => void {
    const key = ++this.lastKey;
    this.held.set(key, { job, events });
    this.thread.postMessage({ op: 'hold', key, job: plain(job) });
    return () => {
      if (!this.held.delete(key)) return;
      this.thread.postMessage({ op: 'release', key });
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.beating);
    this.held.clear();
    const ended = new Promise((r) => this.thread.once('exit', r));
    this.thread.postMessage({ op: 'close' });
    // The thread ends when its port closes; one that does not within a few seconds is stopped.
    const timer = setTimeout(() => void this.thread.terminate(), 5000);
    await ended;
    clearTimeout(timer);
  }

  private stamp(): void {
    Atomics.store(this.beat, 0, BigInt(Date.now()));
  }

  private start(): Worker {
    const thread = new Worker(THREAD, { workerData: { url: this.url, beat: this.beat.buffer, stallMs: this.stallMs } });
    thread.unref();
    thread.on('message', (m: ThreadMessage) => {
      const h = this.held.get(m.key);
      if (!h) return; // released meanwhile
      if (m.op === 'lost') {
        this.held.delete(m.key);
        h.events.lost();
      } else if (m.op === 'error') h.events.error(m.message ?? 'lease renewal failed');
      else h.events.stalled?.(m.ageMs ?? 0);
    });
    // A thread that dies unasked (out of memory, a bug) is started again with the jobs still held: without it their
    // leases would lapse unseen.
    thread.on('error', (err) => {
      for (const { events } of this.held.values()) events.error(`lease keeper: ${err.message}`);
    });
    thread.on('exit', () => {
      if (this.closing) return;
      if (++this.restarts > MAX_RESTARTS) {
        for (const { events } of this.held.values()) events.error('lease keeper: its thread keeps dying; leases are no longer renewed');
        return;
      }
      this.thread = this.start();
      for (const [key, { job }] of this.held) this.thread.postMessage({ op: 'hold', key, job: plain(job) });
    });
    return thread;
  }
}

/** What the thread needs of a job (the data stays here). */
function plain(job: HeldJob<unknown>): Omit<HeldJob<unknown>, 'data'> {
  return { name: job.name, id: job.id, activation: job.activation, leaseSeconds: job.leaseSeconds };
}
