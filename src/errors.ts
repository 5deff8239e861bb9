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

/** The storage directory is locked by a live run. */
export class LockedError extends NianbaoError {
  override readonly exitCode = ExitCode.locked;
}

/** The catalog or the file store failed. */
export class StorageError extends NianbaoError {
  override readonly exitCode = ExitCode.storage;
}

/** A read-only command was pointed at a storage path that holds no catalog (a mistyped --storage, usually). */
export class NoCatalogError extends NianbaoError {
  override readonly exitCode = ExitCode.noCatalog;
}

/** A fetch failed in a way that is final for this URL in this run (4xx, scope, robots, size cap). */
export class FetchError extends NianbaoError {
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchFailureKind,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${message} (${url})`, options);
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
  | 'blocked'; // anti-bot challenge the HTTP path cannot pass
