/**
 * Static assets, all local: the chart library from its installed package and the view's own files. A fixed table
 * from URL name to file, read once at start: no part of a request path ever reaches the file system.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  type: string;
}

const require = createRequire(import.meta.url);
const OWN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

const SOURCES: Record<string, { file: string; type: string }> = {
  'uplot.min.js': { file: require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.min.css': { file: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' },
  'charts.js': { file: path.join(OWN, 'charts.js'), type: 'text/javascript; charset=utf-8' },
  'app.css': { file: path.join(OWN, 'app.css'), type: 'text/css; charset=utf-8' },
  'favicon.svg': { file: path.join(OWN, 'favicon.svg'), type: 'image/svg+xml' },
};

export function loadAssets(): Map<string, Asset> {
  return new Map(Object.entries(SOURCES).map(([name, s]) => [name, { body: readFileSync(s.file), type: s.type }]));
}
