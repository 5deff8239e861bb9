// Worker entry: worker threads cannot load .ts by themselves, so register tsx first (see pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
