/**
 * Synchronous calls into an asynchronous worker thread (session-worker.mjs), as the `synckit` library does them: the
 * request goes over a MessagePort, the caller sleeps on a shared word (Atomics.wait) until the worker sets it, then
 * takes the answer off the port (receiveMessageOnPort). Written here in 40 lines rather than taken from synckit so
 * that the worker is a long-lived session with its own state (one `pg` client), not a stateless function.
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

export class SyncWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly word = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(file: URL) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { port: port2, signal: this.word.buffer }, transferList: [port2] });
    this.worker.unref();
  }

  /** timeoutMs: give up waiting (the worker is then unusable: terminate it); default wait for ever. */
  call<T>(request: Record<string, unknown>, timeoutMs?: number): T {
    if (this.closed) throw new Error('the catalog connection is closed');
    Atomics.store(this.word, 0, 0);
    this.port.postMessage(request);
    if (Atomics.wait(this.word, 0, 0, timeoutMs) === 'timed-out') throw new Error(`no answer from the catalog worker thread within ${timeoutMs} ms`);
    const m = receiveMessageOnPort(this.port)?.message as
      | { ok: true; result: T }
      | { ok: false; error: { message: string; code?: string; detail?: string } }
      | undefined;
    if (!m) throw new Error('the catalog worker thread answered nothing (did it exit?)');
    if (!m.ok) throw new WorkerCallError(m.error.message, m.error.code, m.error.detail);
    return m.result;
  }

  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}
