/**
 * `nianbao migrate-catalog`: copies a SQLite catalog, as it is, into an empty PostgreSQL catalog of the same schema
 * (Catalog.open has migrated it). Every table is copied row for row, ids included, the derived ones too
 * (report_key_figures, report_region_counts, file_counts, the rendition cells): the target's triggers are off while
 * it copies (session_replication_role = replica, which also defers nothing and checks no foreign key: the source's
 * are whole), so nothing is counted twice. One read transaction on the source (a snapshot, even if a crawl writes
 * to it meanwhile) and one transaction on the target: a copy is whole or not there at all.
 */
import type { Catalog } from './catalog.ts';

/** Rows per INSERT statement (PostgreSQL takes at most 65535 parameters per statement). */
const ROWS_PER_INSERT = 200;

export interface CopyReport {
  /** Rows copied per table. */
  tables: Record<string, number>;
}

export class TargetNotEmptyError extends Error {}

/** Tables of the source that hold catalog data (schema_migrations is the target's own, already written). */
function sourceTables(from: Catalog): string[] {
  return (
    from.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

export function copyCatalog(from: Catalog, to: Catalog, progress: (line: string) => void = () => undefined): CopyReport {
  const tables = sourceTables(from);
  const report: CopyReport = { tables: {} };
  from.tx(() =>
    to.tx(() => {
      for (const t of tables) {
        const has = to.db.prepare(`SELECT 1 AS x FROM ${t} LIMIT 1`).get();
        if (has) throw new TargetNotEmptyError(`the target catalog already holds data (table ${t}): migrate-catalog copies into an empty database only`);
      }
      to.db.exec('SET LOCAL session_replication_role = replica');
      for (const t of tables) {
        const columns = (from.db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name);
        const read = from.db.prepare(`SELECT ${columns.join(', ')} FROM ${t}`);
        read.raw(true);
        const rowSql = `(${columns.map(() => '?').join(', ')})`;
        const insertOf = new Map<number, ReturnType<typeof to.db.prepare>>();
        const flush = (batch: unknown[][]) => {
          let ins = insertOf.get(batch.length);
          if (!ins) {
            ins = to.db.prepare(`INSERT INTO ${t} (${columns.join(', ')}) VALUES ${Array(batch.length).fill(rowSql).join(', ')}`);
            insertOf.set(batch.length, ins);
          }
          ins.run(batch.flat());
        };
        let batch: unknown[][] = [];
        let n = 0;
        for (const row of read.iterate() as IterableIterator<unknown[]>) {
          batch.push(row);
          n++;
          if (batch.length === ROWS_PER_INSERT) {
            flush(batch);
            batch = [];
          }
        }
        if (batch.length) flush(batch);
        report.tables[t] = n;
        if (n) progress(`${t}: ${n} rows`);
      }
      // Identity columns continue after the copied ids.
      const identities = to.db
        .prepare("SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")
        .all() as { t: string; c: string }[];
      for (const { t, c } of identities) {
        to.db.prepare(`SELECT setval(pg_get_serial_sequence('${t}', '${c}'), coalesce((SELECT max(${c}) FROM ${t}), 0) + 1, false)`).get();
      }
      to.db.exec('SET LOCAL session_replication_role = origin');
      for (const t of tables) {
        const got = (to.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
        if (got !== report.tables[t]) throw new Error(`copy of ${t}: ${got} rows in the target, ${report.tables[t]} in the source`);
      }
    }),
  );
  return report;
}
