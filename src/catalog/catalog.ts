/**
 * The catalog: the single source of truth, a SQLite file (the default) or a PostgreSQL database. The rest of
 * nianbao talks to it through this facade, the same synchronous calls for either.
 */
import { openDb, openDbReadOnly, type Db } from './db.ts';
import { Agencies } from './agencies.ts';
import { SeedEntries } from './seed-entries.ts';
import { Reports } from './reports.ts';
import { Files } from './files.ts';
import { UrlStates } from './url-state.ts';
import { Runs } from './runs.ts';
import { ExportQueries } from './export-queries.ts';
import { StatusQueries } from './status-queries.ts';
import { Extractions } from './extractions.ts';
import { ChallengeHosts } from './challenge-hosts.ts';
import { SeedHealth } from './seed-health.ts';
import { LearnedEndpoints } from './learned-endpoints.ts';
import { SeedMoves } from './seed-moves.ts';
import { RegistrySnapshot } from './registry-snapshot.ts';
import { FrontierRequests } from './frontier-requests.ts';
import { GROUP_COMMIT, GroupCommit, type GroupCommitOptions } from './group-commit.ts';
import { PgConnection } from './postgres/connection.ts';
import type Database from 'better-sqlite3';

export class Catalog {
  readonly agencies: Agencies;
  readonly seeds: SeedEntries;
  readonly reports: Reports;
  readonly files: Files;
  readonly urls: UrlStates;
  readonly runs: Runs;
  readonly exports: ExportQueries;
  readonly status: StatusQueries;
  readonly extractions: Extractions;
  readonly challenges: ChallengeHosts;
  readonly seedHealth: SeedHealth;
  readonly learned: LearnedEndpoints;
  readonly seedMoves: SeedMoves;
  readonly registry: RegistrySnapshot;
  readonly frontier: FrontierRequests;

  constructor(readonly db: Db) {
    this.agencies = new Agencies(db);
    this.seeds = new SeedEntries(db);
    this.reports = new Reports(db);
    this.files = new Files(db);
    this.urls = new UrlStates(db);
    this.runs = new Runs(db);
    this.exports = new ExportQueries(db);
    this.status = new StatusQueries(db);
    this.extractions = new Extractions(db);
    this.challenges = new ChallengeHosts(db);
    this.seedHealth = new SeedHealth(db);
    this.learned = new LearnedEndpoints(db);
    this.seedMoves = new SeedMoves(db);
    this.registry = new RegistrySnapshot(db);
    this.frontier = new FrontierRequests(db);
  }

  /** location: a SQLite file path, or a postgres:// URL (see db.ts); migrated to this code's schema. */
  static open(location: string): Catalog {
    return new Catalog(openDb(location));
  }

  /** An existing catalog, read-only; NoCatalogError when there is none (nothing is created). */
  static openReadOnly(location: string): Catalog {
    return new Catalog(openDbReadOnly(location));
  }

  /** Runs fn in one transaction. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Group commit of a crawl's writes (group-commit.ts); null for a PostgreSQL catalog, which commits as before. */
  groupCommit(opts: Partial<GroupCommitOptions> = {}): GroupCommit | null {
    return this.db instanceof PgConnection ? null : new GroupCommit(this.db as unknown as Database.Database, { ...GROUP_COMMIT, ...opts });
  }

  close(): void {
    this.db.close();
  }
}
