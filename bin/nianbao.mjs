#!/usr/bin/env node
// Entry point: registers the TypeScript loader (tsx) so the sources run as they are, from any working directory.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
