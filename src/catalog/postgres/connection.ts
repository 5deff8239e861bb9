/**
 * A PostgreSQL catalog connection with the synchronous API of better-sqlite3 (../connection.ts): each call is one
 * round trip to the session held by a worker thread (bridge.ts, session-worker.mjs). Statements are compiled once
 * (sql.ts) and cached with the statement object; iterate() reads through a cursor in batches, so an export of 600k
 * rows holds one batch at a time.
 */
import type { Connection, RunResult, Statement, Transaction } from '../connection.ts';
import { SyncWorker } from './bridge.ts';
import { bindValues, compileForPostgres, type CompiledSql } from './sql.ts';

const WORKER = new URL('./session-worker.mjs', import.meta.url);
/** Rows fetched per round trip when iterating. */
const CURSOR_BATCH = 1000;
const CONNECT_TIMEOUT_MS = 15_000;
/** The advisory lock every transaction takes (a key of its own: the run lock is another, lock.ts). */
const IMMEDIATE_LOCK = 7_248_113_001;

interface QueryResult {
  rows: unknown[];
  rowCount: number;
  fields: string[];
}

/** The URL as messages may show it: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export class PgConnection implements Connection {
  readonly name: string;
  private readonly worker: SyncWorker;
  private depth = 0;
  private cursors = 0;

  private constructor(readonly url: string) {
    this.name = redactUrl(url);
    this.worker = new SyncWorker(WORKER);
  }

  /** Connects (throws the driver's error when the server cannot be reached or refuses). */
  static connect(url: string): PgConnection {
    const c = new PgConnection(url);
    try {
      c.worker.call({ op: 'connect', url, timeoutMs: CONNECT_TIMEOUT_MS }, CONNECT_TIMEOUT_MS + 5000);
    } catch (err) {
      c.worker.terminate();
      throw err;
    }
    return c;
  }

  query(text: string, values: unknown[] = [], rowMode?: 'array'): QueryResult {
    return this.worker.call<QueryResult>({ op: 'query', text, values, rowMode });
  }

  prepare(sql: string): Statement {
    return new PgStatement(this, compileForPostgres(sql));
  }

  exec(sql: string): this {
    this.worker.call({ op: 'exec', text: sql });
    return this;
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    const run = (args: Parameters<F>) => {
      const savepoint = this.depth > 0 ? `nianbao_sp${this.depth}` : null;
      this.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      // One writing transaction at a time, as SQLite has one writer: the catalog's code was written for it (a
      // report's key figures deleted then inserted, a run's counts read then written). Without this, two workers
      // extracting two files of one report at once both inserted its key figures (a duplicate key, seen in CI).
      // Released at COMMIT or ROLLBACK. `immediate` (BEGIN IMMEDIATE in SQLite) is the same here.
      if (!savepoint) this.exec(`SELECT pg_advisory_xact_lock(${IMMEDIATE_LOCK})`);
      this.depth++;
      try {
        const result = fn(...args);
        this.depth--;
        this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
        return result;
      } catch (err) {
        this.depth--;
        try {
          this.exec(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK');
        } catch {
          // The session is gone: the server rolled back already.
        }
        throw err;
      }
    };
    const wrapped = (...args: Parameters<F>) => run(args);
    return Object.assign(wrapped, { immediate: wrapped }) as unknown as Transaction<F>;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  pragma(): unknown {
    return undefined;
  }

  /** A name for a new cursor of this session. */
  nextCursor(): string {
    return `nianbao_cursor${++this.cursors}`;
  }

  close(): this {
    try {
      this.worker.call({ op: 'end' }, 10_000);
    } catch {
      // Closing: nothing to keep.
    }
    this.worker.terminate();
    return this;
  }
}

class PgStatement implements Statement {
  private rawMode = false;
  private pluckMode = false;

  constructor(
    private readonly conn: PgConnection,
    private readonly sql: CompiledSql,
  ) {}

  raw(toggle = true): this {
    this.rawMode = toggle;
    return this;
  }

  pluck(toggle = true): this {
    this.pluckMode = toggle;
    return this;
  }

  columns(): { name: string }[] {
    const r = this.conn.query(`SELECT * FROM (${this.sql.text}) AS q LIMIT 0`, this.sql.params.map(() => null));
    return r.fields.map((name) => ({ name }));
  }

  private shape(rows: unknown[]): unknown[] {
    return this.pluckMode ? rows.map((r) => (r as unknown[])[0]) : rows;
  }

  private exec(args: unknown[]): QueryResult {
    return this.conn.query(this.sql.text, bindValues(this.sql, args), this.rawMode || this.pluckMode ? 'array' : undefined);
  }

  run(...args: unknown[]): RunResult {
    const r = this.exec(args);
    const first = r.rows[0] as Record<string, unknown> | unknown[] | undefined;
    // A statement ending RETURNING id gives the id better-sqlite3 reports as lastInsertRowid.
    const id = Array.isArray(first) ? first[0] : first?.id;
    return { changes: r.rowCount, lastInsertRowid: typeof id === 'number' ? id : 0 };
  }

  get(...args: unknown[]): unknown {
    return this.shape(this.exec(args).rows)[0];
  }

  all(...args: unknown[]): unknown[] {
    return this.shape(this.exec(args).rows);
  }

  iterate(...args: unknown[]): IterableIterator<unknown> {
    return this.walk(bindValues(this.sql, args));
  }

  private *walk(values: unknown[]): IterableIterator<unknown> {
    const cursor = this.conn.nextCursor();
    const rowMode = this.rawMode || this.pluckMode ? 'array' : undefined;
    // WITH HOLD: the cursor outlives the statement's implicit transaction, and other statements may run on the
    // session between batches (the export reads each report's files while walking the reports).
    this.conn.query(`DECLARE ${cursor} NO SCROLL CURSOR WITH HOLD FOR ${this.sql.text}`, values);
    try {
      for (;;) {
        const batch = this.conn.query(`FETCH ${CURSOR_BATCH} FROM ${cursor}`, [], rowMode).rows;
        yield* this.shape(batch);
        if (batch.length < CURSOR_BATCH) return;
      }
    } finally {
      try {
        this.conn.query(`CLOSE ${cursor}`);
      } catch {
        // The transaction that held it ended in error: the cursor went with it.
      }
    }
  }
}
