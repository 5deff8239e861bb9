/**
 * The connection every catalog module speaks through: the part of better-sqlite3's API the modules use, so that a
 * SQLite database (better-sqlite3 itself) and a PostgreSQL one (postgres/connection.ts, driven synchronously through
 * a worker thread) stand behind the same synchronous calls. Statements are written once, in the SQL both accept;
 * postgres/sql.ts compiles them for PostgreSQL (placeholders, mixed-case aliases, INSERT OR IGNORE).
 */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows as arrays of column values (better-sqlite3's raw mode). */
  raw(toggle?: boolean): this;
  /** Rows as their first column's value. */
  pluck(toggle?: boolean): this;
  /** The columns of the rows it returns, in order. */
  columns(): { name: string }[];
}

/** A transaction function, and the same taking the write lock first. */
export type Transaction<F extends (...args: never[]) => unknown> = F & { immediate: F };

export interface Connection {
  /** For messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly name: string;
  prepare(sql: string): Statement;
  exec(sql: string): this;
  /**
   * better-sqlite3's transaction(): a function running fn in a transaction (a savepoint when nested); its `immediate`
   * form takes the write lock first (SQLite's BEGIN IMMEDIATE; on PostgreSQL a transaction-scoped advisory lock), for
   * a read-modify-write that several processes may run at once (a queued run's counts).
   */
  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
  /** SQLite pragmas (tuning only); a PostgreSQL connection ignores them and returns undefined. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  close(): this;
}
