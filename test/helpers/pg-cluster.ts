/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary directory, a server on a free port of
 * 127.0.0.1 (its socket in the same directory), stopped and removed when the test file ends. It uses Debian's
 * `postgresql` package (server binaries found by `postgresBinDir`); nothing is asked of a system-wide cluster.
 *
 * PostgreSQL refuses to run as root: run as root (CI containers), the cluster belongs to the `postgres` user the
 * package creates, and its commands run through `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { postgresBinDir } from './tools.ts';

export interface PgCluster {
  /** postgres://nianbao@127.0.0.1:PORT/postgres: the superuser on the default database (trust authentication). */
  url: string;
  port: number;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): string;
  /** The server's log so far (for a failing test's message). */
  log(): string;
  /** Stops the server at once (pg_ctl -m immediate) and removes its files; also run when the test file ends. */
  stop(): void;
  /** The server's main process (its backends are its children): the bench reads their CPU time. */
  pid(): number;
}

const USER = 'nianbao';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster (call `requireTools(t, 'postgres')` first). Throws with the server's log when it cannot start.
 * In a test file it is stopped when the file ends; outside one (`inTest: false`, the bench), by the caller.
 */
export async function startPgCluster(opts: { inTest?: boolean } = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries: install the Debian package postgresql');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) {
    // mkdtemp makes 0700 directories owned by root; the cluster's owner must write in it.
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (cmd: string, args: string[]) => {
    const file = path.join(bin, cmd);
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      : execFileSync(file, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const readLog = () => {
    try {
      return execFileSync('cat', [logFile], { encoding: 'utf8' });
    } catch {
      return '';
    }
  };
  run('initdb', ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'].join(' ');
  try {
    run('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
  } catch (err) {
    const log = readLog();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${log}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone (a test killed it): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (opts.inTest !== false) after(stop);
  const urlOf = (db: string) => `postgres://${USER}@127.0.0.1:${port}/${db}`;
  return {
    url: urlOf('postgres'),
    port,
    createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', USER, name]);
      return urlOf(name);
    },
    log: readLog,
    stop,
    pid: () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
  };
}
