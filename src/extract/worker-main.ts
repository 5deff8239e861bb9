/**
 * Runs inside a worker process (pool.ts): one message in ({ id, input, opts }), one result out ({ id, result, elu }).
 * An exception nothing caught is reported as { crashed } before the process dies, so the pool can name it.
 */
import { performance } from 'node:perf_hooks';
import { extractDocument, type ExtractInput, type ExtractOptions } from './index.ts';

export interface WorkerRequest {
  id: number;
  input: ExtractInput;
  opts?: ExtractOptions;
}

const send = (msg: unknown, then?: () => void) => {
  if (process.send) process.send(msg, undefined, undefined, () => then?.());
  else then?.();
};

process.on('message', async (msg: WorkerRequest) => {
  // extractDocument never throws; a throw here is a bug and surfaces as a crash in the pool.
  const result = await extractDocument(msg.input, msg.opts);
  const { active, idle } = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  send({ id: msg.id, result, elu: { active, idle, cpuMs: (cpu.user + cpu.system) / 1000 } });
});
process.on('uncaughtException', (err) => send({ crashed: err.message }, () => process.exit(1)));
// The pool is gone (it exited or was killed): nothing left to do.
process.on('disconnect', () => process.exit(0));

// Tell the pool the modules are loaded: its per-document time limit starts now.
send({ ready: true });
