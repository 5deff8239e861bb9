// Worker entry: worker threads cannot load .ts by themselves, so register tsx first (as src/extract/worker.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./aggregate-worker-main.ts');
