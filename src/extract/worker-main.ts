/** Runs inside a worker thread: one message in ({ id, input, opts }), one result out ({ id, result }). */
import { parentPort } from 'node:worker_threads';
import { extractDocument, type ExtractInput, type ExtractOptions } from './index.ts';

export interface WorkerRequest {
  id: number;
  input: ExtractInput;
  opts?: ExtractOptions;
}

parentPort?.on('message', async (msg: WorkerRequest) => {
  // extractDocument never throws; a throw here is a bug and surfaces as a worker error in the pool.
  const result = await extractDocument(msg.input, msg.opts);
  parentPort?.postMessage({ id: msg.id, result });
});

// Tell the pool the modules are loaded: its per-document time limit starts now.
parentPort?.postMessage({ ready: true });
