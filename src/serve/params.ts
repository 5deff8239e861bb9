/** Query parameters of the view's pages, checked: a bad value is a 400 with a sentence saying which and why. */
import { CELL_STATES, type CellStateFilter, type GridFilter } from '../catalog/coverage-view-queries.ts';
import type { AgencyLevel } from '../catalog/agencies.ts';

export class BadRequest extends Error {}

const LEVELS: AgencyLevel[] = ['province', 'city', 'county', 'township'];

export type Params = Record<string, string | undefined>;

function text(p: Params, name: string, max = 200): string | undefined {
  const v = p[name]?.trim();
  if (!v) return undefined;
  if (v.length > max) throw new BadRequest(`${name} is longer than ${max} characters`);
  return v;
}

export function intParam(p: Params, name: string, opts: { min?: number; max?: number } = {}): number | undefined {
  const v = text(p, name, 12);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new BadRequest(`${name} must be a whole number, got "${v}"`);
  const n = Number(v);
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    throw new BadRequest(`${name} must be between ${opts.min ?? '…'} and ${opts.max ?? '…'}, got ${n}`);
  }
  return n;
}

export function idParam(v: string): number {
  if (!/^\d{1,12}$/.test(v)) throw new BadRequest(`not an id: "${v}"`);
  return Number(v);
}

function oneOf<T extends string>(p: Params, name: string, allowed: readonly T[]): T | undefined {
  const v = text(p, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new BadRequest(`${name} must be one of ${allowed.join(', ')}; got "${v}"`);
  return v as T;
}

/** How many years the grid shows when no range is asked for: the latest ones with reports. */
export const DEFAULT_YEARS = 6;

export function gridFilter(p: Params, reportYears: number[]): GridFilter {
  const latest = reportYears.at(-1) ?? new Date().getUTCFullYear() - 1;
  const earliest = reportYears[0] ?? latest;
  const toYear = intParam(p, 'to', { min: 2000, max: 2100 }) ?? latest;
  const fromYear = intParam(p, 'from', { min: 2000, max: 2100 }) ?? Math.max(earliest, toYear - DEFAULT_YEARS + 1);
  if (fromYear > toYear) throw new BadRequest(`from (${fromYear}) is after to (${toYear})`);
  if (toYear - fromYear >= 30) throw new BadRequest('at most 30 years at once');
  const province = text(p, 'province');
  const city = text(p, 'city');
  const county = text(p, 'county');
  if ((city && !province) || (county && !city)) throw new BadRequest('a city needs its province, a county its city');
  return {
    region: { province, city, county },
    level: oneOf(p, 'level', LEVELS),
    origin: oneOf(p, 'origin', ['registry', 'discovered'] as const),
    state: oneOf<CellStateFilter>(p, 'state', CELL_STATES),
    fromYear,
    toYear,
  };
}

export function searchText(p: Params): string {
  return text(p, 'q', 100) ?? '';
}
