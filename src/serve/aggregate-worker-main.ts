/** The background worker: its own read-only connection, computing aggregates on request (see background.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../catalog/catalog.ts';
import { computeAggregate, type AggregateKey } from './aggregates.ts';

const catalog = Catalog.openReadOnly((workerData as { catalogFile: string }).catalogFile);
parentPort!.on('message', (msg: { id: number; key: AggregateKey }) => {
  try {
    parentPort!.postMessage({ id: msg.id, value: computeAggregate(catalog, msg.key) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
