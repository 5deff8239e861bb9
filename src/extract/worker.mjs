// Worker process entry (pool.ts): a plain node process cannot load .ts by itself, so register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
