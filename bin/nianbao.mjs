#!/usr/bin/env node
// Entry point, from any working directory. Runs the compiled dist/ when `npm run build` made it from the sources as
// they are (bin/dist-current.mjs); otherwise, or with NIANBAO_FROM_SOURCES=1, registers the TypeScript loader (tsx)
// and runs the sources themselves.
import { distIsCurrent } from './dist-current.mjs';

let main;
if (process.env.NIANBAO_FROM_SOURCES !== '1' && distIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
