/**
 * Brings the catalog in line with the seeds files: every agency (with its aliases and region) and every entry.
 * Region names missing from a seed are filled in from its division code.
 *
 * At national size (97k agencies, 35k entries) a nightly run must not redo what the last one did: seeds files whose
 * names and contents are those of the last sync are neither parsed nor synced (their entries come from the
 * catalog's snapshot), and when they changed only the agencies whose record changed are written.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.ts';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import { ConfigError } from '../errors.ts';
import { getDivision, regionOf } from './divisions.ts';
import { nameKey } from './normalize.ts';
import { parseSeedsFiles, readSeedsFiles, type SeedAgency, type SeedsFileText } from './seeds-file.ts';

/**
 * Changes whenever what a sync derives from a record changes (the region fill-in below, the divisions data it reads,
 * name keys): every agency is then synced again once, instead of trusting rows written by the older code.
 */
const SYNC_VERSION = 'sync-1';

export interface RegistrySync {
  /** The registry's entries in file order, as catalog rows. */
  entries: SeedEntryRow[];
  /** Whether the seeds files were parsed (false: unchanged since the last sync, taken from the catalog). */
  parsed: boolean;
  /** Agencies whose record was new or changed, and so written (checked, upserted, aliases and entries synced). */
  synced: number;
}

/**
 * The registry of these seeds files, synced into the catalog. Unchanged files (same names, same bytes, in the same
 * order) are not parsed: their entries are the ones recorded by the sync that read them.
 */
export function syncRegistryFiles(catalog: Catalog, files: string[]): RegistrySync {
  const read = readSeedsFiles(files);
  const key = filesKey(read);
  const known = catalog.registry.entriesOf(key);
  if (known) return { entries: known, parsed: false, synced: 0 };
  const seeds = parseSeedsFiles(read);
  read.length = 0; // the texts (16 MB at national size) are not needed during the sync
  return catalog.tx(() => {
    const { entries, synced } = syncAgencies(catalog, seeds);
    catalog.registry.saveFiles(key, seeds.length, entries.map((e) => e.id));
    return { entries, parsed: true, synced };
  });
}

/** Syncs seeds already parsed (a backfill's province, a test's list). Returns their entries, in order. */
export function syncRegistry(catalog: Catalog, seeds: SeedAgency[]): SeedEntryRow[] {
  return catalog.tx(() => {
    // These seeds need not be the files' whole registry, so the snapshot of the last files no longer describes it.
    catalog.registry.forgetFiles();
    return syncAgencies(catalog, seeds).entries;
  });
}

function filesKey(read: SeedsFileText[]): string {
  const h = createHash('sha256').update(SYNC_VERSION);
  for (const f of read) h.update(`\n${f.display}\n${f.sha256}`);
  return h.digest('hex');
}

/** The record of one agency as parsed (its seeds file included): equal fingerprints, equal sync. */
function fingerprint(s: SeedAgency): string {
  return createHash('sha256').update(SYNC_VERSION).update(JSON.stringify(s)).digest('base64url');
}

function syncAgencies(catalog: Catalog, seeds: SeedAgency[]): { entries: SeedEntryRow[]; synced: number } {
  const known = catalog.registry.fingerprints();
  const entries: SeedEntryRow[] = [];
  let synced = 0;
  for (const [i, s] of seeds.entries()) {
    if (s.division && !getDivision(s.division)) {
      throw new ConfigError(`${s.seedsFile}: agencies[${i}] (${s.name}).division: ${s.division} is not a known GB/T 2260 code`);
    }
    const fp = fingerprint(s);
    const agencyId = known.get(fp);
    if (agencyId !== undefined) {
      // Synced from this very record before. Its entries are still its own unless a later sync moved one.
      const rows = s.entries.map((e) => catalog.seeds.byUrl(e.url));
      if (rows.every((r) => r !== undefined && r.agency_id === agencyId)) {
        entries.push(...(rows as SeedEntryRow[]));
        continue;
      }
    }
    synced += 1;
    entries.push(...syncAgency(catalog, s, i, fp));
  }
  return { entries, synced };
}

function syncAgency(catalog: Catalog, s: SeedAgency, i: number, fp: string): SeedEntryRow[] {
  const region = s.division ? regionOf(s.division) : undefined;
  const agency = catalog.agencies.upsert({
    name: s.name,
    nameKey: nameKey(s.name),
    division: s.division ?? null,
    level: s.level ?? (region?.level as 'province' | 'city' | 'county' | undefined) ?? null,
    province: s.province ?? region?.province ?? null,
    city: s.city ?? region?.city ?? null,
    county: s.county ?? region?.county ?? null,
  });
  for (const alias of s.aliases) {
    const owner = catalog.agencies.byNameKey(nameKey(alias));
    if (owner && owner.id !== agency.id && !owner.discovered) {
      throw new ConfigError(`${s.seedsFile}: agencies[${i}] (${s.name}).aliases: "${alias}" already names ${owner.name}`);
    }
    catalog.agencies.addAlias(agency.id, { alias, nameKey: nameKey(alias), source: 'seed' });
  }
  const entries = s.entries.map((e) =>
    catalog.seeds.upsert({ agencyId: agency.id, url: e.url, host: new URL(e.url).host.toLowerCase(), family: e.family, render: e.render, seedsFile: s.seedsFile }),
  );
  catalog.registry.setFingerprint(agency.id, fp);
  return entries;
}
