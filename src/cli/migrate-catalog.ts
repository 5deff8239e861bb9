/** `nianbao migrate-catalog`: copies a SQLite catalog into an empty PostgreSQL database. */
import { Command } from 'commander';
import { Catalog } from '../catalog/catalog.ts';
import { TargetNotEmptyError, copyCatalog } from '../catalog/copy-catalog.ts';
import { isPostgresUrl } from '../catalog/db.ts';
import { redactUrl } from '../catalog/postgres/connection.ts';
import { acquirePostgresLock } from '../catalog/postgres/lock.ts';
import { UsageError } from '../errors.ts';
import { say } from './common.ts';

export function migrateCatalogCommand(): Command {
  return new Command('migrate-catalog')
    .description('copy a SQLite catalog into an empty PostgreSQL database (created schema, same rows and ids)')
    .requiredOption('--from <file>', 'the SQLite catalog (e.g. storage/catalog.sqlite)')
    .requiredOption('--to <url>', 'the PostgreSQL database: postgres://user:password@host:port/database (empty)')
    .action((opts: { from: string; to: string }) => {
      if (!isPostgresUrl(opts.to)) throw new UsageError(`--to must be a postgres:// URL, got ${redactUrl(opts.to)}`);
      if (isPostgresUrl(opts.from)) throw new UsageError('--from must be a SQLite catalog file');
      const from = Catalog.openReadOnly(opts.from);
      try {
        const lock = acquirePostgresLock(opts.to, 'migrate-catalog');
        try {
          const to = Catalog.open(opts.to);
          try {
            const started = Date.now();
            const r = copyCatalog(from, to, (line) => say(`  ${line}`));
            const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
            say(`copied ${rows} rows of ${Object.keys(r.tables).length} tables from ${opts.from} to ${to.db.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          } catch (err) {
            if (err instanceof TargetNotEmptyError) throw new UsageError(`${err.message}; nothing was written`);
            throw err;
          } finally {
            to.close();
          }
        } finally {
          lock.release();
        }
      } finally {
        from.close();
      }
    });
}
