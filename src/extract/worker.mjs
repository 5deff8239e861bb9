// Worker process entry (pool.ts). In dist/ (`npm run build`) the compiled worker-main.js sits beside this file; in
// src/ a plain node process cannot load .ts by itself, so tsx is registered first.
import { existsSync } from 'node:fs';

const compiled = new URL('./worker-main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker-main.ts');
}
