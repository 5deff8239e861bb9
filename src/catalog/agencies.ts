/** Agencies and their aliases. One agency keeps one identity across names (name_key is unique across both tables). */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

export type AgencyLevel = 'province' | 'city' | 'county' | 'township';

export interface AgencyRow {
  id: number;
  name: string;
  name_key: string;
  division: string | null;
  level: AgencyLevel | null;
  province: string | null;
  city: string | null;
  county: string | null;
  discovered: number;
  discovered_via_agency_id: number | null;
}

export interface AgencyInput {
  name: string;
  nameKey: string;
  division?: string | null;
  level?: AgencyLevel | null;
  province?: string | null;
  city?: string | null;
  county?: string | null;
  discovered?: boolean;
  discoveredViaAgencyId?: number | null;
}

export interface AliasInput {
  alias: string;
  nameKey: string;
  validFromYear?: number | null;
  validToYear?: number | null;
  source?: 'seed' | 'title' | 'metadata';
}

/** Whether upsert(input) would leave `existing` as it is (the UPDATE below, field by field). */
function unchangedBy(existing: AgencyRow, input: AgencyInput): boolean {
  const keepsName = input.discovered && !existing.discovered;
  return (
    (keepsName || (existing.name === input.name && existing.name_key === input.nameKey)) &&
    existing.division === (input.division ?? existing.division) &&
    existing.level === (input.level ?? existing.level) &&
    existing.province === (input.province ?? existing.province) &&
    existing.city === (input.city ?? existing.city) &&
    existing.county === (input.county ?? existing.county) &&
    existing.discovered === (input.discovered ? existing.discovered : 0)
  );
}

export class Agencies {
  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  // Prepared once per connection (the registry sync runs these for every agency and entry).
  private readonly statements: StatementCache;

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  byId(id: number): AgencyRow | undefined {
    return this.stmt('SELECT * FROM agencies WHERE id = ?').get(id) as AgencyRow | undefined;
  }

  /** Finds the agency whose canonical name or any alias has this key. */
  byNameKey(nameKey: string): AgencyRow | undefined {
    return (this.stmt('SELECT * FROM agencies WHERE name_key = ?').get(nameKey) ??
      this.stmt('SELECT a.* FROM agency_aliases x JOIN agencies a ON a.id = x.agency_id WHERE x.name_key = ?')
        .get(nameKey)) as AgencyRow | undefined;
  }

  /** The id of the agency whose canonical name or any alias has this key (one indexed look-up, no row read). */
  idByNameKey(nameKey: string): number | null {
    const row = (this.stmt('SELECT id FROM agencies WHERE name_key = ?').get(nameKey) ??
      this.stmt('SELECT agency_id AS id FROM agency_aliases WHERE name_key = ?').get(nameKey)) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /**
   * Every agency with its names (canonical first, then its aliases by alias), by id, streamed: one pass over both
   * tables instead of a query per agency (100k of them at national size).
   */
  *names(): Generator<{ id: number; name: string; division: string | null; names: string[] }> {
    const rows = this.stmt(
      `SELECT a.id, a.name, a.division, x.alias FROM agencies a LEFT JOIN agency_aliases x ON x.agency_id = a.id
       ORDER BY a.id, x.alias`,
    ).iterate() as IterableIterator<{ id: number; name: string; division: string | null; alias: string | null }>;
    let current: { id: number; name: string; division: string | null; names: string[] } | undefined;
    for (const r of rows) {
      if (current === undefined || current.id !== r.id) {
        if (current !== undefined) yield current;
        current = { id: r.id, name: r.name, division: r.division, names: [] as string[] };
        current.names.push(r.name);
      }
      if (r.alias !== null) current.names.push(r.alias);
    }
    if (current !== undefined) yield current;
  }

  all(): AgencyRow[] {
    return this.stmt('SELECT * FROM agencies ORDER BY id').all() as AgencyRow[];
  }

  /**
   * Creates the agency, or updates the one that already has this name (or has it as an alias: a registry entry
   * whose canonical name was first seen as an alias takes that identity over). Registry data wins over discovery.
   */
  upsert(input: AgencyInput): AgencyRow {
    const now = nowIso();
    const existing = this.byNameKey(input.nameKey);
    if (existing && unchangedBy(existing, input)) {
      // A nightly run syncs every registry agency (100k at national size), nearly all unchanged: no write, no re-read.
      return existing;
    }
    if (existing) {
      this.stmt(
          `UPDATE agencies SET name = ?, name_key = ?, division = coalesce(?, division), level = coalesce(?, level),
             province = coalesce(?, province), city = coalesce(?, city), county = coalesce(?, county),
             discovered = CASE WHEN ? THEN discovered ELSE 0 END, updated_at = ? WHERE id = ?`,
        )
        .run(
          input.discovered && !existing.discovered ? existing.name : input.name,
          input.discovered && !existing.discovered ? existing.name_key : input.nameKey,
          input.division ?? null,
          input.level ?? null,
          input.province ?? null,
          input.city ?? null,
          input.county ?? null,
          input.discovered ? 1 : 0,
          now,
          existing.id,
        );
      if (existing.name_key !== input.nameKey && !input.discovered) {
        // The canonical name changed: keep the old one as an alias, drop the alias row that now is canonical.
        this.stmt('DELETE FROM agency_aliases WHERE name_key = ?').run(input.nameKey);
        this.addAlias(existing.id, { alias: existing.name, nameKey: existing.name_key, source: 'seed' });
      }
      return this.byId(existing.id)!;
    }
    const info = this.stmt(
        `INSERT INTO agencies (name, name_key, division, level, province, city, county, discovered,
           discovered_via_agency_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        input.name,
        input.nameKey,
        input.division ?? null,
        input.level ?? null,
        input.province ?? null,
        input.city ?? null,
        input.county ?? null,
        input.discovered ? 1 : 0,
        input.discoveredViaAgencyId ?? null,
        now,
        now,
      );
    return this.byId((info as { id: number }).id)!;
  }

  /** Adds an alias unless its key already names this or another agency (first identity wins). */
  addAlias(agencyId: number, alias: AliasInput): boolean {
    const owner = this.byNameKey(alias.nameKey);
    if (owner) return owner.id === agencyId;
    this.stmt(
        `INSERT INTO agency_aliases (agency_id, alias, name_key, valid_from_year, valid_to_year, source)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(agencyId, alias.alias, alias.nameKey, alias.validFromYear ?? null, alias.validToYear ?? null, alias.source ?? 'seed');
    return true;
  }

  aliases(agencyId: number): { alias: string; name_key: string; source: string }[] {
    return this.stmt('SELECT alias, name_key, source FROM agency_aliases WHERE agency_id = ? ORDER BY alias')
      .all(agencyId) as { alias: string; name_key: string; source: string }[];
  }
}
