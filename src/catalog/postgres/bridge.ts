/**
 * Synchronous calls into an asynchronous worker thread (session-worker.mjs), as the `synckit` library does them: the
 * request goes over a MessagePort with an id, the caller sleeps on a shared word (Atomics.wait) until the worker sets
 * it to that id (sync-serve.mjs), then takes the answer with that id off the port (receiveMessageOnPort). Written here
 * rather than taken from synckit so that the worker is a long-lived session with its own state (one `pg` client), not
 * a stateless function.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export class WorkerCallError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly detail: string | undefined,
  ) {
    super(message);
  }
}

type Answer<T> = { id: number } & ({ ok: true; result: T } | { ok: false; error: { message: string; code?: string; detail?: string } });

/** The word's value once the worker thread has ended (sync-serve.mjs's EXITED). */
const THREAD_EXITED = -1;

/** How long to sleep before looking again when the word shows our answer but the port has no message yet. */
const RECHECK_MS = 1;

export class SyncWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly word = new Int32Array(new SharedArrayBuffer(4));
  private lastId = 0;
  private closed = false;

  constructor(file: URL) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { port: port2, signal: this.word.buffer }, transferList: [port2] });
    this.worker.unref();
    // A thread that dies is told by the next call ("has exited", sync-serve.mjs); its error event must not end the
    // process as an uncaught one.
    this.worker.on('error', () => undefined);
  }

  /**
   * timeoutMs: give up waiting (a late answer is dropped when it comes); default wait for ever. Each request carries
   * an id and the worker answers with it (sync-serve.mjs), so an answer is never taken for another call's: without
   * ids, a stale notify woke a call before its answer existed, and every later call of the session read the answer
   * of the one before it.
   */
  call<T>(request: Record<string, unknown>, timeoutMs?: number): T {
    if (this.closed) throw new Error('the catalog connection is closed');
    const id = (this.lastId = this.lastId >= 0x7fff_ffff ? 1 : this.lastId + 1);
    this.port.postMessage({ id, request });
    const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
    for (;;) {
      // Read before draining: an answer posted after the drain changes the word, and the wait below returns at once.
      const seen = Atomics.load(this.word, 0);
      for (let got = receiveMessageOnPort(this.port); got; got = receiveMessageOnPort(this.port)) {
        const m = got.message as Answer<T>;
        if (m.id !== id) continue; // the answer of a call given up on
        if (!m.ok) throw new WorkerCallError(m.error.message, m.error.code, m.error.detail);
        return m.result;
      }
      if (seen === THREAD_EXITED) throw new Error('the catalog worker thread has exited');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer from the catalog worker thread within ${timeoutMs} ms`);
      // The word is the id last answered: another's (a stale wake-up, or not answered yet): sleep until it moves; ours
      // with no message (not expected, as the answer is posted first): look again in a millisecond.
      Atomics.wait(this.word, 0, seen, seen === id ? Math.min(RECHECK_MS, left) : left);
    }
  }

  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}
