/**
 * `npm run bench [-- --quick] [-- --out DIR]`: runs the benchmark, writes <out>/<YYYY-MM-DD>.json (quick runs:
 * <date>.quick.json), prints the table, and after a full run into bench/results copies the table into
 * bench/README.md between its results markers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './bench.ts';
import { machineLines, table } from './report.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 && args[outIdx + 1] ? path.resolve(args[outIdx + 1]!) : path.join(HERE, 'results');
const unknown = args.filter((a, i) => a !== '--quick' && a !== '--out' && !(i > 0 && args[i - 1] === '--out'));
if (unknown.length) {
  console.error(`bench: unknown arguments ${unknown.join(' ')} (usage: bench/run.ts [--quick] [--out DIR])`);
  process.exit(2);
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
