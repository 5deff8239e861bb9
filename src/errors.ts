/**
 * Typed errors. The CLI maps each class to one line and an exit code (see README "Exit codes"),
 * so callers decide by type, never by message text.
 */

/** Exit codes of the `nianbao` command; documented in README.md. */
export const ExitCode = {
  ok: 0,
  /** The run finished but some URLs or documents failed (see the run summary). */
  partial: 1,
  /** Bad command line (unknown flag, missing argument). */
  usage: 2,
  /** A seeds file or configuration value is invalid. */
  config: 3,
  /** Another run holds the storage directory's lock. */
  locked: 4,
  /** The catalog or the store cannot be opened or written. */
  storage: 5,
  /** A read-only command (export, coverage, status) found no catalog at the storage path; nothing was created. */
  noCatalog: 6,
  /** The run finished without failures, but some seed entries yielded no report items, or fewer than their pager or
   * list answer announces (`short`; see `nianbao status --seeds`).
   * Failures win: a run with failed URLs exits 1 even when seeds were also empty. */
  seedsEmpty: 7,
  /** The work queue (PostgreSQL, `--queue`) is unreachable, or a worker lost a job's lease (it stopped at once). */
  queue: 8,
  /** Anything unexpected: a bug. */
  internal: 70,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class NianbaoError extends Error {
  readonly exitCode: ExitCodeValue = ExitCode.internal;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A seeds file, or a configuration value, is wrong. The message names file, entry and field. */
export class ConfigError extends NianbaoError {
  override readonly exitCode = ExitCode.config;
}

/** The command line is wrong in a way the argument parser cannot see (e.g. a bad year range). */
export class UsageError extends NianbaoError {
  override readonly exitCode = ExitCode.usage;
}

/** The storage directory is locked by a live run, or the catalog by another writer. */
export class LockedError extends NianbaoError {
  override readonly exitCode = ExitCode.locked;
}

/** The catalog or the file store failed. */
export class StorageError extends NianbaoError {
  override readonly exitCode = ExitCode.storage;
}

/** The work queue failed: unreachable, refused a write, or a job's lease was lost to another worker. */
export class QueueError extends NianbaoError {
  override readonly exitCode = ExitCode.queue;
}

/** A read-only command was pointed at a storage path that holds no catalog (a mistyped --storage, usually). */
export class NoCatalogError extends NianbaoError {
  override readonly exitCode = ExitCode.noCatalog;
}

/**
 * Our own storage refused a write (disk full, quota, read-only, permission, I/O error, SQLite full): a sink fault,
 * never the source's. The run stops at once, blames no host, keeps nothing partial; the next run resumes.
 */
export class SinkError extends StorageError {
  constructor(
    readonly path: string,
    readonly code: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot write ${path}: ${code} (${detail}); stopped, nothing partial kept: fix the storage and run again to resume`, options);
  }
}

/** Error codes of the storage itself (node fs and SQLite), as opposed to the source's (network, HTTP). */
const SINK_CODES = /^(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EIO|EFBIG|SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN)(_|$)/;

/** The code of a node or SQLite error (`ENOSPC`, `SQLITE_FULL`, …), if it has one. */
export function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * The sink fault behind err, told by its code (never its message); null when err is not one. `where` names the
 * file written when the error itself does not (SQLite errors never do).
 */
export function sinkErrorOf(err: unknown, where: string): SinkError | null {
  if (err instanceof SinkError) return err;
  const code = errorCode(err);
  if (!code || !SINK_CODES.test(code)) return null;
  const p = (err as { path?: unknown }).path;
  const detail = String((err as Error).message ?? err).replace(/^[A-Z_]+: /, '').split('\n')[0]!;
  return new SinkError(typeof p === 'string' ? p : where, code, detail, { cause: err });
}

/** A fetch failed in a way that is final for this URL in this run (4xx, scope, robots, size cap). */
export class FetchError extends NianbaoError {
  /** The message without its URL: what a tally keyed by host says of many URLs refused alike. */
  readonly detail: string;
  /** A web page answered for a document (`not_document`): its first bytes, for the crawl to look for the document's
   * own link in it (a download page's 点击下载: crawl/download-page.ts). */
  readonly page?: { bytes: Buffer; contentType: string | null };
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchFailureKind,
    readonly status?: number,
    options?: { cause?: unknown; page?: { bytes: Buffer; contentType: string | null } },
  ) {
    super(`${message} (${url})`, options);
    this.detail = message;
    if (options?.page) this.page = options.page;
  }
  /** Whether trying the same URL again later in this run may succeed. */
  get retryable(): boolean {
    return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout' || this.kind === 'truncated';
  }
}

export type FetchFailureKind =
  | 'gone' // 404 / 410
  | 'client' // other 4xx
  | 'server' // 5xx
  | 'network' // reset, refused, DNS
  | 'timeout'
  | 'truncated' // fewer bytes than Content-Length
  | 'too_large' // over the size cap
  | 'off_scope' // host not in the registry
  | 'robots' // disallowed by robots.txt
  | 'circuit_open' // host skipped after too many consecutive failures
  | 'redirect_loop' // a redirect back to a URL of the same chain, or too many hops
  | 'blocked' // anti-bot challenge the HTTP path cannot pass
  | 'malformed' // a list answer (JSON) that cannot be parsed: never an "ok" page with no items
  | 'not_document' // a link naming a document answered by a web page (a download page's "文件不存在", HTTP 200)
  | 'sign_in'; // a file link redirected to a sign-in page (the file refused to visitors)

/**
 * A storage fault as the error the CLI reports: a sink fault (exit 5), or the catalog held by another writer past
 * the busy timeout (SQLITE_BUSY, exit 4); null for anything else.
 */
export function storageFaultOf(err: unknown, catalogPath: string): SinkError | LockedError | null {
  if (err instanceof LockedError) return err;
  if (errorCode(err)?.startsWith('SQLITE_BUSY')) {
    return new LockedError(`the catalog ${catalogPath} is locked by another writer (SQLITE_BUSY); stopped, run again when it is free`, { cause: err });
  }
  return sinkErrorOf(err, catalogPath);
}
