/**
 * Runs inside a worker process (pool.ts): a message in per document ({ id, input, opts }), a result out per document
 * ({ id, result, elu }), in the order they came.
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

// Documents are extracted one after the other, in the order sent: the pool sends the next before this one is
// answered (so no time is lost between them) and counts each one's time limit from the answer before it.
const waiting: WorkerRequest[] = [];
let current: number | undefined;

async function drain(): Promise<void> {
  for (let msg = waiting.shift(); msg; msg = waiting.shift()) {
    current = msg.id;
    // extractDocument never throws; a throw here is a bug and surfaces as a crash in the pool.
    const result = await extractDocument(msg.input, msg.opts);
    const { active, idle } = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    send({ id: msg.id, result, elu: { active, idle, cpuMs: (cpu.user + cpu.system) / 1000 } });
  }
  current = undefined;
}

process.on('message', (msg: WorkerRequest) => {
  waiting.push(msg);
  if (current === undefined && waiting.length === 1) void drain();
});
process.on('uncaughtException', (err) => send({ crashed: err.message, id: current }, () => process.exit(1)));
// The pool is gone (it exited or was killed): nothing left to do.
process.on('disconnect', () => process.exit(0));

// Tell the pool the modules are loaded: its per-document time limit starts now.
send({ ready: true });
