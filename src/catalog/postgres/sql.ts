/**
 * Compiles a catalog statement, written in the SQL that SQLite and PostgreSQL both accept, into PostgreSQL's form:
 *   - placeholders: `?` (positional) and `@name` / `:name` / `$name` (named) become `$1…$n`;
 *   - mixed-case identifiers (the aliases the modules read rows by, `AS seedAgency`) are quoted, since PostgreSQL
 *     folds unquoted names to lower case and SQLite keeps them as written (the schema's own names are lower case);
 *   - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`;
 *   - `CROSS JOIN t ON …` (SQLite's inner join in a fixed order) becomes `JOIN t ON …`;
 *   - each ORDER BY term without NULLS FIRST/LAST gets SQLite's placement of NULLs (first ascending, last
 *     descending; PostgreSQL's default is the opposite), so rows come in the same order from both.
 * It reads the statement as tokens (string literals, quoted names and comments are copied as they are), so a `?` or
 * an `@` inside a string is never taken for a placeholder. Anything else that differs is written once in the SQL
 * both accept, or provided under SQLite's name by the PostgreSQL schema's compatibility functions (compat.sql).
 */
export type Param = { kind: 'positional'; index: number } | { kind: 'named'; name: string };

export interface CompiledSql {
  text: string;
  /** For $1…$n in order: which argument each takes. */
  params: Param[];
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

export function compileForPostgres(sql: string): CompiledSql {
  let out = '';
  const params: Param[] = [];
  const named = new Map<string, number>();
  let positional = 0;
  let insertOrIgnore = false;
  let depth = 0;
  // Open ORDER BY clauses: the parenthesis depth each is at, and what its current term said.
  const orders: { depth: number; desc: boolean; nulls: boolean }[] = [];
  const endTerm = () => {
    const o = orders[orders.length - 1]!;
    if (!o.nulls) out = `${out.replace(/\s+$/, '')} ${o.desc ? 'NULLS LAST' : 'NULLS FIRST'}${/\s$/.test(out) ? out.match(/\s+$/)![0] : ''}`;
    o.desc = false;
    o.nulls = false;
  };
  const inOrder = () => orders.length > 0 && orders[orders.length - 1]!.depth === depth;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      const quoted = sql.slice(i, j + 1);
      out += c === '`' ? `"${quoted.slice(1, -1)}"` : quoted;
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      const end = j < 0 ? n : j;
      out += sql.slice(i, end);
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const j = sql.indexOf('*/', i + 2);
      const end = j < 0 ? n : j + 2;
      out += sql.slice(i, end);
      i = end;
    } else if (c === '?') {
      let j = i + 1;
      while (j < n && /[0-9]/.test(sql[j]!)) j++;
      const index = j > i + 1 ? Number(sql.slice(i + 1, j)) - 1 : positional++;
      params.push({ kind: 'positional', index });
      out += `$${params.length}`;
      i = j;
    } else if ((c === '@' || c === ':' || c === '$') && i + 1 < n && IDENT_START.test(sql[i + 1]!) && !(c === ':' && sql[i - 1] === ':')) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(sql[j]!)) j++;
      const name = sql.slice(i + 1, j);
      let k = named.get(name);
      if (k === undefined) {
        params.push({ kind: 'named', name });
        k = params.length;
        named.set(name, k);
      }
      out += `$${k}`;
      i = j;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(sql[j]!)) j++;
      const word = sql.slice(i, j);
      if (/^order$/i.test(word) && /^\s+BY\b/i.test(sql.slice(j))) {
        const m = /^\s+BY\b/i.exec(sql.slice(j))!;
        out += word + m[0];
        orders.push({ depth, desc: false, nulls: false });
        i = j + m[0].length;
        continue;
      }
      if (inOrder()) {
        if (/^desc$/i.test(word)) orders[orders.length - 1]!.desc = true;
        else if (/^nulls$/i.test(word)) orders[orders.length - 1]!.nulls = true;
        else if (/^(limit|offset|union|except|intersect|window|for)$/i.test(word)) {
          endTerm();
          orders.pop();
        }
      }
      // SQLite's `CROSS JOIN t ON …` is an inner join whose table order its planner keeps; PostgreSQL's is JOIN.
      const crossJoin = /^cross$/i.test(word) ? /^\s+(JOIN\b)/i.exec(sql.slice(j)) : null;
      if (crossJoin) {
        out += crossJoin[1];
        i = j + crossJoin[0].length;
        continue;
      }
      if (/^insert$/i.test(word)) {
        const m = /^\s+OR\s+IGNORE\b/i.exec(sql.slice(j));
        if (m) {
          insertOrIgnore = true;
          out += word;
          i = j + m[0].length;
          continue;
        }
      }
      out += /[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word;
      i = j;
    } else {
      if (c === '(') depth++;
      else if (c === ')') {
        if (inOrder()) {
          endTerm();
          orders.pop();
        }
        depth--;
      } else if (c === ',' && inOrder()) endTerm();
      else if (c === ';' && inOrder()) {
        endTerm();
        orders.pop();
      }
      out += c;
      i++;
    }
  }
  while (orders.length) {
    endTerm();
    orders.pop();
  }
  if (insertOrIgnore) out = `${out.replace(/[\s;]+$/, '')} ON CONFLICT DO NOTHING`;
  return { text: out, params };
}

/** The values for a compiled statement from better-sqlite3-style arguments: positional values and/or one object of named ones. */
export function bindValues(compiled: CompiledSql, args: unknown[]): unknown[] {
  const positional: unknown[] = [];
  let namedArgs: Record<string, unknown> | undefined;
  for (const a of args) {
    if (a !== null && typeof a === 'object' && !Array.isArray(a) && !(a instanceof Uint8Array) && !(a instanceof Date)) namedArgs = a as Record<string, unknown>;
    else if (Array.isArray(a)) positional.push(...a);
    else positional.push(a);
  }
  return compiled.params.map((p) => {
    const v = p.kind === 'positional' ? positional[p.index] : namedArgs?.[p.name];
    if (v === undefined) throw new RangeError(`missing value for ${p.kind === 'positional' ? `placeholder ${p.index + 1}` : `@${p.name}`}`);
    return typeof v === 'bigint' ? v.toString() : v;
  });
}
