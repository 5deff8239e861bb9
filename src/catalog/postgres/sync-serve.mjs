// The worker thread's side of bridge.ts's synchronous calls: each request comes with an id; its answer goes back on
// the port with that id, and only then is the shared word set to the id and the waiting thread woken. The id lets the
// caller tell its own answer from a late one (a call it gave up on) and wait again when the word has moved but the
// message cannot be read yet (receiveMessageOnPort returning nothing after the notify: seen in our CI as a worker
// whose every later catalog call got the answer of the call before it; synckit and Babel met the same). Plain
// JavaScript so that it loads the same from src/ and dist/ without a TypeScript loader.

/**
 * Serves the requests posted on `port` with `handle` (async, one request at a time as the caller waits for each).
 * @param {import('node:worker_threads').MessagePort} port
 * @param {SharedArrayBuffer} signal
 * @param {(request: any) => Promise<unknown>} handle
 */
export function serveSync(port, signal, handle) {
  const word = new Int32Array(signal);
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
