/** Resolving `--province NAME|CODE` and selecting the seeds of one province. */
import { UsageError } from '../errors.ts';
import { findDivisions, getDivision } from './divisions.ts';
import type { SeedAgency } from './seeds-file.ts';

export interface Province {
  code: string; // six digits, PP0000
  name: string;
}

export function resolveProvince(arg: string): Province {
  const a = arg.trim();
  if (/^\d{2}(\d{4})?$/.test(a)) {
    const code = `${a.slice(0, 2)}0000`;
    const d = getDivision(code);
    if (!d) throw new UsageError(`--province: no province has code ${a}`);
    return { code, name: d.name };
  }
  const found = findDivisions(a, { level: 'province' });
  if (found.length !== 1) throw new UsageError(`--province: "${a}" is not a province name (e.g. 河南省, 河南, 41 or 410000)`);
  return { code: found[0]!.code, name: found[0]!.name };
}

/** The seeds whose agency lies in the province (by division code, else by the province name written). */
export function seedsOfProvince(seeds: SeedAgency[], p: Province): SeedAgency[] {
  return seeds.filter((s) => (s.division ? s.division.slice(0, 2) === p.code.slice(0, 2) : s.province === p.name));
}

/** `2019-2024`, `2023` or `2019,2021` → a predicate on report years. */
export function parseYears(arg: string): { from: number; to: number; test: (y: number) => boolean } {
  const years = new Set<number>();
  for (const part of arg.split(',')) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new UsageError(`--years: "${arg}" is not a year, a range like 2019-2024, or a list`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) throw new UsageError(`--years: ${from}-${to} runs backwards`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  const sorted = [...years].sort();
  return { from: sorted[0]!, to: sorted[sorted.length - 1]!, test: (y) => years.has(y) };
}
