/**
 * One run at a time per PostgreSQL catalog: a session-level advisory lock of the catalog's database, held by a
 * session of its own for the run's life. Several machines share the catalog and none shares a storage directory, so
 * the lock file of ../lock.ts cannot serve; the database can. A killed run's session ends with its process (or when
 * the server notices the dead connection), and the lock with it: there is no stale lock to take over.
 */
import { LockedError, StorageError } from '../../errors.ts';
import { PgConnection, redactUrl } from './connection.ts';

/** The advisory lock key of crawl-type runs ('nb' and 1); schema changes use another (migrate.ts). */
const RUN_LOCK = 0x6e62_0002;

export interface PostgresLock {
  release(): void;
}

export function acquirePostgresLock(url: string, command: string): PostgresLock {
  let conn: PgConnection;
  try {
    conn = PgConnection.connect(url);
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  const got = (conn.query('SELECT pg_try_advisory_lock($1) AS got', [RUN_LOCK]).rows[0] as { got: number }).got;
  if (!got) {
    const holder = conn.query(
      `SELECT a.pid, a.client_addr::text AS addr, a.backend_start::text AS since, a.application_name AS app
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.objid = $1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [RUN_LOCK],
    ).rows[0] as { pid: number; addr: string | null; since: string } | undefined;
    conn.close();
    const who = holder ? ` (server session ${holder.pid} from ${holder.addr ?? 'a local socket'}, since ${holder.since})` : '';
    throw new LockedError(`the catalog ${redactUrl(url)} is locked by another run${who}; ${command} not started`);
  }
  return {
    release() {
      conn.close(); // ends the session, which releases its advisory locks
    },
  };
}
