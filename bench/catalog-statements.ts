/**
 * The SQL a piece of catalog code issues, as it issues it: `recordStatements` swaps the connection's `prepare` for
 * one that notes each statement and the parameters it is run with. The query-plan test and the catalog bench read
 * the hot queries this way, so neither keeps a copy of SQL that could drift from the code.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../src/catalog/db.ts';

export interface IssuedStatement {
  sql: string;
  /** The arguments of the first run (positional values, or one object of named ones). */
  params: unknown[];
}

export interface PlanLine {
  id: number;
  parent: number;
  detail: string;
}

const RUNNERS = new Set(['get', 'all', 'iterate', 'run']);

/** Runs `fn`, noting every statement prepared on `db` meanwhile and the arguments of its first run. */
export function recordStatements<T>(db: Db, fn: () => T): { result: T; statements: IssuedStatement[] } {
  const statements: IssuedStatement[] = [];
  const original = db.prepare;
  const prepare = (sql: string): Database.Statement => {
    const stmt = original.call(db, sql) as Database.Statement;
    const issued: IssuedStatement = { sql, params: [] };
    let ran = false;
    return new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || !RUNNERS.has(prop) || typeof value !== 'function') {
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return (...args: unknown[]) => {
          if (!ran) {
            ran = true;
            issued.params = args;
            statements.push(issued);
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  db.prepare = prepare as Db['prepare'];
  try {
    return { result: fn(), statements };
  } finally {
    db.prepare = original;
  }
}

/** SQLite's plan for a statement with the parameters it was run with. */
export function queryPlan(db: Db, s: IssuedStatement): PlanLine[] {
  return db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as PlanLine[];
}

/** The plan as indented lines, as the sqlite3 shell prints it. */
export function planText(plan: PlanLine[]): string {
  const depth = new Map<number, number>([[0, -1]]);
  return plan
    .map((l) => {
      const d = (depth.get(l.parent) ?? -1) + 1;
      depth.set(l.id, d);
      return `${'  '.repeat(d)}${l.detail}`;
    })
    .join('\n');
}

/** Tables that hold a row per agency, report, file, URL or figure: reading one whole is what a hot query must not do. */
export const LARGE_TABLES = ['agencies', 'reports', 'report_files', 'report_sources', 'files', 'url_state', 'figures', 'checks', 'extractions', 'report_extractions', 'report_checks', 'run_events', 'report_key_figures', 'frontier_requests'];

/**
 * The plan's full reads of large tables: `SCAN t` (or `SCAN alias` of a large table) without an index, and any
 * automatic index (SQLite building a throwaway index because none exists). Subqueries and table-valued functions
 * (json_each) are not tables. `aliases` maps the query's aliases to table names.
 */
export function fullScans(plan: PlanLine[], sql: string): string[] {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)(?:\s+(?:AS\s+)?([a-z]\w*))?/gi)) {
    const table = m[1]!.toLowerCase();
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !['on', 'where', 'join', 'left', 'group', 'order', 'limit', 'union', 'inner', 'using'].includes(alias)) aliases.set(alias, table);
  }
  const bad: string[] = [];
  for (const l of plan) {
    if (/AUTOMATIC/.test(l.detail)) bad.push(l.detail);
    const m = /^SCAN (\w+)(.*)$/.exec(l.detail);
    if (!m || /USING (COVERING )?INDEX/.test(m[2]!)) continue;
    const table = aliases.get(m[1]!.toLowerCase());
    if (table && LARGE_TABLES.includes(table)) bad.push(`${l.detail} (${table})`);
  }
  return bad;
}

/** Whether the plan sorts its whole result (a temp B-tree for the ORDER BY, not only its right part per group). */
export function sortsEverything(plan: PlanLine[]): boolean {
  return plan.some((l) => /^USE TEMP B-TREE FOR (ORDER BY|GROUP BY|DISTINCT)$/.test(l.detail));
}
