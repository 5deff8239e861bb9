/**
 * `npm run bench [-- --quick] [-- --out DIR]`: runs the benchmark, writes <out>/<YYYY-MM-DD>.json (quick runs:
 * <date>.quick.json), prints the table, and after a full run into bench/results copies the table into
 * bench/README.md between its results markers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './bench.ts';
import { catalogMachineLines, catalogTable, runCatalogBench } from './catalog-size.ts';
import { machineLines, table } from './report.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 && args[outIdx + 1] ? path.resolve(args[outIdx + 1]!) : path.join(HERE, 'results');
const VALUED = ['--out', '--catalog-size'];
const unknown = args.filter((a, i) => a !== '--quick' && !VALUED.includes(a) && !(i > 0 && VALUED.includes(args[i - 1]!)));
if (unknown.length) {
  console.error(`bench: unknown arguments ${unknown.join(' ')} (usage: bench/run.ts [--quick] [--out DIR] | --catalog-size national|small [--out DIR])`);
  process.exit(2);
}

/**
 * `--catalog-size national|small`: only the catalog bench (bench/catalog-size.ts), written as
 * <out>/catalog-<size>-<date>.json; a national run into bench/results also updates bench/README.md's catalog table.
 */
async function catalogBench(size: string | undefined): Promise<void> {
  if (size !== 'national' && size !== 'small') {
    console.error(`bench: --catalog-size takes national or small, not ${size ?? 'nothing'}`);
    process.exit(2);
  }
  const r = await runCatalogBench({ size, log: (l) => process.stderr.write(`bench catalog: ${l}\n`) });
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `catalog-${size}-${r.date}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  const summary = `${catalogMachineLines(r)}\n\n${catalogTable(r)}\n`;
  console.log(`\n${summary}\nresults: ${file}`);
  if (size === 'national' && out === path.join(HERE, 'results')) {
    replaceBetween(path.join(HERE, 'README.md'), '<!-- catalog-results:start -->', '<!-- catalog-results:end -->', `${summary}\n(from \`bench/results/${path.basename(file)}\`)`);
  }
}

/** Replaces the text between two markers of a file (nothing when a marker is missing). */
function replaceBetween(file: string, start: string, end: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b <= a) return;
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
  console.log(`table copied into ${file}`);
}

const sizeIdx = args.indexOf('--catalog-size');
if (sizeIdx >= 0) {
  await catalogBench(args[sizeIdx + 1]);
  process.exit(0);
}

const results = await runBench({ quick, log: (l) => process.stderr.write(`bench: ${l}\n`) });
mkdirSync(out, { recursive: true });
const file = path.join(out, `${results.date}${quick ? '.quick' : ''}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
const summary = `${machineLines(results)}\n\n${table(results)}\n`;
console.log(`\n${summary}\nresults: ${file}`);

if (!quick && out === path.join(HERE, 'results')) {
  const readme = path.join(HERE, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) {
    writeFileSync(readme, `${text.slice(0, a + start.length)}\n${summary}\n(from \`bench/results/${path.basename(file)}\`)\n${text.slice(b)}`);
    console.log(`table copied into ${readme}`);
  }
}
