// The worker thread's side of bridge.ts's synchronous calls: each request comes with an id; its answer goes back on
// the port with that id, and only then is the shared word set to the id and the waiting thread woken. The id lets the
// caller tell a wake-up meant for it from a stale one: the notify of answer N can run after the caller has read
// answer N (the word was already set) and is asleep on call N+1, which then woke with nothing to read. Without ids
// that call failed and its answer, read by the next call, shifted every later answer by one (CI: one worker's every
// catalog call failing with "Cannot read properties of undefined"; the race esbuild's issue 590 describes). A late
// answer of a call given up on is told apart the same way. Plain JavaScript so that it loads the same from src/ and
// dist/ without a TypeScript loader.

/** The word's value once the thread has ended (ids are positive). */
export const EXITED = -1;

/**
 * Serves the requests posted on `port` with `handle` (async, one request at a time as the caller waits for each).
 * @param {import('node:worker_threads').MessagePort} port
 * @param {SharedArrayBuffer} signal
 * @param {(request: any) => Promise<unknown>} handle
 */
export function serveSync(port, signal, handle) {
  const word = new Int32Array(signal);
  // A thread that ends (an uncaught error included) says so: the caller would otherwise wait for ever.
  process.on('exit', () => {
    Atomics.store(word, 0, EXITED);
    Atomics.notify(word, 0);
  });
  const answer = (id, message) => {
    port.postMessage({ id, ...message });
    Atomics.store(word, 0, id);
    Atomics.notify(word, 0);
  };
  port.on('message', ({ id, request }) => {
    handle(request).then(
      (result) => answer(id, { ok: true, result }),
      (err) => answer(id, { ok: false, error: { message: err?.message ?? String(err), code: err?.code, detail: err?.detail, position: err?.position } }),
    );
  });
}
